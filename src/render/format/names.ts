// Bilingual names: "Qiming (启明, Qǐmíng)", the Chinese marked lang="zh" so it is set in Noto Sans SC.
import { escapeHtml } from './html.js';

/** A name in English with its Chinese form and pinyin where known. */
export interface BilingualName {
  en: string;
  zh?: string | null;
  pinyin?: string | null;
}

/** Plain text: "Qiming (启明, Qǐmíng)". */
export function formatBilingualText(name: BilingualName): string {
  const extra = [name.zh, name.pinyin].filter(Boolean);
  return extra.length ? `${name.en} (${extra.join(', ')})` : name.en;
}

/** HTML: the same, with the characters in a `lang="zh"` span and the pinyin in italics. */
export function formatBilingualHtml(name: BilingualName): string {
  const extra: string[] = [];
  if (name.zh) extra.push(`<span lang="zh">${escapeHtml(name.zh)}</span>`);
  if (name.pinyin) extra.push(`<i class="pinyin">${escapeHtml(name.pinyin)}</i>`);
  const en = escapeHtml(name.en);
  return extra.length ? `${en} <span class="name-alt">(${extra.join(', ')})</span>` : en;
}
