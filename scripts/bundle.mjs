#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js and all it imports, yargs included) into
// dist/brief-cli.js, which bin/brief.js loads, plus chunks for what only some commands need.
// Node 20 has no compile cache, and its ESM loader resolves, reads and links modules one by one:
// a no-op `brief build` loaded ~80 of them before it could answer. The data-reading worker's entry
// is bundled too (dist/brief-facts-worker.js). The library API (dist/index.js) and the compiled
// validator stay as tsc and scripts/compile-validator.mjs wrote them; the bundles find files from
// dist/ like the modules they came from (CODE_DIR in src/package.ts), which is why they and
// their chunks sit in dist/ itself and not in a folder below it.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const CHUNK = /^brief-cli(-chunk-[A-Z0-9]+)?\.js$/;

/**
 * string-width (yargs and cliui each have a copy) builds Unicode-property regular expressions and
 * an Intl.Segmenter as it loads, ~20 ms of every start, though only help text measures strings.
 * Each import of it gets a stand-in whose first call loads it: esbuild initialises a module that is
 * require()d when it is first required, not when the bundle starts.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(bundler) {
    bundler.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await bundler.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
      // Named relative to the project, so that no path of the machine that built it is written.
      return real.errors.length > 0 ? { errors: real.errors } : { path: relative(root, real.path), namespace: 'lazy-string-width' };
    });
    bundler.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let real;\nexport default function stringWidth(...args) {\n  real ??= require(${JSON.stringify(join(root, args.path))}).default;\n  return real(...args);\n}\n`,
      resolveDir: dirname(join(root, args.path)),
      loader: 'js',
    }));
  },
};

// Chunks of an earlier bundle: their names change with their contents.
for (const name of readdirSync(dist)) if (CHUNK.test(name)) rmSync(join(dist, name));

const shared = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __briefCreateRequire } from 'node:module';\nconst require = __briefCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

// The thread that reads the data (src/facts/load-facts-in-worker.ts) starts a module graph of its own:
// as tsc wrote it, that was ~60 files (yaml's among them) resolved and linked one by one while a
// build's start is at its busiest. In dist/ itself, it finds the compiled validator as the CLI does.
await build({ ...shared, entryPoints: { 'brief-facts-worker': 'dist/facts/facts-worker.js' } });

await build({
  ...shared,
  entryPoints: { 'brief-cli': 'dist/cli/main.js' },
  chunkNames: 'brief-cli-chunk-[hash]',
  splitting: true,
  // Loaded with createRequire() where they are used, each from its own build (src/pdf/pdf-lib.ts,
  // src/browser/puppeteer.ts): never bundled.
  external: ['puppeteer', 'puppeteer-core', 'pdf-lib'],
  plugins: [lazyStringWidth],
});
