// The lexer of page content (ISO 32000-1, 7.8.2): a decoded content stream read, byte by byte, as
// its operators in order, each with the span of its operands. Operands (numbers, names, strings,
// arrays, dictionaries) are passed over as tokens; an inline image (8.9.7) is one operator, `BI`,
// that runs to its `EI`, its data never read as operators. With pdf-lexer.ts, the one place in
// src/pdf that looks at bytes (issue 17); it reads bytes, not text, because a page's content is
// most of what finishing reads and bytes read faster.

/** What the scan does at each byte. */
const Step = { Keyword: 0, White: 1, Comment: 2, Number: 3, Name: 4, Literal: 5, Angle: 6, Open: 7, Close: 8, Stray: 9 } as const;
const STEP = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) STEP[c] = Step.White;
for (const c of '+-.0123456789') STEP[c.charCodeAt(0)] = Step.Number;
for (const [c, step] of [['%', Step.Comment], ['/', Step.Name], ['(', Step.Literal], ['<', Step.Angle], ['[', Step.Open], [']', Step.Close], ['>', Step.Close], [')', Step.Stray]] as const) {
  STEP[c.charCodeAt(0)] = step;
}
/** 1 for each byte that ends a name, number or keyword: white space and delimiters (7.2.2). */
const ENDS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) ENDS[c] = 1;
for (const c of '()<>[]{}/%') ENDS[c.charCodeAt(0)] = 1;

/** The operators (table A.1) by their bytes, so that reading one makes no new string: one or two bytes index a table, three a map. */
const SHORT_OPERATORS: Array<string | undefined> = new Array(1 << 16);
const LONG_OPERATORS = new Map<number, string>();
for (const op of ['b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'TJ', 'Tj', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"']) {
  const code = packBytes(Buffer.from(op, 'latin1'), 0, op.length);
  if (op.length < 3) SHORT_OPERATORS[code] = op;
  else LONG_OPERATORS.set(code, op);
}

/** The operator from `at` to `end`, as one of the strings above where it is one of them. */
function operatorName(data: Uint8Array, at: number, end: number): string {
  const length = end - at;
  const known = length < 3 ? SHORT_OPERATORS[packBytes(data, at, end)] : length === 3 ? LONG_OPERATORS.get(packBytes(data, at, end)) : undefined;
  return known ?? Buffer.from(data.buffer, data.byteOffset + at, length).toString('latin1');
}

/** Up to three bytes as one number, the first the lowest (none is 0: a NUL is white space). */
function packBytes(data: Uint8Array, start: number, end: number): number {
  let code = 0;
  for (let i = end - 1; i >= start; i--) code = code * 256 + data[i]!;
  return code;
}

/**
 * Reads a content stream's operators one at a time: `name`, where its operands start (`start`,
 * the operator's own start where it has none), where it starts (`at`) and where it ends (`end`).
 */
export class ContentLexer {
  name = '';
  start = 0;
  at = 0;
  end = 0;
  #pos = 0;

  constructor(readonly data: Uint8Array) {}

  /** Reads the next operator; false at the end. A string, array or dictionary left open, or an image without EI, throws a SyntaxError. */
  next(): boolean {
    const data = this.data;
    const limit = data.length;
    let i = this.#pos;
    let depth = 0;
    let operands = -1;
    while (i < limit) {
      const c = data[i]!;
      const step = STEP[c]!;
      if (step === Step.White) {
        i++;
      } else if (step === Step.Number) {
        if (operands < 0) operands = i;
        // Digits and points: what most of a page's bytes are (coordinates, glyph advances).
        for (i++; i < limit; i++) {
          const d = data[i]!;
          if ((d < 0x30 || d > 0x39) && d !== 0x2e) break;
        }
      } else if (step === Step.Keyword) {
        const end = c === 0x7b || c === 0x7d ? i + 1 : wordEnd(data, i + 1);
        if (depth === 0 && !isOperand(data, i, end)) return this.#operator(operands < 0 ? i : operands, i, end);
        if (operands < 0) operands = i;
        i = end;
      } else if (step === Step.Comment) {
        while (i < limit && data[i] !== 0x0a && data[i] !== 0x0d) i++;
      } else {
        if (operands < 0) operands = i;
        [i, depth] = passOperand(data, i, step, depth);
      }
    }
    if (depth !== 0) throw new SyntaxError('an array or dictionary does not close');
    this.#pos = limit;
    return false;
  }

