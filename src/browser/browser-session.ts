// The one owner of the browser (issue 12): a command opens one session, launched or connected on
// first need, and passes it down; the batch prints through it and never launches or closes a
// browser itself. Recycling and crash recovery happen inside (browsers.ts, page-pool.ts), and the
// session's temporary folder and the process's exit handler are its own, one each.
import type { Skeleton } from '../contracts/document.js';
import { RenderError } from '../errors.js';
import { Browsers } from './browsers.js';
import { createPrinter, type PrinterOptions, type SessionPrinter } from './printer.js';
import { checkTempFolder, createRunFolder, type RunFolder } from './run-folder.js';
import type { Printer } from './types.js';

/** What a session has done. */
export interface SessionStats {
  /** Browsers launched or connected to. */
  launches: number;
  pagesOpened: number;
  /** Documents printed again after a crash. */
  retries: number;
}

/** How a session reaches its browser and prints. */
export interface SessionOptions extends PrinterOptions {
  /** Environment for finding the browser (PUPPETEER_EXECUTABLE_PATH, PATH). */
  env?: NodeJS.ProcessEnv;
  /**
   * Keep the browser open when the batch is idle (`brief watch`: the next rebuild prints at once);
   * otherwise it closes as soon as the batch has nothing left to print.
   */
  keepWarm?: boolean;
}

export class BrowserSession {
  readonly #options: SessionOptions;
  #folder: Promise<RunFolder> | undefined;
  /** The folder once made: the exit handler can only act synchronously. */
  #folderMade: RunFolder | undefined;
  #browsers: Browsers | undefined;
  /** Browsers let go of and still closing: the exit handler kills them too. */
  readonly #closingBrowsers = new Set<Browsers>();
  /** Their closing, which close() waits for before removing the folder they write in. */
  readonly #browserClosings = new Set<Promise<void>>();
  #printer: { key: string; printer: Promise<SessionPrinter> } | undefined;
  /** What printers and browsers closed so far had done. */
  #before = { launches: 0, pagesOpened: 0, retries: 0 };
  #printerMade: SessionPrinter | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;
  // If the process ends without close() (an uncaught error, a second signal), its browsers and its
  // folder go with it.
  readonly #onExit = () => this.#killSync();
  #exitHooked = false;

  constructor(options: SessionOptions = {}) {
    this.#options = options;
  }

  /** Browsers launched or connected to in this session, counting those closed since. */
  get launches(): number {
    return this.#before.launches + (this.#browsers?.launches ?? 0);
  }

