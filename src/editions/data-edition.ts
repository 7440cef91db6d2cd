// A data folder as an edition (issue 22): every record of its facts. A folder written for the first
// data model is converted in memory as `brief migrate` would convert it on disk, so that an old
// folder and its migrated copy are the same edition.
import path from 'node:path';
import type { Edition } from '../contracts/editions.js';
import { recordsOfFacts } from '../documents/facts-as-records.js';
import { EditionError, formatProblem, type Problem } from '../errors.js';
import type { Facts } from '../facts/facts.js';
import { checkDataFolder, checkFiles } from '../facts/load.js';
import { planMigration } from '../facts/migrate/migrate-folder.js';
import { readDataFolder } from '../facts/read-data-folder.js';

/** The edition a data folder is; `shown` is how messages name the folder. */
export async function readDataEdition(dir: string, shown = dir): Promise<Edition> {
  const facts = await factsOf(dir, shown);
  const edition = Number(facts.meta.edition ?? 1);
  return {
    asOf: String(facts.meta.asOf),
    number: Number.isInteger(edition) && edition > 0 ? edition : 1,
    records: recordsOfFacts(facts),
    documents: new Map(),
  };
}

async function factsOf(dir: string, shown: string): Promise<Facts> {
  const absolute = path.resolve(dir);
  const check = await checkDataFolder(absolute);
  if (check.facts && check.problems.length === 0) return check.facts;
  const migrated = await migratedFacts(absolute);
  if (migrated) return migrated;
  throw new EditionError(`${shown}: a data folder with problems, ${describeProblems(check.problems)} (run "brief check --data ${shown}")`);
}

/** The folder's facts read as `brief migrate` would rewrite it, or undefined where that does not make them whole. */
async function migratedFacts(absolute: string): Promise<Facts | undefined> {
  const plan = await planMigration(absolute);
  if (plan.refusals.length > 0 || plan.rewrites.length === 0) return undefined;
  const rewritten = new Map(plan.rewrites.map((r) => [r.absolute, r.text]));
  const { files, problems } = await readDataFolder(absolute);
  const raw = files.map((f) => {
    const text = rewritten.get(f.absolute);
    return text === undefined ? f : { ...f, bytes: Buffer.from(text, 'utf8') };
  });
  const check = await checkFiles(absolute, raw, problems);
  return check.facts && check.problems.length === 0 ? check.facts : undefined;
}

function describeProblems(problems: readonly Problem[]): string {
  const first = problems[0];
  if (!first) return 'none of it readable';
  const more = problems.length - 1;
  return `the first: ${formatProblem(first)}${more > 0 ? ` (and ${more} more)` : ''}`;
}
