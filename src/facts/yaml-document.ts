// YAML parsed with positions, so that every problem can name its line and column.
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';
import { toValues } from './yaml-aliases.js';
import { joinCjkFoldsIn } from './fold-cjk.js';

/** A parsed data file that can say where any value in it stands. */
export interface YamlFile {
  /** The path as messages show it. */
  file: string;
  /** The path on disk, where the file was read from one: paths inside the data resolve from it. */
  absolute?: string;
  data: unknown;
  doc: Document;
  lines: LineCounter;
}

export type DataPath = ReadonlyArray<string | number>;

/** Parse text as YAML; syntax errors come back as problems with their positions. `kind` names the file in them. */
export function parseYamlFile(file: string, text: string, kind = 'data file'): { parsed?: YamlFile; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  // One syntax error tends to cause more after it; the first is the one to fix.
  const problems: Problem[] = doc.errors.slice(0, 1).map((error) => {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    // The library's words name its own API (parseAllDocuments): say what the file should hold instead.
    if (error.code === 'MULTIPLE_DOCS') return { file, line: pos.line, col: pos.col, path: '', message: `a ${kind} holds one YAML document; found a second (---) here` };
    const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    return { file, line: pos.line, col: pos.col, path: '', message: `YAML: ${message}` };
  });
  if (problems.length > 0) return { problems };
  joinCjkFoldsIn(doc, text);
  const values = toValues(doc, text.includes('&'));
  if ('message' in values) {
    const { line, col } = lines.linePos(values.offset);
    return { problems: [{ file, line, col, path: '', message: values.message }] };
  }
  return { parsed: { file, data: values.data, doc, lines }, problems };
}

/** Where the value at `path` stands; with `key`, where that key of the map at `path` stands. */
export function locate(yaml: YamlFile, path: DataPath, key?: string): { line: number; col: number } {
  let found = nearestNode(yaml, path).node;
  if (key !== undefined && isMap(found)) {
    const pair = found.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (pair && isNode(pair.key)) found = pair.key;
  }
  const offset = isNode(found) && found.range ? found.range[0] : 0;
  return yaml.lines.linePos(offset);
}

/** The scalar at `path` as the file spells it (`.NaN`, `+.inf`), where the path reaches one. */
export function spellingAt(yaml: YamlFile, path: DataPath): string | undefined {
  const { node, whole } = nearestNode(yaml, path);
  return whole && isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

/** The node at `path`, or the deepest one on the way there; `whole` when the path reached it. */
function nearestNode(yaml: YamlFile, path: DataPath): { node: unknown; whole: boolean } {
  let node: unknown = yaml.doc.contents;
  for (const segment of path) {
    const next = isNode(node) || isMap(node) ? (node as Node & { get?: (k: unknown, keep: boolean) => unknown }).get?.(segment, true) : undefined;
    if (next === undefined) return { node, whole: false };
    node = next;
  }
  return { node, whole: true };
}

/** `programmes[0].name.en` for ['programmes', 0, 'name', 'en']. */
export function formatPath(path: DataPath): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    '',
  );
}
