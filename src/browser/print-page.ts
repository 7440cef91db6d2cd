// A page that loaded the skeleton (fonts, shared styles) once and swaps only each document's body:
// MEASURED.md saw ~28 ms a document this way against ~90 ms opening each afresh.
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import type { RenderedDocument } from '../contracts/document.js';
import { BriefError, EXIT } from '../errors.js';
import type { BrowserHandle } from './browsers.js';
import type { RequestGuard } from './request-guard.js';
import { MARK_FOREIGN_SCRIPTS, markForeignScripts } from './tag-languages.js';
import { READ_PAGE_BOX, READ_PAGE_RULES, readPageBox, readPageRules } from './page-box.js';

export interface PrintPage {
  page: Page;
  handle: BrowserHandle;
  /** Documents printed on this page. */
  printed: number;
  /** URLs blocked since the current document was swapped in. */
  blocked: string[];
  /** The page crashed or its target closed: it is never reused. */
  broken: boolean;
  /** Rejects when the page's renderer crashes (its pending calls may otherwise never settle), or its document navigates it. */
  crashed: Promise<never>;
  /** From then on, no navigation of the main frame is allowed. */
  skeletonLoaded: boolean;
  /** The key of the document on the page now, so that a refused navigation names it. */
  showing?: string;
}

/** The page's renderer process crashed (or was killed, e.g. out of memory). */
export class PageCrashed extends Error {
  constructor(cause?: unknown) {
    super(cause instanceof Error ? cause.message : 'the page crashed', cause === undefined ? undefined : { cause });
    this.name = 'PageCrashed';
  }
}

/**
 * The document tried to navigate its page, e.g. with a <meta http-equiv="refresh"> printed raw from
 * the data (templates are checked as they are read): the document's fault, not the browser's, so
 * it names the document, exits as a data problem and is not retried.
 */
export class NavigationRefused extends BriefError {
  /** `url`: where it went, when known; the skeleton's own URL is a reload. */
  constructor(key: string, url?: string, skeletonUrl?: string) {
    const what = url === undefined ? 'leave the page' : url === skeletonUrl ? 'reload the page' : `send the page to ${url}`;
    const why = 'a page being printed may not navigate, so it was not printed';
    super(`${key}: the document tried to ${what} (a <meta http-equiv="refresh">?); ${why}`, { exitCode: EXIT.data });
  }
}

/** Each locked-down page's state, for swapDocument, which is handed the page alone. */
const warmPages = new WeakMap<Page, PrintPage>();

/**
 * Opens a page on the browser, locks it down, and loads the skeleton from its file:// URL. Gives up
 * after `timeoutMs`: a page whose renderer died while starting may otherwise never finish opening.
 */
