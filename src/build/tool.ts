// The tool's identity and its bundled folders, found from this file so they hold in src/ (tsx) and dist/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root: src/build/tool.ts and dist/build/tool.js both sit two levels below it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled templates folder. */
export const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, 'templates');

interface PackageJson {
  version: string;
  dependencies?: Record<string, string>;
}

/**
 * The identity of the bundled fonts: "name@version" of each @fontsource package.
 * Their versions, not their 80 MB of bytes, so a no-op run stays cheap (issue 4).
 */
export function describeFonts(): string[] {
  const own = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;
  const deps = Object.keys(own.dependencies ?? {}).filter((d) => d.startsWith('@fontsource/'));
  return deps.sort().map((dep) => {
    try {
      const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'node_modules', dep, 'package.json'), 'utf8')) as PackageJson;
      return `${dep}@${pkg.version}`;
    } catch {
      return `${dep}@missing`;
    }
  });
}
