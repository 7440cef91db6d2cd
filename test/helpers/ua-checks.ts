// The machine-checkable rules of PDF/UA-1 (ISO 14289-1) that the tool's PDFs must meet, each read
// back from the file by pdf-lib, pdf.js or poppler: never by the tool's own PDF code.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { gluedWraps } from './content-text.js';
import { elements, loadWithPdfLib, markedContentNesting, popplerComplaints, structTrees, textEntry, textOf, unmarkedPaint, xmpOf, xrefErrors, type StructNode } from './read-pdf.js';
import { readTagged, structureRules, type Tagged } from './ua-structure.js';

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

/** Every rule, checked on one PDF: veraPDF's PDF/UA-1 rules that apply to what the tool writes, named by their numbers, and a few of the tool's own. */
export async function checkAccessibility(file: string): Promise<RuleResult[]> {
  const pdf = await loadWithPdfLib(file);
  const results: RuleResult[] = [];
  const rule = (name: string, problems: string[]) => results.push({ rule: name, ok: problems.length === 0, detail: problems.slice(0, 5).join('; ') });

  const catalog = pdf.catalog;
  const xmp = xmpOf(pdf) ?? '';
  rule('5-1/5-2 PDF/UA identification: XMP pdfuaid:part is 1', /<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp) ? [] : ['no pdfuaid:part 1']);
  rule('7.1-8/7.1-9 a metadata stream with dc:title', xmp && /<dc:title><rdf:Alt><rdf:li[^>]*>[^<]+</.test(xmp) ? [] : ['no XMP dc:title']);
  rule('7.1 XMP in step with the document information', xmpAgreement(pdf, xmp));
  const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  rule('7.1-10 ViewerPreferences DisplayDocTitle is true', String(preferences?.get(PDFName.of('DisplayDocTitle'))) === 'true' ? [] : ['missing']);
  const lang = textEntry(catalog, 'Lang');
  rule('7.2-2/7.2-34 the document language (catalog /Lang), a language tag (7.2-29)', lang && /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(lang) ? [] : [`/Lang "${lang ?? ''}"`]);
  const mark = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const root = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  rule('6.2-1/7.1-11 tagged: MarkInfo Marked true and a structure tree', String(mark?.get(PDFName.of('Marked'))) === 'true' && root ? [] : ['untagged']);
  rule('7.1-4 not marked Suspects', String(mark?.get(PDFName.of('Suspects'))) === 'true' ? ['Suspects true'] : []);

  const trees = await structTrees(file);
  rule('7.1 every page has a structure tree', trees.flatMap((tree, i) => (tree && tree.children.length > 0 ? [] : [`page ${i + 1}`])));
  const bare = await unmarkedPaint(file);
  rule('7.1-3 every mark is tagged content or an artifact', bare.flatMap((count, i) => (count > 0 ? [`page ${i + 1}: ${count} marks`] : [])));
  rule('7.1-1/7.1-2 no artifact inside tagged content, no tagged content inside an artifact', await markedContentNesting(file));

  const all = root ? readTagged(pdf, root) : [];
  rule('7.1-5/7.1-7 standard structure types (or role-mapped), standard ones not remapped', [
    ...all.filter((e) => !STANDARD.has(e.type)).map((e) => e.type),
    ...remappedStandard(root),
  ]);
  for (const { rule: name, problems } of structureRules(all)) rule(name, problems);
  rule(
    '7.3-1 every Figure has alternative text that says something',
    all.filter((e) => e.type === 'Figure' && (!e.alt || /^(chart|image|figure|graphic)$/i.test(e.alt.trim()))).map((e) => `Figure alt "${e.alt ?? ''}"`),
  );
  rule('7.5-1/7.5-2 every table header has a Scope', all.filter((e) => e.type === 'TH' && !e.scope).map(() => 'TH without Scope'));
  rule('7.4.2-1 headings do not skip a level', headingSkips(all));
  rule('14.8.2.2.2 a table header repeated on a new page is an artifact: no TH is read twice', repeatedHeaders(all));
  rule('14.8.2.5 word breaks are explicit: no words glued at a line wrap in the text stream', gluedWraps(pdf));
  rule('7.18.1-2/7.18.5-1/7.18.5-2 every link is tagged (Link element, /StructParent) and described (/Contents)', await linkProblems(pdf, all));
  rule('7.18.3-1 pages with annotations have /Tabs /S', tabProblems(pdf));
  rule('7.2 text in another script is tagged with its language', languageProblems(trees));
  rule('7.21.4.1-1/7.21.7-1 every font embedded, with a Unicode mapping', fontProblems(file));
  rule('7.21.3.1-1/7.21.3.2-1 composite fonts: Identity CMaps, a CIDToGIDMap for TrueType CID fonts', compositeFontProblems(pdf));
  rule('7.11-1 embedded files have /F, /UF and a relationship', fileProblems(pdf));
  rule('well-formed: exact cross-reference offsets, poppler reads it without complaint', [
    ...xrefErrors(await readFile(file)),
    ...(popplerComplaints(file) ? [popplerComplaints(file)] : []),
  ]);
  return results;
}

/** The role map's entries that remap a standard type (7.1-7). */
function remappedStandard(root: PDFDict | undefined): string[] {
  const roleMap = root?.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  return (roleMap?.entries() ?? []).map(([key]) => key.decodeText()).filter((type) => STANDARD.has(type)).map((type) => `${type} remapped`);
}

/** TH cells whose marked content lies on more than one page: a header row drawn again and read again. */
function repeatedHeaders(all: Tagged[]): string[] {
  const pagesOf = (e: Tagged): string[] => [...e.contentPages, ...e.kids.flatMap(pagesOf)];
  return all.filter((e) => e.type === 'TH' && new Set(pagesOf(e)).size > 1).map((e) => `a TH on ${new Set(pagesOf(e)).size} pages`);
}

/** Type 0 fonts: an Identity CMap (or one embedded); a CIDFontType2 descendant with a CIDToGIDMap. */
function compositeFontProblems(pdf: PDFDocument): string[] {
  const problems: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() !== 'Type0') continue;
    const base = object.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '?';
    const encoding = object.lookup(PDFName.of('Encoding'));
    if (encoding instanceof PDFName && !/^Identity-[HV]$/.test(encoding.decodeText())) problems.push(`${base}: CMap ${encoding.decodeText()}`);
    const descendants = object.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.asArray() ?? [];
    for (const d of descendants) {
      const cid = pdf.context.lookup(d);
      if (cid instanceof PDFDict && cid.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'CIDFontType2' && !cid.has(PDFName.of('CIDToGIDMap'))) problems.push(`${base}: no CIDToGIDMap`);
    }
  }
  return problems;
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

function headingSkips(all: Tagged[]): string[] {
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

async function linkProblems(pdf: PDFDocument, all: Tagged[]): Promise<string[]> {
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
