// The helpers templates may call. They format what the view model gives; they do not decide.
// Each checks its arguments first (helper-arguments.ts), so a wrong call names its template line.
import type { HelperDelegate } from 'handlebars';
import type { AmountView, NameView, NativeNameView, RateView } from '../documents/view-types.js';
import type { DateValue, Figure } from '../facts/schema.js';
import { formatDate } from './format/dates.js';
import { formatFigure } from './format/figures.js';
import { escapeHtml } from './format/html.js';
import { renderMarkdown, renderMarkdownInline, typographicText } from './format/markdown.js';
import { formatMoney, formatRate } from './format/money.js';
import { formatBilingualHtml, formatNativeHtml } from './format/names.js';
import { pluralize } from './format/numbers.js';
import { bracketed, stopAfter, stopOf } from './format/punctuation.js';
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
    /** `{{date value}}`: "24 August 2023", "October 2022", "2019"; every date of a document in one style. */
    date: checkedHelper('date', { required: [A.date], optional: [A.dateStyle] }, (value: DateValue, style?: 'short' | 'long') =>
      formatDate(value, style, wording().lang),
    ),
    /** `{{money amount}}`: "£2.5bn", "CN¥3–5m", "about US$420k", "up to £3m", in the dataset's language. */
    money: checkedHelper('money', { required: [A.amount] }, (amount: AmountView) => formatMoney(amount, wording())),
    /** `{{rate rate}}`: "CN¥1 = US$0.14 (the source's own conversion)". */
    rate: checkedHelper('rate', { required: [A.rate] }, (rate: RateView) => formatRate(rate, wording())),
    /** `{{figure f}}`: "more than 200 people", "unknown", "thousands of engineers". */
    figure: checkedHelper('figure', { required: [A.figure] }, (figure: Figure) => formatFigure(figure, wording())),
    /** `{{bilingual name}}`: "Seoul Fellows (서울 펠로우, Seoul Pellou)", the native text marked with its lang (and dir). */
    bilingual: checkedHelper('bilingual', { required: [A.name] }, (name: NameView) => safe(formatBilingualHtml(name))),
    /** `{{native name}}`: a native name alone, marked with its lang (and dir="rtl" where it runs right to left). */
    native: checkedHelper('native', { required: [A.native] }, (native: NativeNameView) => safe(formatNativeHtml(native))),
    /** `{{zh text}}`: text known to be Chinese, marked lang="zh". */
    zh: checkedHelper('zh', { required: [A.chinese] }, (text: string) => safe(`<span lang="zh">${escapeHtml(text)}</span>`)),
    /** `{{noteref 3}}`: a superscript endnote number that links to its note. */
    noteref: checkedHelper('noteref', { required: [A.noteNumber] }, (n: number) => safe(`<sup class="noteref">${noteLink(n)}</sup>`)),
    /** `{{noterefs notes}}`: superscript numbers for a list of endnotes; nothing for an empty list. */
    noterefs: checkedHelper('noterefs', { required: [A.noteNumbers] }, (notes: number[]) =>
      safe(notes.length ? `<sup class="noteref">${notes.map(noteLink).join(',')}</sup>` : ''),
    ),
    /**
     * `{{changed notes @root.since}}`: in a passage citing a note whose claim changed since the last
     * edition, words a screen reader reads out, and by which the styles draw a bar beside it (issue 22); nothing otherwise.
     */
    changed: checkedHelper('changed', { required: [A.noteNumbers, A.since] }, (notes: number[], since: { notes: number[] } | null) =>
      safe(since && notes.some((n) => since.notes.includes(n)) ? `<span class="change-words">${escapeHtml(wording().labels.text('since.marked', {}, wording().lang))}</span>` : ''),
    ),
    /** `{{notelist notes}}`: "3, 4, 5", each linking to its note, for a line in running text. */
    notelist: checkedHelper('notelist', { required: [A.noteNumbers] }, (notes: number[]) => safe(notes.map(noteLink).join(', '))),
    /** `{{plural count "source"}}` or `{{plural count "person" "people"}}`: "3 sources". */
    plural: checkedHelper(
      'plural',
      { required: [A.count, A.singular], optional: [A.plural] },
      (count: number, singular: string, plural?: string) => pluralize(count, singular, plural),
    ),
    /** `{{bracket text}}`: "(text)" (full-width in Chinese and Japanese), any brackets inside it turned into commas, so brackets never nest (issue 18). */
    bracket: checkedHelper('bracket', { required: [A.plainText] }, (text: string) => bracketed(text, wording().lang)),
    /** `{{stop text}}`, `{{stop text ","}}`: the language's stop ("." or "。") or the mark after `text`, or nothing where it already ends a sentence (`said.”`), so no `.”.` (issue 18). */
    stop: checkedHelper('stop', { required: [A.plainText], optional: [A.stopMark] }, (text: string, mark?: string) => stopAfter(text, mark ?? stopOf(wording().lang))),
    /** `{{join list ", "}}`; the separator defaults to ", ". */
    join: checkedHelper(
      'join',
      { required: [A.strings], optional: [A.separator] },
      (list: string[], separator = ', ') => list.join(separator),
    ),
  };
}