  /** What the session has done: browsers launched, pages opened, documents printed again after a crash. */
  stats(): SessionStats {
    const printer = this.#printerMade?.stats() ?? { pagesOpened: 0, retries: 0 };
    return { launches: this.launches, pagesOpened: this.#before.pagesOpened + printer.pagesOpened, retries: this.#before.retries + printer.retries };
  }

  /** Starts launching (or connecting) now, before anything is printed; a failure waits for the first print to report it. */
  start(): void {
    if (this.#closed) return;
    this.#browsersNow().acquire().catch(() => undefined);
  }

  /** The printer for documents in this skeleton; a new skeleton replaces the last one's pages, never the browser. */
  printer(skeleton: Skeleton): Promise<Printer> {
    if (this.#closed) return Promise.reject(new RenderError('the browser session is closed'));
    const key = `${skeleton.paper}\0${skeleton.html}`;
    if (this.#printer?.key !== key) {
      // Decided at once, so that callers at the same moment share one printer.
      const old = this.#printer?.printer;
      const browsers = this.#browsersNow();
      const printer = (async () => {
        await this.#retire(await old?.catch(() => undefined));
        const folder = await (await this.#runFolder()).subfolder('skeleton-');
        const made = await createPrinter(browsers, skeleton, folder, this.#options);
        this.#printerMade = made;
        return made;
      })();
      this.#printer = { key, printer };
      // A failure is not kept: the next call tries again.
      printer.catch(() => {
        if (this.#printer?.printer === printer) this.#printer = undefined;
      });
    }
    return this.#printer.printer;
  }

  /** The batch has nothing left to print: unless kept warm, its pages and browser close now (the next print starts another). */
  async idle(): Promise<void> {
    if (this.#options.keepWarm) return;
    await this.#closeBrowsers();
  }

  /** The process id of the browser running now, where one was launched here. */
  browserPid(): number | undefined {
    return this.#browsers?.currentPid();
  }

  /** Closes the pages and browsers (or disconnects from a remote one) and removes the session's folder; every call waits for the one close. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    await this.#closeBrowsers();
    // A close idle() began may still be under way (the pack is saved meanwhile): wait for it too.
    await Promise.all(this.#browserClosings);
    // The exit handler keeps watch until the folder is gone: a process ending now still removes it.
    await (await this.#folder?.catch(() => undefined))?.remove();
    if (this.#exitHooked) process.off('exit', this.#onExit);
    this.#exitHooked = false;
  }

  #browsersNow(): Browsers {
    if (!this.#exitHooked) {
      // Before any other exit handler: nothing of the session may outlive the process.
      process.prependListener('exit', this.#onExit);
      this.#exitHooked = true;
    }
    this.#browsers ??= new Browsers({
      executablePath: this.#options.executablePath,
      wsEndpoint: this.#options.wsEndpoint,
      env: this.#options.env,
      timeoutMs: this.#options.timeoutMs,
      profileFolder: async () => (await this.#runFolder()).subfolder('profile-'),
    });
    return this.#browsers;
  }

  #runFolder(): Promise<RunFolder> {
    // A launch or printer still on its way when the session closed makes no folder after it.
    if (this.#closed) return Promise.reject(new RenderError('the browser session is closed'));
    if (!this.#folder) {
      const folder = createRunFolder();
      this.#folder = folder;
      folder.then(
        (made) => (this.#folderMade = made),
        // A failure is not kept: the next call tries again and reports it.
        () => {
          if (this.#folder === folder) this.#folder = undefined;
        },
      );
    }
    return this.#folder;
  }

  async #closeBrowsers(): Promise<void> {
    const printer = this.#printer?.printer;
    const browsers = this.#browsers;
    this.#printer = undefined;
    this.#browsers = undefined;
    this.#before.launches += browsers?.launches ?? 0;
    if (!browsers) return this.#retire(await printer?.catch(() => undefined));
    this.#closingBrowsers.add(browsers);
    const closing = (async () => {
      await this.#retire(await printer?.catch(() => undefined));
      await browsers.close();
    })();
    const settled = closing.catch(() => undefined);
    this.#browserClosings.add(settled);
    try {
      await closing;
    } finally {
      this.#closingBrowsers.delete(browsers);
      this.#browserClosings.delete(settled);
    }
  }

  /** Closes a printer's pages, keeping count of what it did. */
  async #retire(printer: SessionPrinter | undefined): Promise<void> {
    if (!printer) return;
    if (this.#printerMade === printer) this.#printerMade = undefined;
    const { pagesOpened, retries } = printer.stats();
    this.#before.pagesOpened += pagesOpened;
    this.#before.retries += retries;
    await printer.close();
  }

  #killSync(): void {
    for (const browsers of [this.#browsers, ...this.#closingBrowsers]) browsers?.killAllSync();
    this.#folderMade?.removeSync();
  }
}

/**
 * Runs `work` with a session and closes it on every way out: the command's one browser. A
 * `signal` closes it at once, which cuts every print in flight short.
 */
export async function withBrowser<T>(options: SessionOptions, work: (session: BrowserSession) => Promise<T>, signal?: AbortSignal): Promise<T> {
  // Before any work: a temporary folder the browser cannot use is one line, not one per document.
  await checkTempFolder();
  const session = new BrowserSession(options);
  const onAbort = () => void session.close().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await work(session);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await session.close();
  }
}
