// Puppeteer, loaded with require() when first needed: Node's ESM loader resolves and links its
// ~180 modules one by one, ~50-100 ms slower here than its CommonJS build, and importing it at all
// reads its config files.
import { createRequire } from 'node:module';
import type * as PuppeteerModule from 'puppeteer';

let loaded: typeof PuppeteerModule | undefined;

export function loadPuppeteer(): typeof PuppeteerModule {
  loaded ??= createRequire(import.meta.url)('puppeteer') as typeof PuppeteerModule;
  return loaded;
}
