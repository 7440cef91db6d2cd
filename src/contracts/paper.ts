// The paper a PDF is printed on: the one table of sizes every stage reads (page CSS, fitting,
// printing, the pack's front matter), and the one default.

/** The paper sizes a PDF can be printed on. */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** The paper when none is asked for. */
export const DEFAULT_PAPER: Paper = 'a4';

/** Each paper's size in millimetres, its CSS `@page size` keyword and Puppeteer's `format`. */
export const PAPER_SIZES = {
  a4: { widthMm: 210, heightMm: 297, css: 'A4', printFormat: 'a4' },
  letter: { widthMm: 215.9, heightMm: 279.4, css: 'letter', printFormat: 'letter' },
} as const satisfies Record<Paper, { widthMm: number; heightMm: number; css: string; printFormat: string }>;
