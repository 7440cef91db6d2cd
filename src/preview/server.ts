// `brief preview`: an HTTP server on the loopback interface that renders documents on request and
// reloads open pages when a data file or template changes (issue 6, item 4).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BUNDLED_TEMPLATES } from '../package.js';
import { BriefError, EXIT } from '../errors.js';
import type { PreviewFailure } from './describe-failure.js';
import { createReloadHub } from './live-reload.js';
import { previewPolicy } from './preview-policy.js';
import { createPreviewSite, type PreviewOptions } from './preview-site.js';
import { matchRoute } from './routes.js';
import { serveFonts } from './served-fonts.js';
import { watchFolders } from '../fs/watch-folders.js';

export interface PreviewServerOptions extends Omit<PreviewOptions, 'fontCss'> {
  /** 0 picks a free port. */
  port: number;
  /** Let pages show http(s) images (`--allow-remote`), as a build's PDFs may. */
  allowRemote?: boolean;
  host: string;
  /** Called after each reload that a change set off. */
  onReload?(info: { changed: string[]; failure?: PreviewFailure; ms: number }): void;
}

export interface PreviewServer {
  /** The index page's URL, e.g. http://127.0.0.1:4173/. */
  url: string;
  /** The failure of the first load, if the data or templates are broken from the start. */
  failure?: PreviewFailure;
  /** The folders watched. */
  watched: string[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const DEBOUNCE_MS = 120;

/** Host names a page may be addressed by; others are refused so a DNS-rebinding site cannot read the preview. */
function isAllowedHost(header: string | undefined, boundHost: string): boolean {
  if (!LOOPBACK.has(boundHost)) return true;
  if (!header) return false;
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0]!;
  return LOOPBACK.has(name);
}

/** Headers on every response: the policy that keeps a script in the data from running, and no sniffing. */
type Guarded = { 'Content-Security-Policy': string; 'X-Content-Type-Options': 'nosniff' };

function send(res: ServerResponse, guarded: Guarded, status: number, body: string, type = 'text/html; charset=utf-8'): void {
  res.writeHead(status, { ...guarded, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const fonts = serveFonts();
  const site = createPreviewSite({ ...options, fontCss: fonts.css });
  const failure = await site.reload();
  const hub = createReloadHub(() => site.version);
  const guarded: Guarded = { 'Content-Security-Policy': previewPolicy(options), 'X-Content-Type-Options': 'nosniff' };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, guarded, 405, 'Method not allowed', 'text/plain');
    if (!isAllowedHost(req.headers.host, options.host)) return send(res, guarded, 403, 'Forbidden host', 'text/plain');
    // The URL parser resolves "." and ".." segments; routes then match whole paths, so nothing outside them is reachable.
    const route = matchRoute(new URL(req.url ?? '/', 'http://preview.invalid').pathname);
    if (!route) return send(res, guarded, 404, 'Not found', 'text/plain');
    if (route.kind === 'events') return hub.attach(req, res);
    if (route.kind === 'font') {
      const file = fonts.files.get(route.path);
      if (!file) return send(res, guarded, 404, 'Not found', 'text/plain');
      res.writeHead(200, { ...guarded, 'Content-Type': 'font/woff2', 'Cache-Control': 'max-age=86400' });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
      return;
    }
    const page = await site.render(route);
    send(res, guarded, page.status, req.method === 'HEAD' ? '' : page.html);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, guarded, 500, `Preview failed: ${String(error)}`, 'text/plain');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new BriefError(`cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`, { exitCode: EXIT.usage, cause: error })),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;

  const watched = [path.resolve(options.dataDir), path.resolve(options.templatesDir ?? BUNDLED_TEMPLATES)];
  const watcher = await watchFolders(watched, DEBOUNCE_MS, async (changed) => {
    const started = performance.now();
    const failure = await site.reload();
    hub.broadcast();
    options.onReload?.({ changed, ...(failure ? { failure } : {}), ms: performance.now() - started });
  });

  return {
    url: `http://${hostInUrl}:${port}/`,
    ...(failure ? { failure } : {}),
    watched,
    async close() {
      await watcher.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
