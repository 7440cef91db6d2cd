// Names with their native form (issue 13, item 5): "Seoul Fellows (서울 펠로우, Seoul Pellou)", the native text marked
// with its own language, so the stylesheets set it in the family its script calls for, and its
// direction where it runs right to left.
import type { NameView, NativeNameView } from '../../documents/view-types.js';
import { escapeHtml } from './html.js';

/** Plain text: "Seoul Fellows (서울 펠로우, Seoul Pellou)". */
export function formatBilingualText(name: NameView): string {
  const extra = name.native ? [name.native.text, name.native.romanized?.text].filter(Boolean) : [];
  return extra.length ? `${name.en} (${extra.join(', ')})` : name.en;
}

/** HTML: the native text in a span carrying its lang (and dir="rtl" where it runs right to left). */
export function formatNativeHtml(native: NativeNameView): string {
  const dir = native.dir === 'rtl' ? ' dir="rtl"' : '';
  // A short Chinese, Japanese or Korean name is never split across lines (issue 18, item 5).
  const whole = /^(zh|ja|ko)\b/i.test(native.lang) && [...native.text].length <= SHORT_NAME ? ' class="nw"' : '';
  return `<span lang="${escapeHtml(native.lang)}"${dir}${whole}>${escapeHtml(native.text)}</span>`;
}

/** The longest CJK name held on one line, in characters: 海外高层次人才引进计划 is 11. */
const SHORT_NAME = 16;

/** HTML: the name, then its native form and romanisation (in italics) in brackets. */
export function formatBilingualHtml(name: NameView): string {
  const extra: string[] = [];
  if (name.native) {
    extra.push(formatNativeHtml(name.native));
    if (name.native.romanized) extra.push(`<i class="romanized">${escapeHtml(name.native.romanized.text)}</i>`);
  }
  // A leading name in another language than the document's is marked with it (issue 23).
  const en = name.lang ? formatNativeHtml({ text: name.en, lang: name.lang, dir: name.dir ?? 'ltr', romanized: null }) : escapeHtml(name.en);
  return extra.length ? `${en} <span class="name-alt">(${extra.join(', ')})</span>` : en;
}