export async function openPrintPage(
  handle: BrowserHandle,
  skeletonUrl: string,
  guard: RequestGuard,
  timeoutMs: number,
): Promise<PrintPage> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageCrashed(new Error(`opening a page took longer than ${timeoutMs} ms`))), timeoutMs);
  });
  const opening = newFramelessPage(handle.browser);
  let warm: PrintPage | undefined;
  try {
    const page = await Promise.race([opening, deadline]);
    handle.openPages++;
    warm = lockDown(page, handle, guard);
    await Promise.race([loadSkeleton(warm, skeletonUrl), deadline, warm.crashed]);
    return warm;
  } catch (error) {
    if (warm) await closePrintPage(warm);
    else void opening.then((late) => late.close()).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

let printPages = 0;
/** Browsers that refused: each later page on them is an ordinary one, without asking again. */
const refusing = new WeakSet<Browser>();

/**
 * A page that is only ever printed. chrome-headless-shell can leave a page's frames to the
 * DevTools client (Target.createTarget's enableBeginFrameControl): asked for none, its compositor
 * draws no frames of a screen nobody sees. Printing, layout, fonts and image decoding do not need
 * them, and a build's Chromium spent about a quarter of its CPU rasterising and compositing those
 * frames, the GPU process included. A browser that refuses the option gets an ordinary page.
 */
export async function newFramelessPage(browser: Browser): Promise<Page> {
  // Found again by a URL only this page has: Puppeteer names targets by URL, not by id.
  if (refusing.has(browser)) return browser.newPage();
  const url = `about:blank#brief-print-page-${process.pid}-${++printPages}`;
  try {
    const session = await browser.target().createCDPSession();
    try {
      await session.send('Target.createTarget', { url, enableBeginFrameControl: true });
    } finally {
      void session.detach().catch(() => undefined);
    }
  } catch {
    refusing.add(browser);
    return browser.newPage();
  }
  const page = await (await browser.waitForTarget((target) => target.url() === url)).page();
  if (!page) throw new PageCrashed(new Error('the new page has no Page target'));
  return page;
}

function lockDown(page: Page, handle: BrowserHandle, guard: RequestGuard): PrintPage {
  let reportCrash: (error: unknown) => void = () => undefined;
  const crashed = new Promise<never>((_, reject) => {
    reportCrash = reject;
  });
  crashed.catch(() => undefined); // Only those who race against it care.
  const warm: PrintPage = { page, handle, printed: 0, blocked: [], broken: false, crashed, skeletonLoaded: false };
  warmPages.set(page, warm);
  page.on('error', (error) => {
    warm.broken = true; // Puppeteer's 'error' event: the renderer process crashed.
    reportCrash(new PageCrashed(error));
  });
  page.on('close', () => {
    warm.broken = true;
  });
  const refuseNavigation = (url: string) => {
    warm.broken = true; // The page may already be on its way elsewhere.
    reportCrash(new NavigationRefused(warm.showing ?? 'a document', url, page.url()));
  };
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    // After the skeleton, nothing may navigate the page away (e.g. a <meta http-equiv=refresh>).
    const navigatesAway = warm.skeletonLoaded && request.isNavigationRequest() && request.frame() === page.mainFrame();
    if (!navigatesAway && guard.allows(url, request.resourceType())) {
      void request.continue().catch(() => undefined);
    } else {
      if (navigatesAway) refuseNavigation(url);
      warm.blocked.push(url);
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  return warm;
}

async function loadSkeleton(warm: PrintPage, skeletonUrl: string): Promise<void> {
  const { page } = warm;
  // Issue 5: hostile markup is inert. page.evaluate still runs (it goes through DevTools),
  // while <script>, on* attributes and javascript: URLs in the document do not.
  await page.setJavaScriptEnabled(false);
  await page.emulateMediaType('print');
  await page.setRequestInterception(true);
  await page.goto(skeletonUrl, { waitUntil: 'load' });
  warm.skeletonLoaded = true;
  // Under tsx (tests, bench) esbuild's keepNames wraps named inner functions in __name(), and
  // functions evaluated in the page carry that call with them; the compiled build has none.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(`globalThis.${MARK_FOREIGN_SCRIPTS} = ${markForeignScripts.toString()}`);
  // The fit check's readers of the page box (page-box.ts).
  await page.evaluate(`globalThis.${READ_PAGE_RULES} = ${readPageRules.toString()}; globalThis.${READ_PAGE_BOX} = ${readPageBox.toString()}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  warm.blocked = []; // What the skeleton itself tried is not any document's fault.
}

/** Closes the page (never waiting long on a crashed one) and lets its browser retire. */
export async function closePrintPage(warm: PrintPage): Promise<void> {
  warm.broken = true;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    warm.page.close().catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, 2000);
    }),
  ]);
  clearTimeout(timer);
  warm.handle.openPages--;
}

/** Inline elements with no role of their own that may carry a `lang` (phrasing content without semantics). */
const LANGUAGE_CARRIERS = ['span', 'i', 'b', 'u', 's', 'small', 'bdi', 'bdo', 'cite', 'data', 'time', 'var', 'q', 'font']
  .map((tag) => `${tag}[lang]:not([role])`)
  .join(', ');

/** The parts of a rendered document that go into the warm page. */
export type DocumentParts = Pick<RenderedDocument, 'key' | 'lang' | 'title' | 'pageCss' | 'bodyClass' | 'body'>;

/**
 * Swaps the document into the page in one round trip and waits until its fonts and images are
 * loaded: page.pdf() does not wait for web fonts (MEASURED.md).
 */
export async function swapDocument(page: Page, doc: DocumentParts): Promise<void> {
  const warm = warmPages.get(page);
  if (warm) warm.showing = doc.key;
  const swapped = page.evaluate(async (parts) => {
    document.documentElement.lang = parts.lang;
    // A dataset in Arabic or Hebrew runs right to left from the page down (issue 23).
    let script = '';
    try {
      script = new Intl.Locale(parts.lang).maximize().script ?? '';
    } catch {
      script = '';
    }
    if (['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr'].includes(script)) document.documentElement.dir = 'rtl';
    else document.documentElement.removeAttribute('dir');
    document.title = parts.title;
    let style = document.getElementById('page-css');
    if (!style) {
      style = document.createElement('style');
      style.id = 'page-css';
      document.head.appendChild(style);
    }
    style.textContent = parts.pageCss;
    // A size fitted for the previous document must not carry over (see fit.ts: both elements).
    document.documentElement.style.removeProperty('--fit-font-pt');
    document.body.removeAttribute('style');
    document.body.className = parts.bodyClass;
    document.body.innerHTML = parts.body;
    // Text in another script gets the language it is written in (tag-languages.ts). Chromium
    // writes /Lang only on elements it tags, and a plain <span lang="zh"> is not one: given its own
    // (implicit) role, it is tagged with its language (finishing makes that element a Span).
    // Only the printed page changes.
    (globalThis as unknown as Record<string, () => number>)[parts.markForeignScripts]?.();
    document.body.querySelectorAll(parts.languageCarriers).forEach((element) => element.setAttribute('role', 'generic'));
    // Layout first, so the unicode-range slices new text needs are requested before fonts.ready
    // is read. (Chromium 156 happened to print the right fonts without either wait: insurance.)
    void document.body.offsetHeight;
    // Margin boxes are laid out at print time with the slices already loaded: a header character
    // whose slice no body text asked for was dropped with the whole header (issue 23: titles with
    // 離, 難, 雑). Their text is loaded in their own font first.
    for (const [, box = ''] of parts.pageCss.matchAll(/@(?:top|bottom|left|right)-[a-z-]+\s*\{([^}]*)\}/g)) {
      const family = /font-family:([^;]+);/.exec(box)?.[1];
      const text = [...box.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
      const weight = /font-weight:\s*(\d+)/.exec(box)?.[1] ?? '400';
      if (family && text) void document.fonts.load(`${weight} 7.5pt ${family}`, text).catch(() => undefined);
    }
    await document.fonts.ready;
    await Promise.allSettled(Array.from(document.images, (image) => image.decode()));
    await document.fonts.ready;
  }, { lang: doc.lang, title: doc.title, pageCss: doc.pageCss, bodyClass: doc.bodyClass, body: doc.body, languageCarriers: LANGUAGE_CARRIERS, markForeignScripts: MARK_FOREIGN_SCRIPTS });
  // A navigation to about: never reaches the request handler: the page only loses its context.
  await swapped.catch((error: unknown) => {
    if (!/Execution context was destroyed/.test(String(error))) throw error;
    if (warm) warm.broken = true;
    throw new NavigationRefused(doc.key);
  });
}
