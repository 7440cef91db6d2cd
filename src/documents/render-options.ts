import type { Facts } from '../facts/facts.js';
import { TOOL } from '../version.js';
import type { Paper, RenderOptions } from './types.js';

/** The date written into every document: SOURCE_DATE_EPOCH when set, else the data's as-of date. */
export function documentDate(facts: Facts, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const [year, month, day] = String(facts.meta.asOf).split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** What a build or the preview renders documents with: the options asked for, the tool, the date. */
export function renderOptionsFor(
  facts: Facts,
  options: { paper: Paper; distribution?: string; author?: string; timeoutMs?: number; allowRemote?: boolean },
): RenderOptions {
  return {
    paper: options.paper,
    distribution: options.distribution,
    author: options.author,
    creator: TOOL.creator,
    date: documentDate(facts),
    timeoutMs: options.timeoutMs,
    allowRemote: options.allowRemote,
  };
}
