import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './run-cli.js';

/** A fixture folder under test/fixtures. */
export function fixture(...parts: string[]): string {
  return path.join(ROOT, 'test/fixtures', ...parts);
}

/** A temporary copy of a fixture folder; remove it with the returned function. */
export async function copyFixture(...parts: string[]): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-test-'));
  await cp(fixture(...parts), dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
