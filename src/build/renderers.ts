// The one PdfRenderer of a run (or of a watch session), created only when a PDF must be printed,
// so a run where nothing changed launches no browser (issue 4 item 3).
import type { BrowserManager } from '../pdf/browsers.js';
import type { PdfRenderer, PoolOptions, Shell } from '../pdf/types.js';

export type CreatePdfRenderer = (shell: Shell, options: PoolOptions, browsers?: BrowserManager) => Promise<PdfRenderer>;

/** Hands out one warm renderer per shell; a new shell (changed styles) replaces it. */
export interface RendererCache {
  get(shell: Shell, options: PoolOptions): Promise<PdfRenderer>;
  /**
   * Launches a browser now, before the shell is known (a build's first moments): the next renderer
   * made prints on it. The cache owns it and closes it with close(), whoever used it.
   */
  startBrowser(start: () => Promise<BrowserManager>): void;
  /** How many renderers (browsers, or connections) were created so far. */
  readonly created: number;
  close(): Promise<void>;
}

export function createRendererCache(create: CreatePdfRenderer): RendererCache {
  let current: { key: string; renderer: Promise<PdfRenderer> } | undefined;
  let created = 0;
  // A browser started ahead (startBrowser): `early` until a renderer is made on it, `owned` until closed.
  let early: Promise<BrowserManager | undefined> | undefined;
  let owned: Promise<BrowserManager | undefined> | undefined;
  // Closes begun earlier (a build lets its browser go before it ends): a later close() waits for them.
  let closing: Promise<void> = Promise.resolve();
  const closeCurrent = () => {
    const old = current;
    current = undefined;
    const browsers = owned;
    early = owned = undefined;
    const closed = (async () => {
      await (await old?.renderer.catch(() => undefined))?.close();
      await (await browsers)?.close();
    })();
    closing = Promise.all([closing.catch(() => undefined), closed]).then(() => undefined);
    return closing;
  };
  return {
    get created() {
      return created;
    },
    get(shell, options) {
      const key = `${shell.paper}\0${shell.html}\0${JSON.stringify(options)}`;
      if (current?.key !== key) {
        // Decided synchronously, so parallel callers share one launch.
        const old = current;
        const browsers = early;
        early = undefined;
        created++;
        const renderer = (async () => {
          if (old) await (await old.renderer.catch(() => undefined))?.close();
          return create(shell, options, await browsers);
        })();
        current = { key, renderer };
        // A failed launch is not cached: the next call tries again.
        renderer.catch(() => {
          if (current?.renderer === renderer) current = undefined;
        });
      }
      return current.renderer;
    },
    startBrowser(start) {
      early = owned = start().catch(() => undefined);
    },
    close: closeCurrent,
  };
}
