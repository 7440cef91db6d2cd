// The helpers templates may call. They format what the view model gives; they do not decide.
// Each checks its arguments first (helper-arguments.ts), so a wrong call names its template line.
import type { HelperDelegate } from 'handlebars';
import type { DateValue, Figure, Incentive } from '../facts/schema.js';
import { formatDate } from './format/dates.js';
import { formatFigure } from './format/figures.js';
import { escapeHtml } from './format/html.js';
import { renderMarkdown, renderMarkdownInline, typographicText } from './format/markdown.js';
import { formatLocalAmount, formatMoney, formatRateNote, formatUsdAmount, moneyParts } from './format/money.js';
import { formatBilingualHtml, type BilingualName } from './format/names.js';
import { pluralize } from './format/numbers.js';
import { ARGUMENTS as A, checkedHelper } from './helper-arguments.js';
import { labelHelper } from './label-helper.js';
import type { Wording } from './format/wording.js';

/**
 * Every helper name with its implementation; `safe` wraps HTML the helper built and escaped itself,
 * `wording` gives the labels and the language of the document being rendered.
 */
export function createHelpers(safe: (html: string) => unknown, wording: () => Wording): Record<string, HelperDelegate> {
  const noteLink = (n: number) => `<a href="#note-${n}">${n}</a>`;
  return {
    /** `{{label "heading.notes"}}`, `{{label "level" level}}` ("level.national"), `{{label "one-pager.more-takeaways" 2}}`. */
    label: labelHelper(wording),
    /** `{{md text}}`: block Markdown, raw HTML off. */
    md: checkedHelper('md', { required: [A.markdown] }, (text: string) => safe(renderMarkdown(text))),
    /** `{{mdInline text}}`: inline Markdown, no paragraph around it. */
    mdInline: checkedHelper('mdInline', { required: [A.markdown] }, (text: string) => safe(renderMarkdownInline(text))),
    /** `{{typographic text}}`: plain text with its straight quotes and apostrophes curled, nothing else read into it. */
    typographic: checkedHelper('typographic', { required: [A.plainText] }, (text: string) => typographicText(text)),
    /** `{{date value}}`: "24 August 2023", "October 2022", "2019"; `{{date value "short"}}`: "Aug 2023". */
    date: checkedHelper('date', { required: [A.date], optional: [A.dateStyle] }, (value: DateValue, style?: 'short' | 'long') =>
      formatDate(value, style, wording().lang),
    ),
    /** `{{money incentive}}`: "3 million-5 million yuan (about $420,000-$700,000)". */
    money: checkedHelper('money', { required: [A.incentive] }, (incentive: Incentive) => formatMoney(incentive)),
    /** `{{moneyLocal incentive}}`: "3 million-5 million yuan". */
    moneyLocal: checkedHelper(
      'moneyLocal',
      { required: [A.incentive] },
      (incentive: Incentive) => formatLocalAmount(moneyParts(incentive)) || 'not reported',
    ),
    /** `{{moneyUsd incentive}}`: "about $420,000-$700,000" or "not reported". */
    moneyUsd: checkedHelper(
      'moneyUsd',
      { required: [A.incentive] },
      (incentive: Incentive) => formatUsdAmount(moneyParts(incentive)) || 'not reported',
    ),
    /** `{{rateNote incentive}}`: the rate and its basis, for a footnote. */
    rateNote: checkedHelper('rateNote', { required: [A.incentive] }, (incentive: Incentive) => formatRateNote(incentive)),
    /** `{{figure f}}`: "more than 200 people", "unknown". */
    figure: checkedHelper('figure', { required: [A.figure] }, (figure: Figure) => formatFigure(figure)),
    /** `{{bilingual name}}`: "Qiming (启明, Qǐmíng)" with the characters marked lang="zh". */
    bilingual: checkedHelper('bilingual', { required: [A.name] }, (name: BilingualName) => safe(formatBilingualHtml(name))),
    /** `{{zh text}}`: Chinese text marked lang="zh". */
    zh: checkedHelper('zh', { required: [A.chinese] }, (text: string) => safe(`<span lang="zh">${escapeHtml(text)}</span>`)),
    /** `{{noteref 3}}`: a superscript endnote number that links to its note. */
    noteref: checkedHelper('noteref', { required: [A.noteNumber] }, (n: number) => safe(`<sup class="noteref">${noteLink(n)}</sup>`)),
    /** `{{noterefs notes}}`: superscript numbers for a list of endnotes; nothing for an empty list. */
    noterefs: checkedHelper('noterefs', { required: [A.noteNumbers] }, (notes: number[]) =>
      safe(notes.length ? `<sup class="noteref">${notes.map(noteLink).join(',')}</sup>` : ''),
    ),
    /** `{{plural count "source"}}` or `{{plural count "person" "people"}}`: "3 sources". */
    plural: checkedHelper(
      'plural',
      { required: [A.count, A.singular], optional: [A.plural] },
      (count: number, singular: string, plural?: string) => pluralize(count, singular, plural),
    ),
    /** `{{join list ", "}}`; the separator defaults to ", ". */
    join: checkedHelper(
      'join',
      { required: [A.strings], optional: [A.separator] },
      (list: string[], separator = ', ') => list.join(separator),
    ),
  };
}
