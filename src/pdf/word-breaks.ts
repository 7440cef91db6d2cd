// Explicit word breaks at soft line wraps (ISO 32000-1, 14.8.2.5; issue 19). Chromium draws no
// space where a line wraps between two words, so the tagged text reads "anapproach". Chromium
// draws each line of a tagged sequence as a text object of its own (BT ... ET, placed by its Tm):
// where the next text object of the same paragraph starts a new line, the line ends without a
// space and the words on either side are words that take one, a space glyph of the line's font is
// shown just before its ET, where the last glyph left the pen. Nothing visible changes. Not
// between Chinese, Japanese or Korean characters (no spaces there, or a break inside a word), after
// a hyphen or dash, or inside a URL or path broken where it had no space.
import { ContentLexer } from './content-lexer.js';
import { insertBytes } from './mark-artifacts.js';
import { nameOperand, numberOperands, stringOperandsInto } from './text-lexer.js';

/** What the word breaks need of a font: its code length, the text of its codes, its space. */
export interface FontText {
  codeBytes: 1 | 2;
  unicode: Map<number, string>;
  /** The code that shows a space (U+0020); none where the subset has no space. */
  space?: number;
}

/** The content with its word breaks, and the words each break stands between (for the bookmarks). */
export interface WordBreaks {
  content: Uint8Array;
  pairs: Array<[before: string, after: string]>;
}

/** A text object of tagged content as drawn: where it stands, its first and last characters and words. */
export interface TextLine {
  mcid: number;
  x: number;
  y: number;
  size: number;
  font?: FontText;
  first: string;
  firstWord: string;
  last: string;
  lastWord: string;
  /** Whether its first word has ended (a space was drawn). */
  firstDone: boolean;
  /** Where its ET is. */
  end: number;
}

/**
 * The content with a space shown at each soft line wrap between words; `fonts` by resource name,
 * `blockOf` the paragraph (block-level structure element) an MCID of the page belongs to.
 * Undefined where the stream does not read as operators.
 */
