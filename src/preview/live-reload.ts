// Live reload over Server-Sent Events: open preview pages hold a stream and reload when told.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENTS_PATH } from './routes.js';

// The same text on every page, so the Content-Security-Policy can allow it by its hash alone: the
// version it was rendered from is read from the element's data attribute.
const RELOAD_SCRIPT = `
(() => {
  const rendered = document.currentScript.dataset.version;
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('version', (e) => { if (e.data !== rendered) location.reload(); });
})();
`;

/** The CSP source that allows the reload script and nothing else: `'sha256-...'`. */
export const RELOAD_SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}'`;

/**
 * The script the server adds to preview pages only; built documents never carry it. The page
 * knows the version it was rendered from, so a change made while it loaded is not missed.
 */
export function reloadScript(version: number): string {
  return `<script id="brief-live-reload" data-version="${version}">${RELOAD_SCRIPT}</script>`;
}

// Keeps proxies and the browser from closing an idle stream.
const HEARTBEAT_MS = 15_000;

export interface ReloadHub {
  /** Holds the response open as an event stream, starting with the current version. */
  attach(req: IncomingMessage, res: ServerResponse): void;
  /** Tells every open page the version changed, so each reloads. */
  broadcast(): void;
  readonly clients: number;
  close(): void;
}

export function createReloadHub(version: () => number): ReloadHub {
  const clients = new Set<ServerResponse>();
  const send = (res: ServerResponse) => res.write(`event: version\ndata: ${version()}\n\n`);
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    attach(req, res) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 500\n\n');
      send(res);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    broadcast() {
      for (const res of clients) send(res);
    },
    get clients() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
