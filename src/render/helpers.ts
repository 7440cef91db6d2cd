// The helpers templates may call. They format what the view model gives; they do not decide.
import type { HelperDelegate } from 'handlebars';
import type { DateValue, Figure, Incentive } from '../facts/schema.js';
import { formatDate } from './format/dates.js';
import { formatFigure } from './format/figures.js';
import { escapeHtml } from './format/html.js';
import { renderMarkdown, renderMarkdownInline } from './format/markdown.js';
import { formatLocalAmount, formatMoney, formatRateNote, formatUsdAmount, moneyParts } from './format/money.js';
import { formatBilingualHtml, type BilingualName } from './format/names.js';
import { pluralize } from './format/numbers.js';

/** Every helper name with its implementation; `safe` wraps HTML the helper built and escaped itself. */
export function createHelpers(safe: (html: string) => unknown): Record<string, HelperDelegate> {
  const noteLink = (n: number) => `<a href="#note-${n}">${n}</a>`;
  return {
    /** `{{md text}}`: block Markdown, raw HTML off. */
    md: (text: string) => safe(renderMarkdown(String(text))),
    /** `{{mdInline text}}`: inline Markdown, no paragraph around it. */
    mdInline: (text: string) => safe(renderMarkdownInline(String(text))),
    /** `{{date value}}`: "24 August 2023", "October 2022", "2019"; `{{date value "short"}}`: "Aug 2023". */
    date: (value: DateValue, ...rest: unknown[]) =>
      formatDate(value, rest.length > 1 && rest[0] === 'short' ? 'short' : 'long'),
    /** `{{money incentive}}`: "3 million-5 million yuan (about $420,000-$700,000)". */
    money: (incentive: Incentive) => formatMoney(incentive),
    /** `{{moneyLocal incentive}}`: "3 million-5 million yuan". */
    moneyLocal: (incentive: Incentive) => formatLocalAmount(moneyParts(incentive)) || 'not reported',
    /** `{{moneyUsd incentive}}`: "about $420,000-$700,000" or "not reported". */
    moneyUsd: (incentive: Incentive) => formatUsdAmount(moneyParts(incentive)) || 'not reported',
    /** `{{rateNote incentive}}`: the rate and its basis, for a footnote. */
    rateNote: (incentive: Incentive) => formatRateNote(incentive),
    /** `{{figure f}}`: "more than 200 people", "unknown". */
    figure: (figure: Figure) => formatFigure(figure),
    /** `{{bilingual name}}`: "Qiming (启明, Qǐmíng)" with the characters marked lang="zh". */
    bilingual: (name: BilingualName) => safe(formatBilingualHtml(name)),
    /** `{{zh text}}`: Chinese text marked lang="zh". */
    zh: (text: string) => safe(`<span lang="zh">${escapeHtml(String(text))}</span>`),
    /** `{{noteref 3}}`: a superscript endnote number that links to its note. */
    noteref: (n: number) => safe(`<sup class="noteref">${noteLink(n)}</sup>`),
    /** `{{noterefs notes}}`: superscript numbers for a list of endnotes; nothing for an empty list. */
    noterefs: (notes: number[]) =>
      safe(notes.length ? `<sup class="noteref">${notes.map(noteLink).join(',')}</sup>` : ''),
    /** `{{plural count "source"}}` or `{{plural count "person" "people"}}`: "3 sources". */
    plural: (count: number, singular: string, ...rest: unknown[]) =>
      pluralize(count, singular, rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined),
    /** `{{join list ", "}}`. */
    join: (list: string[], ...rest: unknown[]) => list.join(rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : ', '),
  };
}
