// The structure rules of veraPDF's PDF/UA-1 profile (ISO 14289-1, 7.1-7.9, read against ISO
// 32000-1, 14.7-14.8), each named by its veraPDF rule number, checked on the structure tree as
// pdf-lib reads it: the tool's own PDF code reads nothing here.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { textEntry } from './read-pdf.js';

/** A structure element as read: its standard type, parent, kids and the entries the rules ask about. */
export interface Tagged {
  type: string;
  parent?: Tagged;
  kids: Tagged[];
  dict: PDFDict;
  hasParent: boolean;
  id?: string;
  lang?: string;
  alt?: string;
  /** Table attributes: Scope, RowSpan, ColSpan (14.8.5.7). */
  scope?: string;
  rowSpan: number;
  colSpan: number;
  /** Annotations (OBJR) it holds, as `N G R`. */
  annotations: string[];
  /** The page (`N G R`) of each piece of marked content it holds itself. */
  contentPages: string[];
  /** Its /Pg, or its parent's. */
  page?: string;
}

/** The structure tree: every element in tree order under the root, types mapped through the RoleMap. */
export function readTagged(pdf: PDFDocument, root: PDFDict): Tagged[] {
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  const standard = (type: string): string => {
    let mapped = type;
    for (let i = 0; i < 8; i++) {
      const next = roleMap?.lookupMaybe(PDFName.of(mapped), PDFName)?.decodeText();
      if (!next) break;
      mapped = next;
    }
    return mapped;
  };
  const all: Tagged[] = [];
  const seen = new Set<PDFObject>();
  const visit = (value: PDFObject | undefined, parent: Tagged | undefined): void => {
    const node = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (node instanceof PDFArray) return node.asArray().forEach((kid) => visit(kid, parent));
    if (node instanceof PDFNumber) {
      if (parent?.page) parent.contentPages.push(parent.page);
      return;
    }
    if (!(node instanceof PDFDict) || seen.has(node)) return;
    seen.add(node);
    const kind = node.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
    if (kind === 'OBJR') {
      if (parent) parent.annotations.push(String(node.get(PDFName.of('Obj'))));
      return;
    }
    const s = node.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    const pg = node.get(PDFName.of('Pg'));
    if (kind === 'MCR') {
      const on = pg ? String(pg) : parent?.page;
      if (parent && on) parent.contentPages.push(on);
      return;
    }
    if (s === undefined) return;
    const page = pg ? String(pg) : parent?.page;
    const element: Tagged = {
      type: standard(s),
      kids: [],
      dict: node,
      hasParent: node.has(PDFName.of('P')),
      rowSpan: 1,
      colSpan: 1,
      annotations: [],
      contentPages: [],
      ...(page ? { page } : {}),
      ...(parent ? { parent } : {}),
    };
    const id = textEntry(node, 'ID');
    const lang = textEntry(node, 'Lang');
    const alt = textEntry(node, 'Alt');
    if (id !== undefined) element.id = id;
    if (lang !== undefined) element.lang = lang;
    if (alt !== undefined) element.alt = alt;
    readTableAttributes(pdf, node, element);
    parent?.kids.push(element);
    all.push(element);
    visit(node.get(PDFName.of('K')), element);
  };
  visit(root.get(PDFName.of('K')), undefined);
  return all;
}

function readTableAttributes(pdf: PDFDocument, node: PDFDict, element: Tagged): void {
  const attributes = node.lookup(PDFName.of('A'));
  const list = attributes instanceof PDFArray ? attributes.asArray().map((a) => pdf.context.lookup(a)) : [attributes];
  for (const a of list) {
    if (!(a instanceof PDFDict)) continue;
    const scope = a.lookupMaybe(PDFName.of('Scope'), PDFName)?.decodeText();
    if (scope) element.scope = scope;
    const rows = a.lookupMaybe(PDFName.of('RowSpan'), PDFNumber)?.asNumber();
    const cols = a.lookupMaybe(PDFName.of('ColSpan'), PDFNumber)?.asNumber();
    if (rows) element.rowSpan = rows;
    if (cols) element.colSpan = cols;
  }
}

/** A structure rule: its veraPDF number and wording, and the problems it finds. */
export interface StructureRule {
  rule: string;
  problems: string[];
}

const kidTypes = (e: Tagged) => e.kids.map((k) => k.type);
const where = (e: Tagged) => `${e.type} in ${e.parent?.type ?? 'the root'}`;
/** Elements of a type whose parent is not one of `parents`. */
const outside = (all: Tagged[], type: string, parents: string[]) => all.filter((e) => e.type === type && !parents.includes(e.parent?.type ?? '')).map(where);
/** Elements of a type holding a kid not among `allowed`. */
const holding = (all: Tagged[], type: string, allowed: string[]) =>
  all.filter((e) => e.type === type && e.kids.some((k) => !allowed.includes(k.type))).map((e) => `${e.type} holds ${kidTypes(e).join(', ')}`);
const counting = (all: Tagged[], type: string, kid: string, test: (n: number, e: Tagged) => boolean) =>
  all.filter((e) => e.type === type && !test(e.kids.filter((k) => k.type === kid).length, e)).map((e) => `${e.type} holds ${kidTypes(e).join(', ')}`);

