// What a page may load (issue 5, item 1): the project's own local assets and data: URLs; http(s)
// images only when remote loading is allowed deliberately; nothing else.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_TEMPLATES } from '../package.js';

/** Decides, for each URL a page requests, whether it may load. */
export interface RequestGuard {
  allows(url: string, resourceType: string): boolean;
}

export interface RequestGuardOptions {
  /** Folders whose files a page may read; each is resolved through symlinks. */
  roots: string[];
  /** Let http(s) images through (`--allow-remote`). */
  allowRemote?: boolean;
}

export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const roots = options.roots.map(realPathOrSelf);
  const decided = new Map<string, boolean>();
  const allowsFile = (url: string): boolean => {
    let verdict = decided.get(url);
    if (verdict === undefined) {
      verdict = isInsideRoots(url, roots);
      decided.set(url, verdict);
    }
    return verdict;
  };
  return {
    allows(url, resourceType) {
      if (url.startsWith('data:')) return true;
      if (url.startsWith('file:')) return allowsFile(url);
      if (/^https?:/.test(url)) return options.allowRemote === true && resourceType === 'image';
      return false;
    },
  };
}

/** The asset folders a rendered page needs: the bundled fonts and the templates folder. */
export function defaultAssetRoots(): string[] {
  const require = createRequire(import.meta.url);
  const roots: string[] = [];
  try {
    // .../node_modules/@fontsource/noto-sans/package.json -> .../node_modules/@fontsource
    roots.push(path.dirname(path.dirname(require.resolve('@fontsource/noto-sans/package.json'))));
  } catch {
    // Fonts not installed: nothing under @fontsource can be allowed.
  }
  roots.push(BUNDLED_TEMPLATES);
  return roots;
}

function isInsideRoots(url: string, roots: string[]): boolean {
  let file: string;
  try {
    file = realPathOrSelf(fileURLToPath(url));
  } catch {
    return false; // A file URL with a host, or otherwise malformed.
  }
  return roots.some((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

// Symlinks are followed before comparing, so a link inside a root cannot point out of it.
function realPathOrSelf(file: string): string {
  const resolved = path.resolve(file);
  try {
    return realpathSync(resolved);
  } catch {
    return resolved;
  }
}
