// Prose through markdown-it with raw HTML off, so data can never inject markup or script (issue 3).
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:|#)/i;

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, typographer: true, linkify: false });
  // Only web, mail and in-page links: javascript:, data: and the like are refused and stay as text.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  return md;
}

const md = createMarkdown();

/** Block Markdown to HTML (paragraphs, lists). */
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
