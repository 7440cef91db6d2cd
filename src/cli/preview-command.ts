import path from 'node:path';
import type { CommandModule } from 'yargs';
import { readSourceDateEpoch } from './source-date-epoch.js';
import type { PreviewFailure } from '../preview/describe-failure.js';
import type { GlobalArgs } from './global-args.js';
import { say } from './output.js';
import { wholeNumberOption } from './whole-numbers.js';

interface PreviewArgs extends GlobalArgs {
  port: number;
  host: string;
  distribution?: string;
  author?: string;
}

function printFailure(failure: PreviewFailure): void {
  say.fail(failure.title);
  for (const line of failure.lines) say.error(`  ${line.where ? `${line.where}  ` : ''}${line.message}`);
}

const relative = (file: string) => path.relative(process.cwd(), file) || file;

export const previewCommand: CommandModule<GlobalArgs, PreviewArgs> = {
  command: 'preview',
  describe: 'Serve the documents as HTML on 127.0.0.1, reloading the page when a data file or template changes',
  builder: (y) =>
    y
      .option('port', { ...wholeNumberOption('port', 'The port (0 picks a free one)'), default: 4173 })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'The address to listen on' })
      .example('$0 preview', 'then open the printed URL')
      .example('$0 preview --port 0 --templates my-theme', 'a free port, with your own templates'),
  handler: async (args) => {
    const { startPreviewServer } = await import('../preview/server.js');
    const server = await startPreviewServer({
      dataDir: args.data,
      templatesDir: args.templates,
      paper: args.paper,
      distribution: args.distribution,
      author: args.author,
      allowRemote: args['allow-remote'],
      sourceDateEpoch: readSourceDateEpoch(process.env),
      cwd: process.cwd(),
      port: args.port,
      host: args.host,
      onReload: ({ changed, failure, ms }) => {
        const what = changed.length === 1 ? relative(changed[0]!) : `${changed.length} files`;
        if (failure) printFailure(failure);
        else say.info(`${what} changed: reloaded in ${Math.round(ms)} ms`);
      },
    });
    // Ctrl-C, SIGTERM (a process manager's stop) and SIGHUP (its terminal closed) are each how a
    // preview is meant to end: it closes and exits 0. Heard before the URL is printed, which is
    // when a caller may send one; a second signal finds no listener and ends it at once.
    const stopped = new Promise<void>((resolve) => {
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      const stop = () => {
        for (const name of signals) process.off(name, stop);
        resolve();
      };
      for (const name of signals) process.on(name, stop);
    });
    // The URL goes out even with --quiet: it is what the command is for.
    process.stdout.write(`preview: ${server.url}\n`);
    if (server.failure) printFailure(server.failure);
    say.info(`watching ${server.watched.map(relative).join(' and ')}; Ctrl-C stops`);
    await stopped;
    await server.close();
    say.info('preview stopped');
  },
};
