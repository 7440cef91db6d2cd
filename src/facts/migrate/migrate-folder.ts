// `brief migrate`: a data folder written for the first data model, rewritten in place. Every file
// is worked out first; a file that cannot be converted stops the run before any file is written.
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import type { Problem } from '../../errors.js';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import { decodeUtf8 } from '../decode-utf8.js';
import { readDataFolder } from '../read-data-folder.js';
import { parseYamlFile } from '../yaml-document.js';
import { migrateValues } from './expected-data.js';
import { migrateFile, type Change } from './migrate-file.js';
import { applyEdits, type TextEdit } from './text-edits.js';

/** What a migration would do, worked out before anything is written. */
export interface MigrationPlan {
  /** How many data files were read. */
  files: number;
  /** One line for each change, in file order. */
  changes: Change[];
  /** Why the folder cannot be migrated; when any, nothing is written. */
  refusals: Problem[];
  /** The new text of each file that changes. */
  rewrites: Array<{ file: string; absolute: string; text: string }>;
}

const BOM = '\uFEFF';

/** Every change the data folder needs, or every reason it cannot be converted. */
export async function planMigration(dataDir: string, cwd?: string): Promise<MigrationPlan> {
  const { files, problems } = await readDataFolder(path.resolve(dataDir), cwd);
  const plan: MigrationPlan = { files: files.length, changes: [], refusals: [...problems], rewrites: [] };
  for (const { file, absolute, bytes } of files) {
    const decoded = decodeUtf8(file, bytes);
    if ('problem' in decoded) {
      plan.refusals.push(decoded.problem);
      continue;
    }
    const { parsed, problems: syntax } = parseYamlFile(file, decoded.text);
    if (!parsed) {
      plan.refusals.push(...syntax);
      continue;
    }
    const migration = migrateFile(file, decoded.text, parsed.doc.contents, parsed.lines);
    plan.refusals.push(...migration.refusals);
    if (migration.edits.length === 0) continue;
    const text = applyEdits(decoded.text, inLineEnding(migration.edits, lineEndingOf(decoded.text)));
    // The rewritten text must read as the old one means: else a slip of the edits is refused, not written.
    const reread = text === undefined ? undefined : parseYamlFile(file, text).parsed;
    if (!reread || !isDeepStrictEqual(reread.data, migrateValues(parsed.data))) {
      plan.refusals.push({ file, line: 1, col: 1, path: '', message: 'cannot migrate: the rewritten file would not read as intended (a bug in brief; please report it with this file)' });
      continue;
    }
    plan.changes.push(...migration.changes);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? BOM : '';
    plan.rewrites.push({ file, absolute, text: bom + text });
  }
  if (plan.refusals.length > 0) return { ...plan, changes: [], rewrites: [] };
  return plan;
}

/** The file's own line ending, as its first line ends: "\r\n" or "\n". */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** The edits with every line break they write in the file's own ending (issue 20: a CRLF file came out with LF lines among its CRLF ones). */
function inLineEnding(edits: TextEdit[], ending: string): TextEdit[] {
  return edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r*\n/g, ending) }));
}

/** Write the plan's files, each whole or not at all. */
export async function writeMigration(plan: MigrationPlan): Promise<void> {
  for (const { absolute, text } of plan.rewrites) await writeFileAtomic(absolute, text);
}
