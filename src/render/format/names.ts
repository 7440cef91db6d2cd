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
  return `<span lang="${escapeHtml(native.lang)}"${dir}>${escapeHtml(native.text)}</span>`;
}

/** HTML: the name, then its native form and romanisation (in italics) in brackets. */
export function formatBilingualHtml(name: NameView): string {
  const extra: string[] = [];
  if (name.native) {
    extra.push(formatNativeHtml(name.native));
    if (name.native.romanized) extra.push(`<i class="romanized">${escapeHtml(name.native.romanized.text)}</i>`);
  }
  const en = escapeHtml(name.en);
  return extra.length ? `${en} <span class="name-alt">(${extra.join(', ')})</span>` : en;
}
