import path from 'node:path';
import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import type { PreviewFailure } from '../preview/describe-failure.js';
import type { GlobalArgs } from './global-args.js';
import { say } from './output.js';

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
      .option('port', { type: 'number', default: 4173, describe: 'The port (0 picks a free one)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'The address to listen on' })
      .example('$0 preview', 'then open the printed URL')
      .example('$0 preview --port 0 --templates my-theme', 'a free port, with your own templates'),
  handler: async (args) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
      throw new UsageError(`--port wants a whole number from 0 to 65535; got ${args.port}`);
    }
    const { startPreviewServer } = await import('../preview/server.js');
    const server = await startPreviewServer({
      dataDir: args.data,
      templatesDir: args.templates,
      paper: args.paper,
      distribution: args.distribution,
      author: args.author,
      allowRemote: args['allow-remote'],
      port: args.port,
      host: args.host,
      onReload: ({ changed, failure, ms }) => {
        const what = changed.length === 1 ? relative(changed[0]!) : `${changed.length} files`;
        if (failure) printFailure(failure);
        else say.info(`${what} changed: reloaded in ${Math.round(ms)} ms`);
      },
    });
    // The URL goes out even with --quiet: it is what the command is for.
    process.stdout.write(`preview: ${server.url}\n`);
    if (server.failure) printFailure(server.failure);
    say.info(`watching ${server.watched.map(relative).join(' and ')}; Ctrl-C stops`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    say.info('preview stopped');
  },
};
