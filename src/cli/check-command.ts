import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import { BriefError, EXIT, formatProblem } from '../errors.js';
import type { GlobalArgs } from './global-args.js';
import { say } from './output.js';

interface CheckArgs extends GlobalArgs {
  source?: string;
}

export const checkCommand: CommandModule<GlobalArgs, CheckArgs> = {
  command: 'check',
  describe: 'Validate every data file and cross-reference; report every problem at once',
  builder: (y) =>
    y
      .option('source', {
        type: 'string',
        describe: 'Also confirm that each evidence excerpt and quote appears in this text file',
      })
      .example('$0 check', 'validate data/')
      .example('$0 check --data my-briefs/data --source article.txt', 'also verify excerpts against the source'),
  handler: async (args) => {
    // Loaded here, not at start-up: every other command, a no-op build above all, starts faster.
    const { checkDataFolder } = await import('../facts/load.js');
    const check = await checkDataFolder(args.data, { cwd: process.cwd() });
    const problems = [...check.problems];
    if (args.source) {
      const { findMissingExcerpts } = await import('../facts/check-excerpts.js');
      const { displayPath } = await import('../fs/display-path.js');
      const text = await readFile(args.source, 'utf8').catch((cause: unknown) => {
        throw new BriefError(`cannot read the source text ${args.source}`, { exitCode: EXIT.usage, cause });
      });
      problems.push(...findMissingExcerpts(check.files, text, displayPath(path.resolve(args.source), process.cwd())));
    }
    // Characters no bundled font draws (issue 11): a build would fail the documents that print them.
    const { findUndrawableText } = await import('../facts/check-glyphs.js');
    problems.push(...findUndrawableText(check.files));
    for (const problem of problems) say.error(formatProblem(problem));
    if (problems.length > 0) {
      say.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} found`);
      process.exitCode = EXIT.data;
      return;
    }
    const facts = check.facts!;
    const excerpts = [...facts.claims.values()].filter((c) => c.excerpt).length;
    say.info(
      `ok: ${check.files.length} files, ${facts.programmes.size} programmes, ${facts.topics.size} topics, ${facts.claims.size} claims` +
        (args.source ? `; ${excerpts} excerpts and ${facts.quotes.size} quotes found in the source` : ''),
    );
  },
};
