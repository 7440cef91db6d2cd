import path from 'node:path';
import type { CommandModule } from 'yargs';
import { BriefError, EXIT, formatProblem } from '../errors.js';
import type { SourceVerification } from '../facts/verify-sources.js';
import type { GlobalArgs } from './global-args.js';
import { problemFailure } from './json-summary.js';
import { counted, say } from './output.js';

interface CheckArgs extends GlobalArgs {
  source?: string;
  json: boolean;
}

export const checkCommand: CommandModule<GlobalArgs, CheckArgs> = {
  command: 'check',
  describe: 'Validate every data file and cross-reference, and verify excerpts against their sources; report every problem at once',
  builder: (y) =>
    y
      .option('source', {
        type: 'string',
        describe: 'A text file to verify excerpts and quotes against, for the sources whose data names no text file (text:)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON summary: ok, exitCode, counts, problems and warnings' })
      .example('$0 check', 'validate data/ and verify each excerpt against the text file its source names')
      .example('$0 check --data my-briefs/data --source article.txt', 'verify against article.txt where a source names no text file'),
  handler: async (args) => {
    // Loaded here, not at start-up: every other command, a no-op build above all, starts faster.
    const { checkDataFolder } = await import('../facts/load.js');
    const cwd = process.cwd();
    const check = await checkDataFolder(args.data, { cwd });
    const problems = [...check.problems];
    const { verifySources } = await import('../facts/verify-sources.js');
    const fallback = args.source === undefined ? undefined : await readSourceText(args.source, cwd);
    const verification = await verifySources(check.files, { cwd, dataFolder: path.resolve(args.data), ...(fallback ? { fallback } : {}) });
    problems.push(...verification.problems);
    // Characters no bundled font draws (issue 11): a build would fail the documents that print them.
    const { findUndrawableText } = await import('../facts/check-glyphs.js');
    problems.push(...findUndrawableText(check.files));
    if (problems.length > 0) {
      // Warnings wait until the problems are fixed: on broken data they would bury them.
      for (const problem of problems) say.error(formatProblem(problem));
      say.error(`${counted(problems.length, 'problem')} found`);
      process.exitCode = EXIT.data;
      if (args.json) say.json({ ok: false, exitCode: EXIT.data, files: check.files.length, failures: problems.map(problemFailure), warnings: [] });
      return;
    }
    const facts = check.facts!;
    for (const warning of check.warnings) say.warn(formatProblem(warning));
    if (args.json) {
      const counts = { files: check.files.length, programmes: facts.programmes.size, topics: facts.topics.size, claims: facts.claims.size };
      const { verified, unverified } = verification;
      say.json({ ok: true, exitCode: EXIT.ok, ...counts, failures: [], warnings: check.warnings.map(problemFailure), verification: { verified, unverified } });
      return;
    }
    const warned = check.warnings.length > 0 ? counted(check.warnings.length, 'warning') : '';
    say.info(
      `ok: ${counted(check.files.length, 'file')}, ${counted(facts.programmes.size, 'programme')}, ${counted(facts.topics.size, 'topic')}, ${counted(facts.claims.size, 'claim')}` +
        describeVerification(verification) +
        (warned ? `; ${warned}` : ''),
    );
  },
};

async function readSourceText(file: string, cwd: string): Promise<{ text: string; file: string }> {
  const { displayPath } = await import('../fs/display-path.js');
  const { readSourceText: read } = await import('../facts/read-source-text.js');
  // Named on the command line, so not confined to the data folder; still only a regular, bounded file.
  const text = await read(path.resolve(file), { cwd });
  if (typeof text !== 'string') throw new BriefError(`--source ${file}: cannot read the source text: ${text.reason}`, { exitCode: EXIT.usage });
  return { text, file: displayPath(path.resolve(file), cwd) };
}

/** "; verified 55 excerpts and 7 quotes against news-1 (data/news-1.txt); 3 excerpts not verified: ..." */
function describeVerification({ verified, unverified }: SourceVerification): string {
  const excerptsAndQuotes = (excerpts: number, quotes: number) =>
    [excerpts ? counted(excerpts, 'excerpt') : '', quotes ? counted(quotes, 'quote') : ''].filter(Boolean).join(' and ');
  const against = verified
    .filter((t) => t.excerpts + t.quotes > 0)
    .map((t) => `${excerptsAndQuotes(t.excerpts, t.quotes)} against ${t.source} (${t.text})`);
  let text = against.length ? `; verified ${against.join(', ')}` : '';
  if (unverified.excerpts + unverified.quotes > 0) {
    const none = unverified.sources.join(', ');
    text += `; ${excerptsAndQuotes(unverified.excerpts, unverified.quotes)} not verified: no text for ${none} (give the source a text: or use --source FILE)`;
  }
  return text;
}