  #operator(operands: number, at: number, end: number): boolean {
    const name = operatorName(this.data, at, end);
    this.name = name;
    this.start = operands;
    this.at = at;
    this.end = name === 'BI' ? inlineImageEnd(this.data, end) : end;
    this.#pos = this.end;
    return true;
  }
}

/** Passes over a name, string or bracket at `at`; returns where it ends and the depth in arrays and dictionaries after it. */
function passOperand(data: Uint8Array, at: number, step: number, depth: number): [number, number] {
  switch (step) {
    case Step.Name:
      return [wordEnd(data, at + 1), depth];
    case Step.Literal:
      return [literalEnd(data, at), depth];
    case Step.Angle:
      return data[at + 1] === 0x3c ? [at + 2, depth + 1] : [hexEnd(data, at), depth];
    case Step.Open:
      return [at + 1, depth + 1];
    case Step.Close:
      if (depth === 0 || (data[at] === 0x3e && data[at + 1] !== 0x3e)) throw new SyntaxError(`a stray "${String.fromCharCode(data[at]!)}" at ${at}`);
      return [data[at] === 0x5d ? at + 1 : at + 2, depth - 1];
    default:
      throw new SyntaxError(`a stray ")" at ${at}`);
  }
}

/** `true`, `false` and `null` are operands; no operator is over three bytes long. */
function isOperand(data: Uint8Array, start: number, end: number): boolean {
  if (end - start < 4) return false;
  const word = Buffer.from(data.buffer, data.byteOffset + start, end - start).toString('latin1');
  return word === 'true' || word === 'false' || word === 'null';
}

function numberEnd(data: Uint8Array, at: number): number {
  let i = at;
  for (; i < data.length; i++) {
    const c = data[i]!;
    if ((c < 0x30 || c > 0x39) && c !== 0x2e) break;
  }
  return i;
}

function wordEnd(data: Uint8Array, at: number): number {
  let i = at;
  while (i < data.length && ENDS[data[i]!] !== 1) i++;
  return i;
}

/** Where the literal string at `at` ends: parentheses balance, a backslash escapes the next byte (7.3.4.2). */
function literalEnd(data: Uint8Array, at: number): number {
  let depth = 0;
  for (let i = at; i < data.length; i++) {
    const c = data[i];
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  throw new SyntaxError(`an unterminated string at ${at}`);
}

function hexEnd(data: Uint8Array, at: number): number {
  const close = data.indexOf(0x3e, at);
  if (close < 0) throw new SyntaxError(`an unterminated hex string at ${at}`);
  return close + 1;
}

/**
 * Where the inline image whose `BI` ends at `from` ends (8.9.7): its dictionary runs to the `ID`
 * keyword, its data from the byte after to the first `EI` with white space before it and white
 * space, or the end, after it.
 */
function inlineImageEnd(data: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    if (i >= data.length) throw new SyntaxError('an inline image without ID');
    const step = STEP[data[i]!];
    if (step === Step.Keyword) {
      const end = wordEnd(data, i + 1);
      if (end - i === 2 && data[i] === 0x49 /* I */ && data[i + 1] === 0x44 /* D */) {
        i = end + 1;
        break;
      }
      i = end;
    } else if (step === Step.Name) i = wordEnd(data, i + 1);
    else if (step === Step.Number) i = numberEnd(data, i + 1);
    else if (step === Step.Literal) i = literalEnd(data, i);
    else if (step === Step.Angle && data[i + 1] !== 0x3c) i = hexEnd(data, i);
    else i++;
  }
  for (let at = data.indexOf(0x45, i); at >= 0; at = data.indexOf(0x45, at + 1)) {
    const after = at + 2 < data.length ? data[at + 2]! : 0x20;
    if (data[at + 1] === 0x49 && STEP[data[at - 1]!] === Step.White && STEP[after] === Step.White) return at + 2;
  }
  throw new SyntaxError('an inline image without EI');
}

/** Whether the byte before `at` is white space. */
export function followsWhiteSpace(data: Uint8Array, at: number): boolean {
  return at > 0 && STEP[data[at - 1]!] === Step.White;
}
