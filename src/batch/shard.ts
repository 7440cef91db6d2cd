// --shard K/N: a stable part of the plan, so a CI matrix can split a batch (issue 4, item 7).
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

/** The K-th of N parts, K counted from 1. */
export interface Shard {
  index: number;
  count: number;
}

/** The most parts a plan is split into. */
export const MAX_SHARDS = 10_000;

/** Reads "K/N" as typed on the command line. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard wants K/N with 1 <= K <= N, like 2/4; got "${text}"`);
  }
  // Past this, N is no CI matrix, and past 2^53 not even the number typed (issue 20): refused, not rounded.
  if (count > MAX_SHARDS) throw new UsageError(`--shard wants at most ${MAX_SHARDS} shards (N); got "${text}"`);
  return { index, count };
}

/**
 * Which shard a key belongs to: by a hash of the key, not its position, so adding a programme
 * moves no other document to another shard.
 */
export function shardOf(key: string, count: number): number {
  const digest = createHash('sha256').update(key).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The items of one shard, in their original order. */
export function selectShard<T extends { key: string }>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard || shard.count === 1) return [...items];
  return items.filter((item) => shardOf(item.key, shard.count) === shard.index);
}
