// Where the tool's own files are, found from this file so it holds in src/ (tsx) and dist/ alike.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: src/package-paths.ts and dist/package-paths.js both sit one level below it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The folder the tool's modules run from: dist/ when built, src/ from source. The bundled CLI
 * (dist/brief-cli.js, scripts/bundle.mjs) sits in dist/ too, so files found from here (the worker
 * threads' entries, the compiled validator) are found the same from either.
 */
export const CODE_DIR = fileURLToPath(new URL('./', import.meta.url));

/** The bundled templates folder. */
export const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, 'templates');