/** Every structure rule of veraPDF's PDF/UA-1 profile that applies to what the tool's files hold. */
export function structureRules(all: Tagged[]): StructureRule[] {
  const heads = (e: Tagged) => e.kids.filter((k) => k.type === 'TBody').length;
  return [
    { rule: '7.1-12 every structure element has a parent (/P)', problems: all.filter((e) => !e.hasParent).map((e) => `${e.type} without /P`) },
    { rule: '7.2-3 Table holds only TR, THead, TBody, TFoot and Caption', problems: holding(all, 'Table', ['TR', 'THead', 'TBody', 'TFoot', 'Caption']) },
    { rule: '7.2-4 TR is in Table, THead, TBody or TFoot', problems: outside(all, 'TR', ['Table', 'THead', 'TBody', 'TFoot']) },
    { rule: '7.2-5 THead is in Table', problems: outside(all, 'THead', ['Table']) },
    { rule: '7.2-6 TBody is in Table', problems: outside(all, 'TBody', ['Table']) },
    { rule: '7.2-7 TFoot is in Table', problems: outside(all, 'TFoot', ['Table']) },
    { rule: '7.2-8 TH is in TR', problems: outside(all, 'TH', ['TR']) },
    { rule: '7.2-9 TD is in TR', problems: outside(all, 'TD', ['TR']) },
    { rule: '7.2-10 TR holds only TH and TD', problems: holding(all, 'TR', ['TH', 'TD']) },
    { rule: '7.2-11 Table holds at most one THead', problems: counting(all, 'Table', 'THead', (n) => n <= 1) },
    { rule: '7.2-12 Table holds at most one TFoot', problems: counting(all, 'Table', 'TFoot', (n) => n <= 1) },
    { rule: '7.2-13 a Table with a TFoot holds a TBody', problems: counting(all, 'Table', 'TFoot', (n, e) => n === 0 || heads(e) > 0) },
    { rule: '7.2-14 a Table with a THead holds a TBody', problems: counting(all, 'Table', 'THead', (n, e) => n === 0 || heads(e) > 0) },
    { rule: '7.2-15/7.2-41/7.2-42/7.2-43 table cells do not overlap; rows and columns are whole (spans counted)', problems: all.filter((e) => e.type === 'Table').flatMap(tableGrid) },
    { rule: '7.2-16/7.2-39 a Table has at most one Caption, first or last', problems: captionProblems(all, 'Table', true) },
    { rule: '7.2-17 LI is in L', problems: outside(all, 'LI', ['L']) },
    { rule: '7.2-18 LBody is in LI', problems: outside(all, 'LBody', ['LI']) },
    { rule: '7.2-19 L holds only L, LI and Caption', problems: holding(all, 'L', ['L', 'LI', 'Caption']) },
    { rule: '7.2-20 LI holds only Lbl and LBody', problems: holding(all, 'LI', ['Lbl', 'LBody']) },
    { rule: '7.2-26 TOCI is in TOC', problems: outside(all, 'TOCI', ['TOC']) },
    { rule: '7.2-27 TOC holds only TOC, TOCI and Caption', problems: holding(all, 'TOC', ['TOC', 'TOCI', 'Caption']) },
    { rule: '7.2-28/7.2-40 a TOC or L has a Caption only as its first kid', problems: [...captionProblems(all, 'TOC', false), ...captionProblems(all, 'L', false)] },
    { rule: '7.2-29 every Lang is a language tag', problems: all.filter((e) => e.lang !== undefined && !/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(e.lang)).map((e) => `${e.type} Lang "${e.lang}"`) },
    { rule: '7.2-36/7.2-37/7.2-38 THead, TBody and TFoot hold only TR', problems: ['THead', 'TBody', 'TFoot'].flatMap((type) => holding(all, type, ['TR'])) },
    { rule: '7.4.4-1 no element holds more than one H', problems: all.filter((e) => e.kids.filter((k) => k.type === 'H').length > 1).map((e) => `${e.type} holds several H`) },
    { rule: '7.4.4-2/7.4.4-3 headings are either H or H1-H6, not both', problems: all.some((e) => e.type === 'H') && all.some((e) => /^H[1-6]$/.test(e.type)) ? ['H and Hn both used'] : [] },
    { rule: '7.9-1/7.9-2 every Note has an ID of its own', problems: noteProblems(all) },
  ];
}

function captionProblems(all: Tagged[], type: string, lastToo: boolean): string[] {
  return all.flatMap((e) => {
    if (e.type !== type) return [];
    const types = kidTypes(e);
    const at = types.flatMap((t, i) => (t === 'Caption' ? [i] : []));
    const misplaced = at.some((i) => i !== 0 && !(lastToo && i === types.length - 1));
    return at.length > 1 || misplaced ? [`${type} holds ${types.join(', ')}`] : [];
  });
}

function noteProblems(all: Tagged[]): string[] {
  const notes = all.filter((e) => e.type === 'Note');
  const ids = notes.map((n) => n.id ?? '');
  return [...notes.filter((n) => !n.id).map(() => 'a Note without /ID'), ...ids.filter((id, i) => id && ids.indexOf(id) !== i).map((id) => `Note ID "${id}" twice`)];
}

/** A table's cells laid on a grid, spans counted: an overlap, or rows of unequal width, is a problem. */
function tableGrid(table: Tagged): string[] {
  const rows = table.kids.flatMap((k) => (k.type === 'TR' ? [k] : ['THead', 'TBody', 'TFoot'].includes(k.type) ? k.kids.filter((r) => r.type === 'TR') : []));
  const taken: boolean[][] = [];
  const problems: string[] = [];
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.kids.filter((k) => k.type === 'TH' || k.type === 'TD')) {
      while (taken[r]?.[column]) column++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const line = (taken[r + dr] ??= []);
          if (line[column + dc]) problems.push(`row ${r + 1}: cells overlap at column ${column + dc + 1}`);
          line[column + dc] = true;
        }
      }
      column += cell.colSpan;
    }
  });
  const widths = taken.slice(0, rows.length).map((line) => line.filter(Boolean).length);
  if (taken.length > rows.length) problems.push(`a row span runs past the last row`);
  if (new Set(widths).size > 1) problems.push(`rows of ${[...new Set(widths)].join(' and ')} columns`);
  return problems;
}