export function insertWordBreaks(content: Uint8Array, fonts: Map<string, FontText>, blockOf: (mcid: number) => number | undefined): WordBreaks | undefined {
  const lexer = new ContentLexer(content);
  const lines = new LineReader(content, fonts);
  try {
    while (lexer.next()) lines.read(lexer);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  const { insertions, pairs } = wordBreaks(lines.lines, blockOf);
  return { content: insertBytes(content, insertions), pairs };
}

/** The space glyphs to insert for the text objects read, in order of place, and the words each stands between. */
export function wordBreaks(lines: readonly TextLine[], blockOf: (mcid: number) => number | undefined): { insertions: Array<[at: number, bytes: Uint8Array]>; pairs: Array<[string, string]> } {
  const insertions: Array<[at: number, bytes: Uint8Array]> = [];
  const pairs: Array<[string, string]> = [];
  for (let i = 1; i < lines.length; i++) {
    const [before, after] = [lines[i - 1]!, lines[i]!];
    const space = before.font?.space;
    if (space === undefined || !wraps(before, after, blockOf) || !takesSpace(before, after)) continue;
    const code = space.toString(16).padStart(before.font!.codeBytes * 2, '0');
    insertions.push([before.end, Buffer.from(`<${code}> Tj\n`, 'latin1')]);
    pairs.push([before.lastWord, after.firstWord]);
  }
  return { insertions, pairs };
}

/**
 * Whether the next line continues the same text on a new line: lower on the page, and in the same
 * tagged sequence (a centred chart label's next line may start to the right), or in the same
 * paragraph and to the left of where the last line's piece began.
 */
function wraps(before: TextLine, after: TextLine, blockOf: (mcid: number) => number | undefined): boolean {
  if (after.y - before.y < before.size * 0.5) return false;
  if (before.mcid === after.mcid) return true;
  if (after.x > before.x) return false;
  const block = blockOf(before.mcid);
  return block !== undefined && block === blockOf(after.mcid);
}

const HYPHENS = new Set(['-', '\u00ad', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '/', '\\']);

/** Whether the words either side of the wrap take a space: letters, figures or punctuation that ends a word. */
function takesSpace(before: TextLine, after: TextLine): boolean {
  const [last, first] = [before.last, after.first];
  if (last === '' || first === '' || isSpace(last) || isSpace(first) || HYPHENS.has(last)) return false;
  if (isIdeographic(last) || isIdeographic(first)) return false;
  // A URL, path or address broken where it had no space (overflow-wrap): a slash, an @, an
  // underscore, or a dot between letters ("example.org"; not "1.5m" or "U.S.").
  const word = before.lastWord;
  if (word.includes('/') || word.includes('@') || word.includes('_')) return false;
  for (let i = 1; i + 2 < word.length; i++) if (word[i] === '.' && isLetter(word[i - 1]!) && isLetter(word[i + 1]!) && isLetter(word[i + 2]!)) return false;
  return true;
}

const isLetter = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();

const isSpace = (c: string): boolean => c === ' ' || c === '\u00a0' || c === '\t' || c === '\n' || c === '\u3000';

/**
 * Han, kana, CJK punctuation and full-width forms, written without spaces between words; and
 * Hangul, which Chromium also breaks between syllables of one word ("귀국|연구자"), so that a wrap
 * there says nothing of a space.
 */
function isIdeographic(c: string): boolean {
  const code = c.codePointAt(0)!;
  const hangul = (code >= 0x1100 && code <= 0x11ff) || (code >= 0xac00 && code <= 0xd7af);
  return hangul || (code >= 0x2e80 && code <= 0x30ff) || (code >= 0x3130 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef) || code >= 0x20000;
}

/** The text objects of tagged content, in the order drawn, read an operator at a time. */
export class LineReader {
  readonly lines: TextLine[] = [];
  // The MCID of each open marked-content sequence (-1 for one without), and whether it is an artifact.
  readonly #marks: Array<{ mcid: number; artifact: boolean }> = [];
  #font: FontText | undefined;
  #size = 0;
  #line: TextLine | undefined;
  // Where the strings of the line's text-showing operators are, two numbers each (operands' start, operator): read once the line ends.
  #shows: number[] = [];

  constructor(
    readonly content: Uint8Array,
    readonly fonts: Map<string, FontText>,
  ) {}

  /** Takes the operator the lexer has just read. */
  read(lexer: ContentLexer): void {
    const { name, start, at } = lexer;
    const { content } = this;
    const line = this.#line;
    // Per glyph Chromium writes a Td and a Tj: those are passed over or noted first.
    if (name === 'Td') return;
    if (name === 'Tj' || name === 'TJ' || name === "'" || name === '"') {
      const font = this.#font;
      if (line && font) {
        if (line.font !== font) {
          if (line.font) readShows(line, content, this.#shows);
          this.#shows = [];
        }
        line.font = font;
        line.size = this.#size;
        this.#shows.push(start, at);
      }
    } else if (name === 'BDC' || name === 'BMC') {
      const { tag } = lexer.markedContent('MCID');
      this.#marks.push({ mcid: name === 'BDC' ? lexer.markedContentId() : -1, artifact: tag === 'Artifact' });
    } else if (name === 'EMC') this.#marks.pop();
    else if (name === 'Tf') {
      this.#font = this.fonts.get(nameOperand(content, start, at) ?? '');
      this.#size = Math.abs(numberOperands(content, start, at)[0] ?? 0);
    } else if (name === 'BT') {
      const mcid = this.#marks.findLast((mark) => mark.mcid >= 0)?.mcid ?? -1;
      const tagged = mcid >= 0 && !this.#marks.some((mark) => mark.artifact);
      this.#line = tagged ? { mcid, x: 0, y: 0, size: this.#size, first: '', firstWord: '', firstDone: false, last: '', lastWord: '', end: 0 } : undefined;
      this.#shows = [];
    } else if (line && name === 'Tm') {
      const [, , , , x, y] = numberOperands(content, start, at);
      line.x = x ?? 0;
      line.y = y ?? 0;
    } else if (line && name === 'ET') {
      readShows(line, content, this.#shows);
      line.end = at;
      if (line.last !== '') this.lines.push(line);
      this.#line = undefined;
    }
  }
}

// One array each for the bytes and the characters of a show, reused (one show is read at a time),
// with a count of what is in them: setting an array's length costs more than the reading.
const SHOW_BYTES: number[] = [];
const SHOW_CHARS: string[] = [];

/** Reads the shown strings of a line in its font: the first word from the front, the last word from the back. */
function readShows(line: TextLine, content: Uint8Array, shows: number[]): void {
  const font = line.font;
  if (!font || shows.length === 0) return;
  const bytes = SHOW_BYTES;
  const chars = SHOW_CHARS;
  const textOf = (i: number): number => {
    const length = stringOperandsInto(content, shows[i]!, shows[i + 1]!, bytes);
    let count = 0;
    for (let j = 0; j + font.codeBytes <= length; j += font.codeBytes) {
      const text = font.unicode.get(font.codeBytes === 2 ? bytes[j]! * 256 + bytes[j + 1]! : bytes[j]!) ?? '';
      if (text !== '') chars[count++] = text;
    }
    return count;
  };
  if (line.first === '' || !line.firstDone) {
    forward: for (let i = 0; i < shows.length; i += 2) {
      const shown = textOf(i);
      for (let j = 0; j < shown; j++) {
        const text = chars[j]!;
        if (line.first === '') line.first = text;
        if (isSpace(text) || line.firstWord.length > 64) {
          line.firstDone = true;
          break forward;
        }
        line.firstWord += text;
      }
    }
  }
  let word = '';
  let last = '';
  backward: for (let i = shows.length - 2; i >= 0; i -= 2) {
    for (let j = textOf(i) - 1; j >= 0; j--) {
      const text = chars[j]!;
      if (last === '') last = text;
      if (isSpace(text) || word.length > 64) break backward;
      word = text + word;
    }
  }
  if (last === '') return;
  line.lastWord = word;
  line.last = last;
}
