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
