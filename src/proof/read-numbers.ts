// Numbers read straight from a content stream's bytes (ISO 32000-1, 7.3.3: an optional sign,
// digits and at most one period), for the operators that take only numbers: most of a page.

/**
 * The numbers from `start` to `end`, into `out` (emptied first, and returned). A token that is
 * not a number is read as NaN, so an operator's operands keep their places.
 */
export function readNumbers(data: Uint8Array, start: number, end: number, out: number[]): number[] {
  out.length = 0;
  let i = start;
  while (i < end) {
    let c = data[i]!;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
      continue;
    }
    let sign = 1;
    if (c === 0x2d || c === 0x2b) {
      if (c === 0x2d) sign = -1;
      c = data[++i] ?? 0;
    }
    let value = 0;
    let scale = 0;
    let digits = 0;
    for (; i < end; c = data[++i] ?? 0) {
      if (c >= 0x30 && c <= 0x39) {
        value = value * 10 + (c - 0x30);
        if (scale > 0) scale *= 10;
        digits++;
      } else if (c === 0x2e && scale === 0) scale = 1;
      else break;
    }
    const ended = i >= end || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
    if (digits === 0 || !ended) {
      // Not a number: passed over to the next white space.
      while (i < end && data[i] !== 0x20 && data[i] !== 0x0a && data[i] !== 0x0d) i++;
      out.push(NaN);
      continue;
    }
    out.push((sign * value) / (scale || 1));
  }
  return out;
}
