// The machine-checkable rules of PDF/UA-1 (ISO 14289-1) that the tool's PDFs must meet, each read
// back from the file by pdf-lib, pdf.js or poppler: never by the tool's own PDF code.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { elements, loadWithPdfLib, popplerComplaints, structTrees, textEntry, textOf, unmarkedPaint, xmpOf, xrefErrors, type StructNode } from './read-pdf.js';

export interface RuleResult {
  rule: string;
  ok: boolean;
  /** What failed, where. */
  detail: string;
}

/** The structure types of ISO 32000-1, 14.8.4. */
const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);
/** Scripts that are not the documents' language: text in them must be tagged with its own. */
const FOREIGN_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Cyrillic}\p{Script=Devanagari}\p{Script=Greek}\p{Script=Thai}]/u;

/** Every rule, checked on one PDF. */
export async function checkAccessibility(file: string): Promise<RuleResult[]> {
  const pdf = await loadWithPdfLib(file);
  const results: RuleResult[] = [];
  const rule = (name: string, problems: string[]) => results.push({ rule: name, ok: problems.length === 0, detail: problems.slice(0, 5).join('; ') });

  const catalog = pdf.catalog;
  const xmp = xmpOf(pdf) ?? '';
  rule('5 PDF/UA identification: XMP pdfuaid:part is 1', /<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp) ? [] : ['no pdfuaid:part 1']);
  rule('7.1 XMP in step with the document information', xmpAgreement(pdf, xmp));
  const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  rule('7.1 ViewerPreferences DisplayDocTitle is true', String(preferences?.get(PDFName.of('DisplayDocTitle'))) === 'true' ? [] : ['missing']);
  rule('7.2 the document language (catalog /Lang)', textEntry(catalog, 'Lang') ? [] : ['no /Lang']);
  const mark = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const root = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  rule('7.1 tagged: MarkInfo Marked true and a structure tree', String(mark?.get(PDFName.of('Marked'))) === 'true' && root ? [] : ['untagged']);

  const trees = await structTrees(file);
  rule('7.1 every page has a structure tree', trees.flatMap((tree, i) => (tree && tree.children.length > 0 ? [] : [`page ${i + 1}`])));
  const bare = await unmarkedPaint(file);
  rule('7.1 every mark is tagged content or an artifact', bare.flatMap((count, i) => (count > 0 ? [`page ${i + 1}: ${count} marks`] : [])));

  const all = root ? structElements(pdf, root) : [];
  rule('7.1 standard structure types (or role-mapped)', all.filter((e) => !STANDARD.has(e.type)).map((e) => e.type));
  rule(
    '7.3 every Figure has alternative text that says something',
    all.filter((e) => e.type === 'Figure' && (!e.alt || /^(chart|image|figure|graphic)$/i.test(e.alt.trim()))).map((e) => `Figure alt "${e.alt ?? ''}"`),
  );
  rule('7.5 every table header has a Scope', all.filter((e) => e.type === 'TH' && !e.scope).map(() => 'TH without Scope'));
  rule('7.4.2 headings do not skip a level', headingSkips(all));
  rule('7.18.1/7.18.5 every link is tagged (Link element, /StructParent) and described (/Contents)', await linkProblems(pdf, all));
  rule('7.18.3 pages with annotations have /Tabs /S', tabProblems(pdf));
  rule('7.2 text in another script is tagged with its language', languageProblems(trees));
  rule('7.21 every font embedded, with a Unicode mapping', fontProblems(file));
  rule('7.11 embedded files have /F, /UF and a relationship', fileProblems(pdf));
  rule('well-formed: exact cross-reference offsets, poppler reads it without complaint', [
    ...xrefErrors(await readFile(file)),
    ...(popplerComplaints(file) ? [popplerComplaints(file)] : []),
  ]);
  return results;
}

function xmpAgreement(pdf: PDFDocument, xmp: string): string[] {
  const field = (pattern: RegExp) => unescapeXml(pattern.exec(xmp)?.[1] ?? '');
  const date = (d: Date | undefined) => d?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const pairs: Array<[string, string | undefined, string]> = [
    ['dc:title / Title', pdf.getTitle(), field(/<dc:title><rdf:Alt><rdf:li[^>]*>([^<]*)</)],
    ['dc:creator / Author', pdf.getAuthor(), field(/<dc:creator><rdf:Seq><rdf:li>([^<]*)</)],
    ['dc:description / Subject', pdf.getSubject(), field(/<dc:description><rdf:Alt><rdf:li[^>]*>([^<]*)</)],
    ['pdf:Keywords / Keywords', pdf.getKeywords() ?? '', field(/<pdf:Keywords>([^<]*)</)],
    ['pdf:Producer / Producer', pdf.getProducer(), field(/<pdf:Producer>([^<]*)</)],
    ['xmp:CreatorTool / Creator', pdf.getCreator(), field(/<xmp:CreatorTool>([^<]*)</)],
    ['xmp:CreateDate / CreationDate', date(pdf.getCreationDate()), field(/<xmp:CreateDate>([^<]*)</)],
    ['xmp:ModifyDate / ModDate', date(pdf.getModificationDate()), field(/<xmp:ModifyDate>([^<]*)</)],
  ];
  const language = field(/<dc:language><rdf:Bag><rdf:li>([^<]*)</);
  const problems = pairs.filter(([, info, meta]) => !info || info !== meta).map(([name, info, meta]) => `${name}: "${info}" vs "${meta}"`);
  if (language !== textEntry(pdf.catalog, 'Lang')) problems.push(`dc:language "${language}" is not the catalog's /Lang`);
  return problems;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!);
}

