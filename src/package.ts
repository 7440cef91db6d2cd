// The tool itself: where its own files are (found from this file, so it holds in src/ under tsx
// and in dist/ alike) and its name and version.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: src/package.ts and dist/package.js both sit one level below it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The folder the tool's modules run from: dist/ when built, src/ from source. The bundled CLI
 * (dist/brief-cli.js, scripts/bundle.mjs) sits in dist/ too, so files found from here (the worker
 * threads' entries, the compiled validator) are found the same from either.
 */
export const CODE_DIR = fileURLToPath(new URL('./', import.meta.url));

/** The bundled templates folder. */
export const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, 'templates');

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The tool's name and version, as written into every PDF's Creator. */
export const TOOL = { name: pkg.name, version: pkg.version, creator: `${pkg.name} ${pkg.version}` } as const;
