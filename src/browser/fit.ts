// Fitting a document onto its pages (issue 3, item 4): shrink the body type in steps, never clip.
//
// How the page box is known, in this order:
//  1. `--page-content-width` / `--page-content-height` on :root, when the stylesheet defines them;
//  2. else the `@page` rules the page can read (`:first` over the plain rule): `size` and margins,
//     each length resolved by the browser itself, the paper's own size when `size` is absent.
// The content is laid out at that width (print media is emulated) and the bottom of `main.sheet`
// (else of <body>) is compared with the height times the pages allowed. This only chooses the
// size; the printed PDF's page count is the judge (see printDocument), so a layout estimate that
// is a hair off costs one more print, never a clipped or overflowing page.
import type { Page } from 'puppeteer';
import type { FitPolicy } from '../contracts/layouts.js';
import { PAPER_SIZES, type Paper } from '../contracts/paper.js';
import { READ_PAGE_BOX, READ_PAGE_RULES } from './page-box.js';

/** The layout measured at one type size, in CSS px. */
export interface FitMeasure {
  /** Height available: the page's content box times the pages allowed. */
  available: number;
  /** Height the content takes. */
  used: number;
}

/** The outcome of the search: the size chosen, and how far it is from fitting there. */
export interface FitChoice {
  /** The body size chosen, undefined when the base size fits. */
  fontPt: number | undefined;
  /** Index in fitSteps(policy) of the size chosen. */
  stepIndex: number;
  measure: FitMeasure;
  fits: boolean;
  /** How many optional blocks (`data-fit-drop`) were taken out to fit: a print made before is stale. */
  dropped: number;
}

/** Layout rounding allowance, in px. */
const TOLERANCE_PX = 0.5;

/** The sizes the body may take, largest first: base, base - step, ..., min. */
export function fitSteps(policy: FitPolicy): number[] {
  const steps: number[] = [];
  const step = policy.stepPt > 0 ? policy.stepPt : policy.baseFontPt - policy.minFontPt || 1;
  for (let pt = policy.baseFontPt; pt > policy.minFontPt + 1e-6; pt -= step) steps.push(round(pt));
  steps.push(round(policy.minFontPt));
  return steps;
}

export function fitsIn(measure: FitMeasure): boolean {
  return measure.used <= measure.available + TOLERANCE_PX;
}

/** Finds the largest size that fits by layout (binary search over fitSteps). */
export async function chooseFitSize(page: Page, paper: Paper, policy: FitPolicy): Promise<FitChoice> {
  const steps = fitSteps(policy);
  const measureAt = (index: number) => measureFit(page, paper, policy.maxPages, index === 0 ? undefined : steps[index]);
  const measured = await measureAt(0);
  if (fitsIn(measured)) return { fontPt: undefined, stepIndex: 0, measure: measured, fits: true, dropped: 0 };
  // What the sheet shows only where it has room goes first, before the type shrinks (issue 18, item 4).
  const early = await dropUntilFits(page, paper, policy.maxPages, false);
  let { measure: atBase, dropped } = early;
  const last = steps.length - 1;
  let atMin = fitsIn(atBase) || steps.length === 1 ? atBase : await measureAt(last);
  // A block marked `data-fit-late` (the change line, issue 22) goes only where even the smallest type leaves no room for it.
  if (!fitsIn(atMin)) {
    const late = await dropUntilFits(page, paper, policy.maxPages, true);
    dropped += late.dropped;
    atBase = late.measure;
    atMin = fitsIn(atBase) || steps.length === 1 ? atBase : await measureAt(last);
  }
  if (fitsIn(atBase) || steps.length === 1) return { fontPt: undefined, stepIndex: 0, measure: atBase, fits: fitsIn(atBase), dropped };
  if (!fitsIn(atMin)) return { fontPt: steps[last], stepIndex: last, measure: atMin, fits: false, dropped };
  // Invariant: steps[low] overflows, steps[high] fits.
  let low = 0;
  let high = last;
  let best = atMin;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    const measure = await measureAt(middle);
    if (fitsIn(measure)) {
      high = middle;
      best = measure;
    } else {
      low = middle;
    }
  }
  await setFitSize(page, steps[high]);
  return { fontPt: steps[high], stepIndex: high, measure: best, fits: true, dropped };
}

/**
 * True when layout must be measured before printing: the stylesheet declares the content box (way 1
 * above), which only layout can check, or the page has blocks fitting may drop (issue 18), which a
 * print at the base size would mostly find too long.
 */
export async function declaresContentBox(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    const declared = ['--page-content-width', '--page-content-height'].some((name) => style.getPropertyValue(name).trim() !== '');
    return declared || document.querySelector('[data-fit-drop]') !== null;
  });
}

