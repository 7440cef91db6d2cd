// The one place that launches, connects to and closes browsers (STYLE.md habit 4): launched once
// per run and memoised, replaced when it dies or has printed enough, killed on every path.
import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { loadPuppeteerCore } from './puppeteer.js';
import { RenderError } from '../errors.js';
import { findBrowser } from './find-browser.js';
import { preparePrivateFonts } from './private-fonts.js';

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

export interface BrowserManagerOptions {
  executablePath?: string;
  wsEndpoint?: string;
  env?: NodeJS.ProcessEnv;
}

const CLOSE_GRACE_MS = 3000;

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

export class BrowserManager {
  readonly #options: BrowserManagerOptions;
  #current: Promise<BrowserHandle> | undefined;
  readonly #handles = new Set<BrowserHandle>();
  readonly #profiles = new Map<BrowserHandle, string>();
  #generation = 0;
  #closed = false;
  /** How many browsers were launched or connected to in this run. */
  launches = 0;

  constructor(options: BrowserManagerOptions) {
    this.#options = options;
  }

  get isRemote(): boolean {
    return Boolean(this.#options.wsEndpoint);
  }

  /** The browser to open pages on: the running one, or a new one when it died or retired. */
  async acquire(): Promise<BrowserHandle> {
    for (;;) {
      if (this.#closed) throw new RenderError('the PDF renderer is closed');
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
    const { wsEndpoint } = this.#options;
    if (wsEndpoint) {
      const browser = await loadPuppeteerCore().connect({ browserWSEndpoint: wsEndpoint }).catch((error: unknown) => {
        throw new RenderError(`cannot connect to the browser at ${wsEndpoint}`, error);
      });
      return this.#track({ browser, generation, openPages: 0, printed: 0, retiring: false, dead: false });
    }
    const found = findBrowser({ executablePath: this.#options.executablePath, env: this.#options.env });
    const profile = await mkdtemp(path.join(os.tmpdir(), 'brief-chromium-'));
    let browser: Browser;
    try {
      browser = await loadPuppeteerCore().launch({
        executablePath: found.path,
        headless: found.headless,
        args: launchArgs(process.getuid?.() === 0),
        userDataDir: profile,
        // Fonts from the project only (issue 11): its fontconfig sees the bundled fonts, in the profile.
        env: await preparePrivateFonts(profile),
        // Over a pipe, Chromium exits by itself when this process dies, even by SIGKILL; over a
        // WebSocket it was seen to live on as an orphan.
        pipe: true,
        // The CLI owns the signals and calls close(); Puppeteer's own handlers would exit first.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      await rm(profile, { recursive: true, force: true });
      throw new RenderError(`cannot launch the browser ${found.path} (${found.source})`, error);
    }
    const handle = this.#track({
      browser,
      generation,
      pid: browser.process()?.pid,
      openPages: 0,
      printed: 0,
      retiring: false,
      dead: false,
    });
    this.#profiles.set(handle, profile);
    if (this.#closed) {
      await this.#shutdown(handle);
      throw new RenderError('the PDF renderer is closed');
    }
    return handle;
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
    if ((handle.retiring || handle.dead) && handle.openPages === 0) void this.#shutdown(handle);
  }

  /** Closes (or disconnects from) every browser; kills the process group when close hangs. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#handles].map((handle) => this.#shutdown(handle)));
  }

  async #shutdown(handle: BrowserHandle): Promise<void> {
    if (!this.#handles.delete(handle)) return;
    handle.retiring = true;
    if (this.isRemote) {
      await settleWithin(handle.browser.disconnect(), CLOSE_GRACE_MS);
    } else {
      await settleWithin(handle.browser.close(), CLOSE_GRACE_MS);
      // Whether or not close() finished, nothing of this browser's group may outlive it.
      killProcessGroup(handle.pid);
    }
    handle.dead = true;
    const profile = this.#profiles.get(handle);
    this.#profiles.delete(handle);
    if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }

  /** Last resort when the process exits without close(): kill synchronously, remove profiles. */
  killAllSync(): void {
    for (const handle of this.#handles) killProcessGroup(handle.pid);
    for (const profile of this.#profiles.values()) rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * A browser launched (or connected to) now, before the shell it will print in is ready: a build
 * starts it in its first moments, and the renderer it creates later takes it over (or the build
 * closes it). A failure to launch is left to the first document, which tries again and reports it.
 */
export function startBrowser(options: BrowserManagerOptions): BrowserManager {
  const manager = new BrowserManager(options);
  manager.acquire().catch(() => undefined);
  return manager;
}

/** Puppeteer starts Chromium detached, so its pid leads a process group holding every helper. */
export function killProcessGroup(pid: number | undefined): void {
  if (!pid) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // ESRCH: already gone.
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
