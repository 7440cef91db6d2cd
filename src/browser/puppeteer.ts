// Puppeteer, loaded with require() when first needed: Node's ESM loader resolves and links its
// ~180 modules one by one, ~50-100 ms slower here than its CommonJS build, and importing it at all
// reads its config files.
import { createRequire } from 'node:module';
import type * as PuppeteerModule from 'puppeteer';
import type * as PuppeteerCoreModule from 'puppeteer-core';

const require = createRequire(import.meta.url);
let core: typeof PuppeteerCoreModule | undefined;
let full: typeof PuppeteerModule | undefined;

/**
 * puppeteer-core: launching a browser found on this machine and connecting to one need nothing
 * more, and it loads without the full package's configuration and download code (cosmiconfig,
 * @puppeteer/browsers), which a build would load before it could launch anything.
 */
export function loadPuppeteerCore(): typeof PuppeteerCoreModule {
  core ??= require('puppeteer-core') as typeof PuppeteerCoreModule;
  return core;
}

/** The full package: only to find the browser Puppeteer downloaded, when there is no other. */
export function loadPuppeteer(): typeof PuppeteerModule {
  full ??= require('puppeteer') as typeof PuppeteerModule;
  return full;
}