/** Sets (or, with undefined, removes) the `--fit-font-pt` the stylesheet sizes its type from. */
export async function setFitSize(page: Page, fontPt: number | undefined): Promise<void> {
  await page.evaluate((pt) => {
    for (const element of [document.documentElement, document.body]) {
      if (pt === null) element.style.removeProperty('--fit-font-pt');
      else element.style.setProperty('--fit-font-pt', `${pt}pt`);
    }
  }, fontPt ?? null);
}

/** Lays the document out at the page's content width (page-box.ts) with the given size and measures it. */
export async function measureFit(page: Page, paper: Paper, maxPages: number, fontPt?: number): Promise<FitMeasure> {
  const { widthMm, heightMm } = PAPER_SIZES[paper];
  return page.evaluate(
    (pt, paperWidth, paperHeight, pages, boxGlobal, rulesGlobal) => {
      const root = document.documentElement;
      for (const element of [root, document.body]) {
        if (pt === null) element.style.removeProperty('--fit-font-pt');
        else element.style.setProperty('--fit-font-pt', `${pt}pt`);
      }
      const readBox = (globalThis as unknown as Record<string, (w: number, h: number, rules: string) => { width: number; height: number }>)[boxGlobal]!;
      const box = readBox(paperWidth, paperHeight, rulesGlobal);
      // Lay out at the width the printed page gives the content.
      const previousWidth = root.style.width;
      root.style.width = `${box.width}px`;
      const sheet = document.querySelector('main.sheet') ?? document.body;
      const used = sheet.getBoundingClientRect().bottom - root.getBoundingClientRect().top;
      root.style.width = previousWidth;
      return { available: box.height * pages, used };
    },
    fontPt ?? null,
    widthMm,
    heightMm,
    maxPages,
    READ_PAGE_BOX,
    READ_PAGE_RULES,
  );
}

/**
 * At the base size, takes out the blocks marked `data-fit-drop` (1 first, then 2, ...; with `late`,
 * only those also marked `data-fit-late`, which the others leave in place) one at a time
 * until the content fits; each block's stand-in (`data-fit-instead-of` its `data-fit-id`, e.g. "2
 * more takeaways in the brief") is shown in its place. One round trip, however many blocks.
 */
export async function dropUntilFits(page: Page, paper: Paper, maxPages: number, late = false): Promise<{ measure: FitMeasure; dropped: number }> {
  const { widthMm, heightMm } = PAPER_SIZES[paper];
  return page.evaluate(
    (paperWidth, paperHeight, pages, boxGlobal, rulesGlobal, tolerance, lateOnly) => {
      const root = document.documentElement;
      for (const element of [root, document.body]) element.style.removeProperty('--fit-font-pt');
      const readBox = (globalThis as unknown as Record<string, (w: number, h: number, rules: string) => { width: number; height: number }>)[boxGlobal]!;
      const box = readBox(paperWidth, paperHeight, rulesGlobal);
      const previousWidth = root.style.width;
      root.style.width = `${box.width}px`;
      const sheet = document.querySelector('main.sheet') ?? document.body;
      const measure = () => ({ available: box.height * pages, used: sheet.getBoundingClientRect().bottom - root.getBoundingClientRect().top });
      // Lowest order first; of blocks of one order, the last on the page first.
      const blocks = Array.from(document.querySelectorAll<HTMLElement>(lateOnly ? '[data-fit-drop][data-fit-late]' : '[data-fit-drop]:not([data-fit-late])'))
        .map((block, index) => ({ block, index }))
        .sort((a, b) => Number(a.block.dataset.fitDrop) - Number(b.block.dataset.fitDrop) || b.index - a.index)
        .map(({ block }) => block);
      let current = measure();
      let dropped = 0;
      for (const block of blocks) {
        if (current.used <= current.available + tolerance) break;
        const id = block.dataset.fitId;
        if (id) for (const standIn of Array.from(document.querySelectorAll(`[data-fit-instead-of="${CSS.escape(id)}"]`))) standIn.removeAttribute('data-fit-instead-of');
        block.remove();
        dropped++;
        current = measure();
      }
      root.style.width = previousWidth;
      return { measure: current, dropped };
    },
    widthMm,
    heightMm,
    maxPages,
    READ_PAGE_BOX,
    READ_PAGE_RULES,
    TOLERANCE_PX,
    late,
  );
}

/** "12.3 mm / 4 %": how much did not fit, for the FitError. */
export function describeOverflow(measure: FitMeasure): string {
  const overflowPx = Math.max(0, measure.used - measure.available);
  const mm = (overflowPx * 25.4) / 96;
  const percent = measure.available > 0 ? (overflowPx / measure.available) * 100 : 0;
  return `${mm.toFixed(1)} mm / ${percent.toFixed(0)} %`;
}

function round(pt: number): number {
  return Math.round(pt * 100) / 100;
}
