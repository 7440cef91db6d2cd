// The skeleton: the shared head every document is printed inside, and the standalone HTML built from it.
import type { Paper } from '../contracts/paper.js';
import type { RenderedDocument } from '../contracts/document.js';
import { fontFaceCss, inlineFontCss } from './font-faces.js';
import { policyMeta } from './content-policy.js';
import { escapeHtml } from './format/html.js';
import type { TemplateSet } from './template-set.js';

export interface SkeletonOptions {
  paper: Paper;
  /**
   * `file`: fonts by file:// URL (the printer); `inline`: fonts embedded (self-contained HTML);
   * `none`: an empty fonts style, for whoever fills it in.
   */
  assets: 'file' | 'inline' | 'none';
  /** With `inline`: the characters the document uses, so only the font slices it needs are embedded. */
  text?: string;
  /** The <html lang>; composeHtml sets each document's own. */
  lang?: string;
  /** A Content-Security-Policy to carry as a <meta>: the self-contained HTML's (content-policy.ts). */
  contentPolicy?: string;
}

/** The placeholders composeHtml and the printer fill per document. */
export const SKELETON_SLOTS = {
  pageCss: '<style id="page-css"></style>',
  title: '<title></title>',
  body: '<body></body>',
} as const;

/** A complete HTML document with an empty body: fonts and shared styles; nothing per document. */
export function renderSkeleton(templates: TemplateSet, options: SkeletonOptions): string {
  const styles = templates.styles.map((s) => `/* ${s.name}.css */\n${s.source}`).join('\n');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.lang ?? 'en')}" class="paper-${options.paper}">`,
    '<head>',
    '<meta charset="utf-8">',
    ...(options.contentPolicy ? [policyMeta(options.contentPolicy)] : []),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    SKELETON_SLOTS.title,
    `<style id="styles">\n${styles}\n</style>`,
    SKELETON_SLOTS.pageCss,
    // Last in the head: inlined, the fonts are megabytes, and every slot above is found before them.
    `${FONTS_OPEN}${options.assets === 'none' ? '' : fontFaceCss(options.assets, options.text)}\n</style>`,
    '</head>',
    SKELETON_SLOTS.body,
    '</html>',
    '',
  ].join('\n');
}

const FONTS_OPEN = '<style id="fonts">\n';

/**
 * The self-contained HTML of one document, as bytes: the skeleton with its page CSS, language, title
 * and body, and the fonts it uses embedded. The fonts (megabytes of base64, the same few for every
 * document) are joined in as bytes, never encoded again as part of one huge string.
 */
export function standaloneHtml(emptySkeleton: string, doc: RenderedDocument): Buffer {
  const html = composeHtml(emptySkeleton, doc);
  const at = html.indexOf(FONTS_OPEN) + FONTS_OPEN.length;
  if (at < FONTS_OPEN.length) throw new Error('standaloneHtml: the skeleton lacks its fonts style');
  return Buffer.concat([Buffer.from(html.slice(0, at)), inlineFontCss(documentText(doc)), Buffer.from(html.slice(at))]);
}

/** The characters a document shows, for `renderSkeleton({ assets: 'inline', text })`. */
export function documentText(doc: RenderedDocument): string {
  return `${doc.title}${doc.pageCss}${doc.body}`;
}

/** The standalone HTML of one document: the skeleton with its page CSS, language, title and body. */
export function composeHtml(skeleton: string, doc: RenderedDocument): string {
  // Spliced by position, not by replace(): a skeleton with inlined fonts is megabytes long, and a "$"
  // in the document must not be read as a replacement pattern.
  const lang = /<html lang="[^"]*"/.exec(skeleton);
  const title = skeleton.indexOf(SKELETON_SLOTS.title);
  const pageCss = skeleton.indexOf(SKELETON_SLOTS.pageCss, title);
  const body = skeleton.lastIndexOf(SKELETON_SLOTS.body);
  if (!lang || title < 0 || pageCss < 0 || body < 0) throw new Error('composeHtml: the skeleton lacks its slots');
  return [
    skeleton.slice(0, lang.index),
    `<html lang="${escapeHtml(doc.lang)}"${isRightToLeft(doc.lang) ? ' dir="rtl"' : ''}`,
    skeleton.slice(lang.index + lang[0].length, title),
    `<title>${escapeHtml(doc.title)}</title>`,
    skeleton.slice(title + SKELETON_SLOTS.title.length, pageCss),
    `<style id="page-css">\n${doc.pageCss}\n</style>`,
    skeleton.slice(pageCss + SKELETON_SLOTS.pageCss.length, body),
    `<body class="${escapeHtml(doc.bodyClass)}">\n${doc.body}\n</body>`,
    skeleton.slice(body + SKELETON_SLOTS.body.length),
  ].join('');
}

/** Whether a language is written right to left (its likely script): its documents get dir="rtl" (issue 23). */
export function isRightToLeft(lang: string): boolean {
  try {
    return ['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr'].includes(new Intl.Locale(lang).maximize().script ?? '');
  } catch {
    return false;
  }
}
