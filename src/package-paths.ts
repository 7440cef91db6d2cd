// Where the tool's own files are, found from this file so it holds in src/ (tsx) and dist/ alike.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: src/package-paths.ts and dist/package-paths.js both sit one level below it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The bundled templates folder. */
export const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, 'templates');
