// Editing rules a copy editor applies (issue 18, item 6): the sentence's stop is not repeated after a
// quotation or aside that already ends with one (`.”.`), and brackets never nest: the inner level
// becomes a comma ("National (England, Greater Manchester)").

/** Closing quotes and brackets that may stand after a sentence's own stop. */
const CLOSERS = /[\s”’"')\]»」』]+$/u;
/** A sentence's stop, in the scripts the labels are written in. */
const STOP = /[.?!…。？！]$/u;

/** True where the text already ends a sentence, closing quotes and brackets aside: `said.”`, `why?`. */
export function endsSentence(text: string): boolean {
  return STOP.test(text.replace(CLOSERS, ''));
}

/** A sentence's stop in the language `lang` writes: the ideographic full stop in Chinese and Japanese, else ".". */
export function stopOf(lang: string): string {
  return /^(ja|zh)(-|$)/i.test(lang) ? '。' : '.';
}

/** The stop `stop` to print after `text`, or nothing where `text` already ends with one. */
export function stopAfter(text: string, stop = '.'): string {
  return endsSentence(text) ? '' : stop;
}

/** The brackets and the comma of the language `lang` writes: full-width in Chinese and Japanese (issue 23). */
export function bracketsOf(lang: string): { open: string; close: string; comma: string } {
  return /^(ja|zh)(-|$)/i.test(lang) ? { open: '（', close: '）', comma: '、' } : { open: '(', close: ')', comma: ', ' };
}

/** `text` in brackets of the language, any bracketed part inside it turned into an aside, so no bracket sits in a bracket. */
export function bracketed(text: string, lang = 'en'): string {
  const { open, close, comma } = bracketsOf(lang);
  return `${open}${unbracketed(text, comma)}${close}`;
}

/**
 * `text` for a place inside brackets: each bracketed part inside it (ASCII or full-width) becomes a
 * comma'd aside, so "England (Greater Manchester)" reads "England, Greater Manchester".
 */
export function unbracketed(text: string, comma = ', '): string {
  let out = text;
  // Innermost first, so that a part bracketed twice over is flattened too.
  for (let guard = 0; guard < 8 && /[(（][^()（）]*[)）]/.test(out); guard++) {
    out = out.replace(/\s*[(（]([^()（）]*)[)）](\s*)/g, (_match, inner: string, after: string, offset: number, whole: string) => {
      const rest = whole.slice(offset + _match.length);
      const tail = rest === '' || /^[,.;:!?)\]、。）]/.test(rest) ? '' : comma.trim();
      return `${comma}${inner.trim()}${tail}${rest === '' ? '' : after || (tail && comma.endsWith(' ') ? ' ' : '')}`;
    });
  }
  return out;
}
