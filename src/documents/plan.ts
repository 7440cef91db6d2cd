import type { Facts } from '../facts/facts.js';
import { UsageError } from '../errors.js';
import type { DocumentSpec, SubjectKind } from '../contracts/document.js';
import { FORMAT_TABLE, FORMATS, outputFileName, SCREEN_FORMAT, type Format, type Layout } from '../contracts/layouts.js';

/** Which documents to build; empty lists mean all. */
export interface Selection {
  programmes?: string[];
  topics?: string[];
  formats?: Format[];
}

const FOLDER = { programme: 'programmes', topic: 'topics' } as const satisfies Record<SubjectKind, string>;

/** Every document the selection asks for: programmes first, then topics, each in data order. */
export function planDocuments(facts: Facts, selection: Selection = {}): DocumentSpec[] {
  const formats = selection.formats?.length ? FORMATS.filter((f) => selection.formats?.includes(f)) : FORMATS;
  const wantProgrammes = pick('programme', [...facts.programmes.keys()], selection.programmes);
  const wantTopics = pick('topic', [...facts.topics.keys()], selection.topics);
  const onlyProgrammes = Boolean(selection.programmes?.length) && !selection.topics?.length;
  const onlyTopics = Boolean(selection.topics?.length) && !selection.programmes?.length;
  const specs: DocumentSpec[] = [];
  if (!onlyTopics) for (const id of wantProgrammes) specs.push(...specsFor('programme', id, formats));
  if (!onlyProgrammes) for (const id of wantTopics) specs.push(...specsFor('topic', id, formats));
  return specs;
}

function pick(kind: SubjectKind, known: string[], wanted: string[] | undefined): string[] {
  if (!wanted?.length) return known;
  for (const id of wanted) {
    if (!known.includes(id)) {
      throw new UsageError(`no ${kind} "${id}" in the data; known: ${known.join(', ') || '(none)'}`);
    }
  }
  return known.filter((id) => wanted.includes(id));
}

/** A subject's document in a format: its key, layout, kind of file and output path, as the format table gives them. */
export function specFor(kind: SubjectKind, id: string, format: Format): DocumentSpec {
  const folder = `${FOLDER[kind]}/${id}`;
  const { layout, kind: fileKind } = FORMAT_TABLE[format];
  return { key: `${folder}/${format}`, subject: { kind, id }, format, layout, kind: fileKind, outputPath: `${folder}/${outputFileName(id, format)}` };
}

/** What `brief preview` shows of a subject: a layout as a page on screen, written nowhere. */
export function screenSpec(kind: SubjectKind, id: string, layout: Layout): DocumentSpec {
  return { ...specFor(kind, id, SCREEN_FORMAT), key: `preview/${kind}/${id}/${layout}`, layout, outputPath: '' };
}

function specsFor(kind: SubjectKind, id: string, formats: readonly Format[]): DocumentSpec[] {
  return formats.map((format) => specFor(kind, id, format));
}
