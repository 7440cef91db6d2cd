import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The tool's name and version, as written into every PDF's Creator. */
export const TOOL = { name: pkg.name, version: pkg.version, creator: `${pkg.name} ${pkg.version}` } as const;
