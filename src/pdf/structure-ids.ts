// Chromium names tagged table headers after DOM node ids (`/ID (node00003297)`), which depend on
// what the warm page showed before: they are renumbered in order of appearance, each to the same
// length, in place, so the same document gives the same bytes whatever was printed before it.

/** The PDF with its structure element ids renumbered from 1; references to them follow. */
export function normaliseStructureIds(pdf: Uint8Array): Uint8Array {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const renamed = new Map<string, string>();
  for (const match of text.matchAll(/\(node(\d+)\)/g)) {
    const old = match[1]!;
    let name = renamed.get(old);
    if (!name) {
      name = String(renamed.size + 1).padStart(old.length, '0');
      if (name.length !== old.length) return pdf;
      renamed.set(old, name);
    }
    bytes.write(name, match.index + '(node'.length, 'latin1');
  }
  return bytes;
}
