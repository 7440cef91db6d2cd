// Which Chromium to drive (issue 2, item 7): an explicit path, then the environment, then the
// fast headless shell, then a full Chromium or Chrome, then Puppeteer's own download.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { loadPuppeteer } from './puppeteer.js';
import { RenderError } from '../errors.js';

/** A browser binary and the headless mode it must be launched in. */
export interface FoundBrowser {
  path: string;
  /** 'shell' for chrome-headless-shell (old headless, about 4x faster per PDF); true otherwise. */
  headless: 'shell' | true;
  /** Where it was found, for messages: `--browser`, `PUPPETEER_EXECUTABLE_PATH`, `system`, `puppeteer`. */
  source: string;
}

export interface FindBrowserOptions {
  /** `--browser PATH`: must exist when given. */
  executablePath?: string;
  env?: NodeJS.ProcessEnv;
  /** Fixed places probed for a headless shell before PATH (default: Debian's and Ubuntu's). */
  systemShells?: readonly string[];
}

// The real binaries first: Debian's /usr/bin/chromium-headless-shell is a `sh` wrapper that does
// not `exec`, so killing the pid Puppeteer holds would leave the browser running.
const SYSTEM_SHELLS = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/lib/chromium/headless_shell',
  '/usr/lib/chromium-browser/headless_shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chrome-headless-shell',
] as const;
const SHELL_COMMANDS = ['chrome-headless-shell', 'chromium-headless-shell', 'headless_shell'] as const;
const FULL_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

const HOW_TO_INSTALL =
  'install one with `apt-get install chromium-headless-shell` (Debian/Ubuntu), ' +
  'or `npx puppeteer browsers install chrome-headless-shell`, ' +
  'or name one with `--browser PATH` or PUPPETEER_EXECUTABLE_PATH';

/** Finds a browser to launch, or throws a RenderError that says how to install one. */
export function findBrowser(options: FindBrowserOptions = {}): FoundBrowser {
  const env = options.env ?? process.env;
  if (options.executablePath) return requireExecutable(options.executablePath, '--browser');
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) return requireExecutable(fromEnv, 'PUPPETEER_EXECUTABLE_PATH');

  const searchPath = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const shell =
    (options.systemShells ?? SYSTEM_SHELLS).find(isExecutable) ?? SHELL_COMMANDS.map((c) => whichSync(c, searchPath)).find(Boolean);
  if (shell) return { path: shell, headless: 'shell', source: 'system' };
  const full = FULL_COMMANDS.map((c) => whichSync(c, searchPath)).find(Boolean);
  if (full) return { path: full, headless: true, source: 'system' };

  const downloaded = findPuppeteerDownload();
  if (downloaded) return { path: downloaded, headless: modeOf(downloaded), source: 'puppeteer' };
  throw new RenderError(`no Chromium or Chrome found: ${HOW_TO_INSTALL}`);
}

function requireExecutable(file: string, source: string): FoundBrowser {
  const resolved = path.resolve(file);
  if (!isExecutable(resolved)) {
    throw new RenderError(`browser not found: ${file} (from ${source}) is not an executable file; ${HOW_TO_INSTALL}`);
  }
  return { path: resolved, headless: modeOf(resolved), source };
}

/** The headless shell only runs in old headless mode; a full browser uses new headless. */
function modeOf(file: string): 'shell' | true {
  return /headless[-_]shell/.test(path.basename(file)) ? 'shell' : true;
}

function findPuppeteerDownload(): string | undefined {
  try {
    const candidate = loadPuppeteer().executablePath();
    return candidate && isExecutable(candidate) ? candidate : undefined;
  } catch {
    return undefined; // Puppeteer throws when its cache holds no browser.
  }
}

function whichSync(command: string, searchPath: string[]): string | undefined {
  return searchPath.map((dir) => path.join(dir, command)).find(isExecutable);
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
