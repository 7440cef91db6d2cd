// Operands read straight from a content stream's bytes: numbers (ISO 32000-1, 7.3.3: an optional
// sign, digits and at most one period), a Tf's font name, a BDC's MCID: most of a page's operators.

/**
 * The numbers from `start` to `end`, into `out` from its start; returns how many (at most its
 * length). A token that is not a number is read as NaN, so an operator's operands keep their places.
 */
export function readNumbers(data: Uint8Array, start: number, end: number, out: Float64Array): number {
  let count = 0;
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
      if (count < out.length) out[count++] = NaN;
      continue;
    }
    if (count < out.length) out[count++] = (sign * value) / (scale || 1);
  }
  return count;
}

/** A Tf's operands (`/F4 10`): the font's resource name, and where its size starts. */
export function fontOperands(data: Uint8Array, start: number, end: number): { name: string; sizeAt: number } {
  let i = start;
  while (i < end && data[i] !== 0x2f /* / */) i++;
  let j = i + 1;
  while (j < end && data[j] !== 0x20 && data[j] !== 0x0a && data[j] !== 0x0d) j++;
  return { name: Buffer.from(data.buffer, data.byteOffset + i + 1, Math.max(0, j - i - 1)).toString('latin1'), sizeAt: j };
}

/**
 * A BDC's MCID, found by its key `/MCID` in the operands' bytes: the number after it, undefined
 * where that is not a whole number, null where there is no such key (a property list by name).
 */
export function mcidOperand(data: Uint8Array, start: number, end: number, numbers: Float64Array): number | undefined | null {
  for (let i = start; i + 5 < end; i++) {
    if (data[i] === 0x2f && data[i + 1] === 0x4d && data[i + 2] === 0x43 && data[i + 3] === 0x49 && data[i + 4] === 0x44 /* /MCID */) {
      let j = i + 5;
      while (j < end && data[j] !== 0x3e /* > */ && data[j] !== 0x2f) j++;
      return readNumbers(data, i + 5, j, numbers) > 0 && Number.isInteger(numbers[0]) ? numbers[0] : undefined;
    }
  }
  return null;
}
