// The identity of the bundled fonts, as part of every input hash: each @fontsource package's name and version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package.js';

const require = createRequire(import.meta.url);

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
      // Resolved as Node resolves it, so a hoisted install is found too.
      const pkg = JSON.parse(readFileSync(require.resolve(`${dep}/package.json`), 'utf8')) as PackageJson;
      return `${dep}@${pkg.version}`;
    } catch {
      return `${dep}@missing`;
    }
  });
}
