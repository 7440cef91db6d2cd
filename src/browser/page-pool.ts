// A pool of warm pages: at most `concurrency` in use at once, each replaced after a number of
// documents (and its browser after more), so memory stays flat over thousands (issue 4, item 1).
import type { Browsers } from './browsers.js';
import type { RequestGuard } from './request-guard.js';
import { closePrintPage, openPrintPage, type PrintPage } from './print-page.js';

export interface PagePoolOptions {
  concurrency: number;
  /** How long opening a page may take. */
  openTimeoutMs: number;
  pageRecycleAfter: number;
  browserRecycleAfter: number;
}

export class PagePool {
  readonly #browsers: Browsers;
  readonly #skeletonUrl: string;
  readonly #guard: RequestGuard;
  readonly #options: PagePoolOptions;
  readonly #idle: PrintPage[] = [];
  /** Pages being opened ahead of the first documents (prepare()); each joins #idle when open. */
  readonly #ahead = new Set<Promise<void>>();
  readonly #waiting: Array<() => void> = [];
  #active = 0;
  /** Pages opened in this run, recycled ones included. */
  pagesOpened = 0;

  constructor(browsers: Browsers, skeletonUrl: string, guard: RequestGuard, options: PagePoolOptions) {
    this.#browsers = browsers;
    this.#skeletonUrl = skeletonUrl;
    this.#guard = guard;
    this.#options = options;
  }

  /** Runs `work` on a warm page of its own; the page goes back to the pool, or is replaced. */
  async use<T>(work: (page: PrintPage) => Promise<T>): Promise<T> {
    await this.#takeSlot();
    let warm: PrintPage | undefined;
    try {
      warm = await this.#takePage();
      const result = await work(warm);
      warm.printed++;
      warm.handle.printed++;
      return result;
    } finally {
      if (warm) this.#giveBack(warm);
      this.#active--;
      this.#waiting.shift()?.();
    }
  }

  /**
   * Opens pages ahead of need, up to the concurrency or the `documents` to print, whichever is
   * fewer, so that the first documents find them with the skeleton loaded: opening one (a new target,
   * the skeleton, its fonts) takes ~200 ms, and a page per slot for one document at --concurrency 64
   * took seconds. A page that fails to open here is left to be opened again by the document that needs it.
   */
  async prepare(documents = Infinity): Promise<void> {
    const wanted = Math.min(this.#options.concurrency, documents);
    const missing = wanted - this.#active - this.#idle.length - this.#ahead.size;
    for (let i = 0; i < missing; i++) {
      const opening = this.#open().then(
        (warm) => void this.#idle.push(warm),
        () => undefined,
      );
      this.#ahead.add(opening);
      void opening.finally(() => this.#ahead.delete(opening));
    }
    await Promise.all(this.#ahead);
  }

  /** Closes the idle pages; the browsers are the manager's to close. */
  async drain(): Promise<void> {
    await Promise.all(this.#idle.splice(0).map((warm) => this.#discard(warm)));
  }

  async #takeSlot(): Promise<void> {
    while (this.#active >= this.#options.concurrency) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#active++;
  }

  async #takePage(): Promise<PrintPage> {
    for (;;) {
      this.#sweep();
      const idle = this.#idle.pop();
      if (idle) return idle;
      // A page opening ahead of need is waited for (whichever opens first) rather than another opened beside it.
      if (this.#ahead.size === 0) return this.#open();
      await Promise.race(this.#ahead);
    }
  }

  async #open(): Promise<PrintPage> {
    const handle = await this.#browsers.acquire();
    // A page opening on a browser that dies must fail now, not when goto times out.
    try {
      const warm = await Promise.race([
        openPrintPage(handle, this.#skeletonUrl, this.#guard, this.#options.openTimeoutMs),
        handle.gone,
      ]);
      this.pagesOpened++;
      return warm;
    } catch (error) {
      // A browser that cannot open a page is not trusted with the next one.
      if (!this.#browsers.isRemote) this.#browsers.retire(handle);
      throw error;
    }
  }

  #giveBack(warm: PrintPage): void {
    const { handle } = warm;
    if (!this.#browsers.isRemote && handle.printed >= this.#options.browserRecycleAfter) {
      this.#browsers.retire(handle);
      this.#sweep();
    }
    if (isUsable(warm) && warm.printed < this.#options.pageRecycleAfter) {
      this.#idle.push(warm);
    } else {
      void this.#discard(warm);
    }
  }

  /** Closes idle pages whose browser died or retired, so that browser can go. */
  #sweep(): void {
    const usable = this.#idle.filter(isUsable);
    for (const warm of this.#idle) if (!usable.includes(warm)) void this.#discard(warm);
    this.#idle.splice(0, this.#idle.length, ...usable);
  }

  async #discard(warm: PrintPage): Promise<void> {
    await closePrintPage(warm);
    this.#browsers.releaseIfIdle(warm.handle);
  }
}

function isUsable(warm: PrintPage): boolean {
  return !warm.broken && !warm.handle.dead && !warm.handle.retiring && warm.handle.browser.connected;
}
