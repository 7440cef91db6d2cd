// Native names in one shape: the Chinese shorthand (`zh`, with `pinyin` on names) and `native`
// both become `native`, so documents and templates read one form whatever the data wrote.
import type { NativeName } from './schema.js';

/** What a record may say of its native name. */
interface NameFields {
  zh?: string;
  pinyin?: string;
  native?: NativeName;
}

/** The record without the shorthand, and with `native` where either form gave one. */
export type Folded<T> = Omit<T, 'zh' | 'pinyin'>;

/** `native` as given, else the shorthand read as native { text, lang: zh, romanized: pinyin }. */
export function toNativeName(fields: NameFields): NativeName | undefined {
  if (fields.native) return fields.native;
  if (fields.zh === undefined) return undefined;
  return {
    text: fields.zh,
    lang: 'zh',
    ...(fields.pinyin === undefined ? {} : { romanized: { text: fields.pinyin, system: 'pinyin' } }),
  };
}

/** The record with its name fields folded into `native`. */
export function foldNativeName<T extends NameFields>(record: T): Folded<T> {
  const { zh: _zh, pinyin: _pinyin, native: _native, ...rest } = record;
  const native = toNativeName(record);
  return (native ? { ...rest, native } : rest) as Folded<T>;
}

/** The language a tag names, without script or region: `ja` for `ja-JP`, `zh` for `zh-Hant`. */
function languageOf(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Whether two tags name the same language (`ja-JP` and `ja`; `zh-Hant` and `zh-CN`). */
export function sameLanguage(a: string, b: string): boolean {
  return languageOf(a) === languageOf(b);
}

/**
 * Whether the native name leads in a document in `lang` (issue 23, item 4): where it is in that
 * language (a Japanese name in a Japanese dataset), or where there is no English name at all.
 */
export function nativeLeads(en: string | undefined, native: NativeName, lang: string): boolean {
  return en === undefined || sameLanguage(native.lang, lang);
}

/** A name's leading form for a document in `lang`, then the other form where there is one. */
export function namesInOrder(en: string | undefined, native: NativeName | undefined, lang: string): [string, string | null] {
  if (native && nativeLeads(en, native, lang)) return [native.text, en ?? (sameLanguage(native.lang, lang) ? null : native.romanized?.text ?? null)];
  return [en ?? '', native?.text ?? null];
}