interface Element {
  type: string;
  alt?: string;
  scope: boolean;
  /** Annotations it holds (object references), for links. */
  annotations: string[];
}

/** Every structure element in tree order, read with pdf-lib from the structure tree root. */
function structElements(pdf: PDFDocument, root: PDFDict): Element[] {
  const out: Element[] = [];
  const seen = new Set<PDFObject>();
  const visit = (value: PDFObject | undefined) => {
    const node = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (!(node instanceof PDFDict) || seen.has(node)) {
      if (node instanceof PDFArray) node.asArray().forEach(visit);
      return;
    }
    seen.add(node);
    const type = node.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
    if (type === 'OBJR' || type === 'MCR') return;
    const s = node.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    if (s !== undefined) {
      const attributes = node.lookup(PDFName.of('A'));
      const attributeDicts = attributes instanceof PDFArray ? attributes.asArray().map((a) => pdf.context.lookup(a)) : [attributes];
      const scope = attributeDicts.some((a) => a instanceof PDFDict && a.has(PDFName.of('Scope')));
      const kids = node.lookup(PDFName.of('K'));
      const kidList = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
      const annotations = kidList
        .map((k) => (k instanceof PDFRef ? pdf.context.lookup(k) : k))
        .filter((k): k is PDFDict => k instanceof PDFDict && k.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText() === 'OBJR')
        .map((objr) => String(objr.get(PDFName.of('Obj'))));
      const alt = textEntry(node, 'Alt');
      out.push({ type: s, ...(alt === undefined ? {} : { alt }), scope, annotations });
    }
    visit(node.get(PDFName.of('K')));
  };
  visit(root.get(PDFName.of('K')));
  return out;
}

function headingSkips(all: Element[]): string[] {
  const problems: string[] = [];
  let previous = 0;
  for (const e of all) {
    const level = /^H([1-6])$/.exec(e.type)?.[1];
    if (!level) continue;
    // A document starts again at H1 (a pack's next document); deeper levels go one at a time.
    if (Number(level) > previous + 1) problems.push(`H${level} after H${previous}`);
    previous = Number(level);
  }
  return problems;
}

async function linkProblems(pdf: PDFDocument, all: Element[]): Promise<string[]> {
  const tagged = new Set(all.filter((e) => e.type === 'Link').flatMap((e) => e.annotations));
  const problems: string[] = [];
  pdf.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
    for (const ref of annots) {
      const annot = pdf.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() !== 'Link') continue;
      if (!(annot.get(PDFName.of('StructParent')) instanceof PDFNumber)) problems.push(`page ${i + 1}: a link without /StructParent`);
      if (!tagged.has(String(ref))) problems.push(`page ${i + 1}: a link in no Link element`);
      if (!textEntry(annot, 'Contents')) problems.push(`page ${i + 1}: a link without /Contents`);
    }
  });
  return problems;
}

function tabProblems(pdf: PDFDocument): string[] {
  return pdf.getPages().flatMap((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const tabs = page.node.lookupMaybe(PDFName.of('Tabs'), PDFName)?.decodeText();
    return annots && annots.size() > 0 && tabs !== 'S' ? [`page ${i + 1}`] : [];
  });
}

function languageProblems(trees: Array<StructNode | null>): string[] {
  const problems: string[] = [];
  const walk = (node: StructNode, lang: string | undefined, page: number) => {
    const here = node.lang ?? lang;
    const foreign = [...node.text].filter((c) => FOREIGN_SCRIPT.test(c)).join('');
    if (foreign && (!here || /^en\b/i.test(here))) problems.push(`page ${page}: "${foreign}" in ${node.role} (lang ${here ?? 'none'})`);
    node.children.forEach((child) => walk(child, here, page));
  };
  trees.forEach((tree, i) => tree && walk(tree, undefined, i + 1));
  return problems;
}

function fontProblems(file: string): string[] {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return rows.flatMap((row) => {
    const parts = row.trim().split(/\s+/);
    const [emb, , uni] = parts.slice(-5, -2);
    return emb === 'yes' && uni === 'yes' ? [] : [`${parts[0]}: embedded ${emb}, unicode ${uni}`];
  });
}

function fileProblems(pdf: PDFDocument): string[] {
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!tree) return [];
  const problems: string[] = [];
  const visit = (node: PDFDict) => {
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
    for (let i = 1; i < pairs.length; i += 2) {
      const spec = pdf.context.lookup(pairs[i]!);
      if (!(spec instanceof PDFDict)) continue;
      for (const key of ['F', 'UF']) if (!textEntry(spec, key)) problems.push(`a file specification without /${key}`);
      if (!spec.has(PDFName.of('AFRelationship'))) problems.push('a file specification without /AFRelationship');
    }
    for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
      const child = pdf.context.lookup(kid);
      if (child instanceof PDFDict) visit(child);
    }
  };
  visit(tree);
  if (!pdf.catalog.has(PDFName.of('AF'))) problems.push('embedded files without the catalog /AF');
  return problems;
}

/** The results as lines a reader can scan: `ok  rule` or `FAIL  rule: detail`. */
export function formatResults(results: RuleResult[]): string {
  return results.map((r) => (r.ok ? `ok    ${r.rule}` : `FAIL  ${r.rule}: ${r.detail}`)).join('\n');
}

export { elements, textOf };
