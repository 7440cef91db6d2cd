// PDF/UA-1 (7.1) wants every mark on a page either tagged as real content or marked as an
// artifact. Chromium tags what the document's structure holds and leaves the rest bare: the
// running header and footer of @page margin boxes, and the borders and backgrounds of elements
// with no structure of their own (a <div>'s rule, a dot leader). Each of those marks is wrapped
// here in `/Artifact BMC ... EMC`; tagged sequences are left as they are.

/** A marked-content operator on a line of its own, as Skia writes them. */
const MARKER = /^(?:\/[^\s/<>[\]()]+[ \t]*(?:<<[^\n]*>>[ \t]*)?BDC|\/[^\s/<>[\]()]+[ \t]*BMC|EMC)[ \t]*\r?$/gm;

/**
 * The content stream with each untagged mark wrapped as an artifact; the same string where there
 * is none, and undefined where the stream is not of a shape this can mark safely.
 */
export function markArtifacts(content: string): string | undefined {
  // Open sequences: true for one that marks its content (tagged, with an MCID, or an artifact
  // already); false for another kind (an /ActualText span in a text object), which stays part of
  // whatever holds it.
  const open: boolean[] = [];
  let marking = 0;
  let from = 0;
  let out = '';
  let changed = false;
  const untagged = (to: number): boolean => {
    const stretch = content.slice(from, to);
    const wrapped = wrapMarks(stretch);
    if (wrapped === undefined) return false;
    if (wrapped !== stretch) changed = true;
    out += wrapped;
    from = to;
    return true;
  };
  MARKER.lastIndex = 0;
  for (let found = MARKER.exec(content); found; found = MARKER.exec(content)) {
    const line = found[0].trimEnd();
    const end = found.index + found[0].length;
    if (line === 'EMC') {
      if (open.length === 0) return undefined;
      if (open.pop() && --marking === 0) {
        out += content.slice(from, end);
        from = end;
      }
    } else if (/\/MCID\s/.test(line) || line.startsWith('/Artifact')) {
      if (marking === 0 && !untagged(found.index)) return undefined;
      open.push(true);
      marking++;
    } else {
      open.push(false);
    }
  }
  if (open.length !== 0 || !untagged(content.length)) return undefined;
  return changed ? out : content;
}

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const CLIP = new Set(['W', 'W*']);

/** Untagged content: each text object, painted path, XObject, shading and inline image wrapped. */
function wrapMarks(gap: string): string | undefined {
  const ops = operators(gap);
  if (ops === undefined) return undefined;
  let out = '';
  let from = 0;
  const wrap = (start: number, end: number) => {
    const before = gap.slice(from, start);
    const separator = before === '' || /\s$/.test(before) ? '' : '\n';
    out += `${before}${separator}/Artifact BMC\n${gap.slice(start, end)}\nEMC`;
    from = end;
  };
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.name === 'BT') {
      const close = ops.findIndex((o, j) => j > i && o.name === 'ET');
      if (close < 0) return undefined;
      wrap(op.start, ops[close]!.end);
      i = close;
    } else if (PATH_CONSTRUCTION.has(op.name)) {
      let j = i;
      while (j + 1 < ops.length && (PATH_CONSTRUCTION.has(ops[j + 1]!.name) || CLIP.has(ops[j + 1]!.name))) j++;
      const paint = ops[j + 1];
      if (paint && PATH_PAINTING.has(paint.name)) wrap(op.start, paint.end);
      i = paint && (PATH_PAINTING.has(paint.name) || paint.name === 'n') ? j + 1 : j;
    } else if (op.name === 'Do' || op.name === 'sh' || op.name === 'BI') {
      wrap(op.start, op.end);
    } else if (op.name === 'ET' || op.name === 'EI') {
      return undefined;
    }
  }
  return out + gap.slice(from);
}

interface Operator {
  name: string;
  /** Where its first operand (or the operator itself) starts, and where it ends. */
  start: number;
  end: number;
}

/** The operators of a piece of content, with the span of each and its operands. */
function operators(text: string): Operator[] | undefined {
  const ops: Operator[] = [];
  let operandStart = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0') {
      i++;
    } else if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '(' || c === '<' || c === '[' || c === '/' || /[-+.\d]/.test(c)) {
      if (operandStart < 0) operandStart = i;
      const end = operandEnd(text, i);
      if (end === undefined) return undefined;
      i = end;
    } else {
      let end = i;
      while (end < text.length && !/[\s()<>[\]{}/%]/.test(text[end]!)) end++;
      const name = text.slice(i, end);
      if (name === 'BI') {
        // An inline image runs to `EI`; its data is binary and is not read as operators.
        const ei = /\sEI(?=\s|$)/g;
        ei.lastIndex = end;
        const found = ei.exec(text);
        if (!found) return undefined;
        end = found.index + found[0].length;
      }
      ops.push({ name, start: operandStart < 0 ? i : operandStart, end });
      operandStart = -1;
      i = end;
    }
  }
  return ops;
}

/** Where the operand at `at` ends: a string, array, dictionary, name or number. */
function operandEnd(text: string, at: number): number | undefined {
  const c = text[at];
  if (c === '(') {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) return i + 1;
    }
    return undefined;
  }
  if (c === '<' && text[at + 1] === '<') {
    const end = text.indexOf('>>', at);
    return end < 0 ? undefined : end + 2;
  }
  if (c === '<') {
    const end = text.indexOf('>', at);
    return end < 0 ? undefined : end + 1;
  }
  if (c === '[') {
    let i = at + 1;
    while (i < text.length && text[i] !== ']') {
      if (/\s/.test(text[i]!)) i++;
      else {
        const end = operandEnd(text, i);
        if (end === undefined) return undefined;
        i = end;
      }
    }
    return i < text.length ? i + 1 : undefined;
  }
  let end = at + 1;
  while (end < text.length && !/[\s()<>[\]{}/%]/.test(text[end]!)) end++;
  return end;
}
