// Per-document CSS: paper size, margins, the running header and the "Page N of M" footer (issue 3).
import { LAYOUTS, type Layout } from '../contracts/layouts.js';
import { PAPER_SIZES, type Paper } from '../contracts/paper.js';
import { fontStackFor } from '../fonts/font-slices.js';

/** The area inside the layout's margins, which a fitted layout's `<main class="sheet">` must fit. */
export function pageContentSize(paper: Paper, layout: Layout): { widthMm: number; heightMm: number } {
  const size = LAYOUTS[layout].pageSize ?? PAPER_SIZES[paper];
  const m = LAYOUTS[layout].margins;
  return { widthMm: size.widthMm - m.left - m.right, heightMm: size.heightMm - m.top - m.bottom };
}

/**
 * A CSS string literal, safe inside a <style> element: `<` is escaped, so data such as a name
 * holding `</style><script>` cannot end the element in the standalone HTML (issue 5, item 1).
 */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ').replace(/[\r\n]+/g, ' ')}"`;
}

export interface PageCssInput {
  paper: Paper;
  layout: Layout;
  /** The running header's left side: the document's title. */
  header: string;
  /** The distribution marking, on every page; null for none. */
  distribution: string | null;
  /** The footer's wording, with {page} and {pages} where the printer counts them: "Page {page} of {pages}". */
  pageNumber: string;
  /** The document's language: the margin boxes draw Han characters in its family (issue 23). */
  lang?: string;
}

/**
 * The margin boxes' font: every bundled family, as the stylesheets' stacks end (issue 11), the
 * document language's CJK family first among them (issue 23): a margin box is laid out with the
 * slices the body loaded, and a Japanese page loads the Japanese slices, not the Chinese ones.
 */
export function marginFont(lang = 'en'): string {
  return `font-family:${fontStackFor('Noto Sans', lang)};font-size:7.5pt;color:#333;`;
}

/** "Page {page} of {pages}" as CSS content: `"Page " counter(page) " of " counter(pages)`. */
export function pageCounterContent(wording: string): string {
  return wording
    .split(/(\{pages?\})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

export function renderPageCss(input: PageCssInput): string {
  const { margins: m, fit, pageSize } = LAYOUTS[input.layout];
  const MARGIN_FONT = marginFont(input.lang);
  const lines = [
    '@page {',
    `  size: ${pageSize ? `${pageSize.widthMm}mm ${pageSize.heightMm}mm` : PAPER_SIZES[input.paper].css};`,
    `  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;`,
    `  @top-left { content: ${cssString(input.header)}; ${MARGIN_FONT} vertical-align: bottom; padding-bottom: 3mm; }`,
    input.distribution
      ? `  @top-right { content: ${cssString(input.distribution.toUpperCase())}; ${MARGIN_FONT} font-weight:700; letter-spacing:0.06em; vertical-align: bottom; padding-bottom: 3mm; }`
      : '',
    `  @bottom-center { content: ${pageCounterContent(input.pageNumber)}; ${MARGIN_FONT} vertical-align: top; padding-top: 3mm; }`,
    '}',
  ];
  if (fit) lines.push(`body.layout-${input.layout} { --fit-font-pt: ${fit.baseFontPt}pt; }`);
  lines.push(`:root { --page-width: ${(pageSize ?? PAPER_SIZES[input.paper]).widthMm}mm; --content-width: ${pageContentSize(input.paper, input.layout).widthMm}mm; }`);
  return lines.filter(Boolean).join('\n');
}
