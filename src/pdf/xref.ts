// Reading a classic cross-reference table (ISO 32000-1, 7.5.4), as Chromium (Skia) writes it.

/** The file as text, one character a byte, so that offsets in it are byte offsets. */
export const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** One section at byte `at`: object number -> byte offset, and where the section ends. */
export function readXrefSection(text: string, at: number): { offsets: Map<number, number>; end: number } | undefined {
  if (text.slice(at, at + 4) !== 'xref') return undefined;
  const offsets = new Map<number, number>();
  const subsection = /(\d+) (\d+)\s*\r?\n/y;
  let cursor = at + 4;
  while (/\s/.test(text[cursor] ?? '')) cursor++;
  for (;;) {
    subsection.lastIndex = cursor;
    const head = subsection.exec(text);
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    cursor = subsection.lastIndex;
    for (let i = 0; i < count; i++) {
      const entry = text.slice(cursor, cursor + 20);
      if (entry[17] === 'n') offsets.set(first + i, Number(entry.slice(0, 10)));
      cursor += 20;
    }
  }
  return offsets.size > 0 ? { offsets, end: cursor } : undefined;
}
