// Two editions of the bundled data (issue 22): a copy as it is, and a copy edited the way a
// second edition is: an amount revised, a claim added, an event removed, a programme renamed.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './run-cli.js';

/** A file's text with `from` replaced by `to`; fails where `from` is not there once, so an edit never silently does nothing. */
export async function editFile(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`${file}: expected ${JSON.stringify(from)} once`);
  await writeFile(file, text.slice(0, at) + to + text.slice(at + from.length));
}

/** The claim the second edition adds: an outside fact, so that it needs no excerpt. */
export const NEW_CLAIM = `  - id: qiming-new-office
    statement: MIIT opened an office in Shenzhen in 2024 to receive applications for Qiming from abroad.
    attribution:
      kind: outside-fact
      who: the test desk
    programmes: [qiming]
    confidence: low
`;

/** The four edits of the second edition, to a copy of the bundled data. */
export async function editBundledData(dir: string): Promise<void> {
  const qiming = path.join(dir, 'programmes/qiming.yaml');
  await editFile(qiming, '      en: Qiming\n', '      en: Qiming Plan\n');
  await editFile(qiming, '        min: 3000000\n', '        min: 3500000\n');
  const claims = path.join(dir, 'claims/qiming.yaml');
  await writeFile(claims, `${await readFile(claims, 'utf8')}${NEW_CLAIM}`);
  const timeline = path.join(dir, 'timeline.yaml');
  const text = await readFile(timeline, 'utf8');
  const [start, end] = [text.indexOf('  - id: ma-yuanxiao-named\n'), text.indexOf('  - id: dawei-di-reported\n')];
  if (start < 0 || end < start) throw new Error(`${timeline}: the event ma-yuanxiao-named is not where expected`);
  await writeFile(timeline, text.slice(0, start) + text.slice(end));
}

/** The lines `brief diff` prints between the bundled data and its edited copy, as a reader sees them. */
export const EXPECTED_LINES = [
  'changed programme qiming name.en: "Qiming" -> "Qiming Plan"',
  'added claim qiming-new-office: "MIIT opened an office in Shenzhen in 2024 to receive …"',
  'changed amount qiming/signing-bonus min: 3000000 -> 3500000',
  'removed event ma-yuanxiao-named (2021: Ma Yuanxiao of the Beijing Institute of Technology …)',
];

/** A temporary folder holding `first/` (the bundled data as it is) and `second/` (edited); remove it after. */
export async function twoEditions(): Promise<{ dir: string; first: string; second: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-editions-'));
  const [first, second] = [path.join(dir, 'first'), path.join(dir, 'second')];
  await cp(path.join(ROOT, 'data'), first, { recursive: true });
  await cp(path.join(ROOT, 'data'), second, { recursive: true });
  await editBundledData(second);
  return { dir, first, second, remove: () => rm(dir, { recursive: true, force: true }) };
}
