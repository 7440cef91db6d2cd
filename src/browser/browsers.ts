// The browsers of one session (browser-session.ts, their one owner): launched or connected to once
// and memoised, replaced when one dies or has printed enough, killed on every path.
import { rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import type { Browser } from 'puppeteer';
import { loadPuppeteerCore } from './puppeteer.js';
import { BrowserStartError, RenderError } from '../errors.js';
import { openDevToolsSocket } from './devtools-socket.js';
import { findBrowser, type FoundBrowser } from './find-browser.js';
import { isTimeLimit, protocolTimeout, raceAbort, TimeLimit } from './time-limit.js';
import { DEFAULT_TIMEOUT_MS } from './types.js';
import { browserEnvironment } from './browser-env.js';
import { killProcessGroup, processGroupEnds } from './process-group.js';

/** One browser and what the pool has done with it. */
export interface BrowserHandle {
  browser: Browser;
  generation: number;
  /** The browser's process id; absent for a remote browser. */
  pid?: number;
  /** Pages open on it now. */
  openPages: number;
  /** Documents printed on it. */
  printed: number;
  /** No new pages are opened on it; it closes when its last page does. */
  retiring: boolean;
  /** It disconnected or crashed. */
  dead: boolean;
  /** Rejects with BrowserGone when it disconnects: race any wait on it against this. */
  gone: Promise<never>;
}

/** The browser went away (crashed, was killed, or the connection dropped). */
export class BrowserGone extends Error {
  constructor(cause?: unknown) {
    super('the browser disconnected', cause === undefined ? undefined : { cause });
    this.name = 'BrowserGone';
  }
}

export interface BrowsersOptions {
  executablePath?: string;
  wsEndpoint?: string;
  env?: NodeJS.ProcessEnv;
  /** How long launching or reaching the browser, and any one call to it, may take (--timeout). */
  timeoutMs?: number;
  /** Makes a folder for a browser's profile, inside the session's folder. */
  profileFolder(): Promise<string>;
}

const CLOSE_GRACE_MS = 3000;

/** A browser just launched (its process and profile folder) or connected to. */
interface Started {
  browser: Browser;
  pid?: number;
  profile?: string;
}

export function launchArgs(isRoot: boolean): string[] {
  return [
    // The sandbox cannot start as root (containers, CI); elsewhere it stays on.
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    // Glyph outlines as designed, not hinted for a screen: identical PDFs across machines.
    '--font-render-hinting=none',
  ];
}

export class Browsers {
  readonly #options: BrowsersOptions;
  #current: Promise<BrowserHandle> | undefined;
  readonly #handles = new Set<BrowserHandle>();
  readonly #profiles = new Map<BrowserHandle, string>();
  /** Launches and connections under way: close() cuts them short. */
  readonly #starting = new Set<AbortController>();
  /** Browsers being closed in the background (retired or dead): close() waits for them too. */
  readonly #shuttingDown = new Set<Promise<void>>();
  #generation = 0;
  #closed = false;
  /** How many browsers were launched or connected to. */
  launches = 0;

  constructor(options: BrowsersOptions) {
    this.#options = options;
  }

  get isRemote(): boolean {
    return Boolean(this.#options.wsEndpoint);
  }

  /** The browser to open pages on: the running one, or a new one when it died or retired. */
  async acquire(): Promise<BrowserHandle> {
    for (;;) {
      if (this.#closed) throw new RenderError('the browser session is closed');
      // Memoised: concurrent callers share one launch.
      const pending = this.#current ?? this.#launchOnce();
      const handle = await pending;
      if (!handle.dead && !handle.retiring) return handle;
      if (this.#current === pending) this.#current = undefined;
    }
  }

  #launchOnce(): Promise<BrowserHandle> {
    const pending = this.#start();
    this.#current = pending;
    pending.catch(() => {
      if (this.#current === pending) this.#current = undefined;
    });
    return pending;
  }

  async #start(): Promise<BrowserHandle> {
    const generation = ++this.#generation;
    this.launches++;
    const limit = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Every wait on starting the browser ends by --timeout (issue 11); close() ends it at once.
    const starting = new AbortController();
    this.#starting.add(starting);
    const timer = setTimeout(() => starting.abort(new TimeLimit(limit)), limit);
    try {
      const started: Started = this.isRemote ? await this.#connect(starting.signal, limit) : await this.#launch(starting.signal, limit);
      const handle = this.#track({ ...started, generation, openPages: 0, printed: 0, retiring: false, dead: false });
      if (started.profile) this.#profiles.set(handle, started.profile);
      if (this.#closed) {
        await this.#shutdown(handle);
        throw new RenderError('the browser session is closed');
      }
      return handle;
    } finally {
      clearTimeout(timer);
      this.#starting.delete(starting);
    }
  }

  async #connect(signal: AbortSignal, limit: number): Promise<Started> {
    const wsEndpoint = this.#options.wsEndpoint!;
    try {
      const transport = await openDevToolsSocket(wsEndpoint, limit, signal);
      const connecting = loadPuppeteerCore().connect({ transport, protocolTimeout: protocolTimeout(limit) }) as Promise<Browser>;
      return { browser: await raceAbort(connecting, signal, () => transport.close()) };
    } catch (error) {
      if (signal.aborted && !(signal.reason instanceof TimeLimit)) throw signal.reason;
      if (isTimeLimit(error, signal)) {
        throw new BrowserStartError(`the browser at ${wsEndpoint} did not answer within ${limit} ms (--timeout)`);
      }
      throw new BrowserStartError(`cannot connect to the browser at ${wsEndpoint}`, error);
    }
  }

  async #launch(signal: AbortSignal, limit: number): Promise<Started> {
    let found: FoundBrowser;
    try {
      found = findBrowser({ executablePath: this.#options.executablePath, env: this.#options.env });
    } catch (error) {
      // Not finding a browser ends the run as not starting one does.
      throw error instanceof RenderError ? new BrowserStartError(error.message) : error;
    }
    const profile = await this.#options.profileFolder();
    try {
      const launching = loadPuppeteerCore().launch({
        executablePath: found.path,
        headless: found.headless,
        args: launchArgs(process.getuid?.() === 0),
        userDataDir: profile,
        // Fonts from the project only (issue 11), and its temporary files, in the profile.
        env: await browserEnvironment(profile, this.#options.env),
        // Over a pipe, Chromium exits by itself when this process dies, even by SIGKILL; over a
        // WebSocket it was seen to live on as an orphan.
        pipe: true,
        // The CLI owns the signals and calls close(); Puppeteer's own handlers would exit first.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        // Puppeteer's own limits, and an abort that kills the browser's process group.
        timeout: limit,
        protocolTimeout: protocolTimeout(limit),
        signal,
      }) as Promise<Browser>;
      const browser = await raceAbort(launching, signal);
      return { browser, pid: browser.process()?.pid, profile };
    } catch (error) {
      await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
      if (signal.aborted && !(signal.reason instanceof TimeLimit)) throw signal.reason;
      if (isTimeLimit(error, signal)) {
        throw new BrowserStartError(`the browser ${found.path} (${found.source}) did not answer within ${limit} ms (--timeout)`);
      }
      throw new BrowserStartError(`cannot launch the browser ${found.path} (${found.source})`, error);
    }
  }

  #track(started: Omit<BrowserHandle, 'gone'>): BrowserHandle {
    const handle = started as BrowserHandle;
    handle.gone = new Promise<never>((_, reject) => {
      handle.browser.once('disconnected', () => {
        handle.dead = true;
        reject(new BrowserGone());
        this.releaseIfIdle(handle);
      });
    });
    handle.gone.catch(() => undefined); // Only those who race against it care.
    this.#handles.add(handle);
    return handle;
  }

  /** The pid of the newest browser still running, if it was launched here. */
  currentPid(): number | undefined {
    let pid: number | undefined;
    for (const handle of this.#handles) if (!handle.dead) pid = handle.pid ?? pid;
    return pid;
  }

  /** Stops opening pages on this browser; it is closed once its last page is. */
  retire(handle: BrowserHandle): void {
    handle.retiring = true;
    this.releaseIfIdle(handle);
  }

  /** Closes a retiring or dead browser that has no page open any more. */
  releaseIfIdle(handle: BrowserHandle): void {
    if (!(handle.retiring || handle.dead) || handle.openPages !== 0 || !this.#handles.has(handle)) return;
    const shutdown = this.#shutdown(handle).finally(() => this.#shuttingDown.delete(shutdown));
    this.#shuttingDown.add(shutdown);
  }

  /** Closes (or disconnects from) every browser; kills the process group when close hangs. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const starting of this.#starting) starting.abort(new RenderError('the browser session is closed'));
    // A browser retired a moment ago may still be closing: its profile must be gone before the
    // session removes its folder, or the folder is left half removed.
    await Promise.all([...[...this.#handles].map((handle) => this.#shutdown(handle)), ...this.#shuttingDown]);
  }

  async #shutdown(handle: BrowserHandle): Promise<void> {
    if (!this.#handles.delete(handle)) return;
    handle.retiring = true;
    if (this.isRemote) {
      await settleWithin(handle.browser.disconnect(), CLOSE_GRACE_MS);
    } else {
      await settleWithin(handle.browser.close(), CLOSE_GRACE_MS);
      // Whether or not close() finished, nothing of this browser's group may outlive it; its
      // profile is removed once the group is gone, or a helper still dying writes into it again.
      killProcessGroup(handle.pid);
      await processGroupEnds(handle.pid, CLOSE_GRACE_MS);
    }
    handle.dead = true;
    const profile = this.#profiles.get(handle);
    this.#profiles.delete(handle);
    if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }

  /** Last resort when the process exits without close(): kill synchronously, remove profiles. */
  killAllSync(): void {
    // An abort kills a browser still starting (Puppeteer kills its process group at once).
    for (const starting of this.#starting) starting.abort(new RenderError('the process is exiting'));
    for (const handle of this.#handles) killProcessGroup(handle.pid);
    // A browser just killed may still be writing its last files for a moment: tried again, then left to the next run's sweep.
    for (const profile of this.#profiles.values()) {
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
      } catch {
        // Swept by the next run, which sees this process is gone.
      }
    }
  }
}

async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
