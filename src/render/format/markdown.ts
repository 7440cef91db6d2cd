// Prose through markdown-it with raw HTML off, so data can never inject markup or script (issue 3).
import MarkdownIt from 'markdown-it';
import { FormatError } from './format-error.js';

const SAFE_LINK = /^(https?:|mailto:|#)/i;

type BlockTokenize = MarkdownIt['block']['tokenize'];

/**
 * Past `maxNesting` levels (quotes and lists, 100 by default) markdown-it drops the rest of the
 * text without a word: here it is refused instead, naming the start of the text (issue 11).
 */
function refuseTooDeep(md: MarkdownIt): void {
  const tokenize: BlockTokenize = md.block.tokenize.bind(md.block);
  const limit = (md.options as { maxNesting?: number }).maxNesting ?? 100;
  md.block.tokenize = (state, startLine, endLine) => {
    if (state.level >= limit) {
      const line = state.skipEmptyLines(startLine);
      // What markdown-it would skip: a line inside this block that holds text.
      if (line < endLine && state.sCount[line]! >= state.blkIndent) {
        const start = state.src.replace(/\s+/g, ' ').trim().slice(0, 40);
        const why = `it nests quotes or lists deeper than ${limit} levels, and what is below would be lost`;
        throw new FormatError(`cannot render this Markdown: ${why}; the text starts "${start}..."`);
      }
    }
    tokenize(state, startLine, endLine);
  };
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, typographer: true, linkify: false });
  // Only web, mail and in-page links: javascript:, data: and the like are refused and stay as text.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  refuseTooDeep(md);
  return md;
}

const md = createMarkdown();

/** Block Markdown to HTML (paragraphs, lists); throws FormatError for text nested too deep to render. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Inline Markdown to HTML, without a wrapping paragraph: for table cells and list items. */
export function renderMarkdownInline(source: string): string {
  return md.renderInline(source);
}

/** Markdown to plain text: for metadata, chart labels and running headers. */
export function markdownToText(source: string): string {
  return md
    .renderInline(source)
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Plain text with markdown-it's typographer applied and nothing else: straight quotes and
 * apostrophes curled ("it's" -> "it’s", "\"a\"" -> "“a”"), every other character as written. For
 * text that is not Markdown (a quote's words, an excerpt) printed inside curly quotation marks.
 */
export function typographicText(text: string): string {
  // Every ASCII punctuation mark but the quotes escaped, so that no Markdown syntax applies.
  return markdownToText(text.replace(/[\\`*_{}[\]()#+\-.!|<>&~^=:$%@,;?/]/g, (c) => `\\${c}`));
}
