// The bookmarks of a PDF, read back from its /Outlines tree (ISO 32000-1, 12.3.3).
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import type { OutlineItem } from './types.js';

/** Outline items nested deeper than this, or more than this many siblings, are a broken file. */
const LIMIT = 10_000;

export function readOutline(pdf: PDFDocument): OutlineItem[] {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return [];
  const pageIndex = new Map<PDFRef, number>();
  pdf.getPages().forEach((page, index) => pageIndex.set(page.ref, index));
  const resolveDest = (dest: PDFObject | undefined): number => destinationPage(pdf, dest, pageIndex);
  const seen = new Set<PDFDict>();

  const readLevel = (parent: PDFDict, depth: number): OutlineItem[] => {
    const items: OutlineItem[] = [];
    let node = parent.lookupMaybe(PDFName.of('First'), PDFDict);
    while (node && !seen.has(node) && items.length < LIMIT && depth < 64) {
      seen.add(node);
      const action = node.lookupMaybe(PDFName.of('A'), PDFDict);
      const dest = node.lookup(PDFName.of('Dest')) ?? action?.lookup(PDFName.of('D'));
      items.push({
        title: decodeText(node.lookup(PDFName.of('Title'))),
        pageIndex: resolveDest(dest),
        children: readLevel(node, depth + 1),
      });
      node = node.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    return items;
  };
  return readLevel(outlines, 0);
}

function destinationPage(pdf: PDFDocument, dest: PDFObject | undefined, pageIndex: Map<PDFRef, number>): number {
  let resolved = dest instanceof PDFRef ? pdf.context.lookup(dest) : dest;
  if (resolved instanceof PDFString || resolved instanceof PDFHexString || resolved instanceof PDFName) {
    resolved = lookupNamedDestination(pdf, resolved);
  }
  if (resolved instanceof PDFDict) resolved = resolved.lookup(PDFName.of('D'));
  if (resolved instanceof PDFArray) {
    const target = resolved.get(0);
    if (target instanceof PDFRef) return pageIndex.get(target) ?? -1;
  }
  return -1;
}

function lookupNamedDestination(pdf: PDFDocument, name: PDFString | PDFHexString | PDFName): PDFObject | undefined {
  const key = name.decodeText();
  // PDF 1.1 style: a /Dests dictionary in the catalog.
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const direct = dests?.lookup(PDFName.of(key));
  if (direct) return direct;
  // PDF 1.2 style: the /Names /Dests name tree.
  const tree = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  return tree ? searchNameTree(tree, key, 0) : undefined;
}

function searchNameTree(node: PDFDict, key: string, depth: number): PDFObject | undefined {
  if (depth > 32) return undefined;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      if (decodeText(names.lookup(i)) === key) return names.lookup(i + 1);
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    const found = kid instanceof PDFDict ? searchNameTree(kid, key, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

function decodeText(value: PDFObject | undefined): string {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  return '';
}
