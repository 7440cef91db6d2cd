// Programmes' relations (issue 11): none names itself as predecessor, successor or relation, and
// predecessors and successors, read as order in time, never go round in a cycle. Pure.
import type { Problem } from '../errors.js';
import type { Programme } from './schema.js';
import { formatPath, locate, type DataPath, type YamlFile } from './yaml-document.js';

/** A programme as checkDataset holds it: its value and where it stands. */
export interface ProgrammeRecord {
  id: string;
  yaml: YamlFile;
  path: DataPath;
  value: Programme;
}

/** "X came before Y", and the field that says so. */
interface Edge {
  before: string;
  after: string;
  record: ProgrammeRecord;
  field: 'predecessor' | 'successor';
}

/** A problem for each self-reference, and one for each cycle, at the field that closes it. */
export function checkRelations(programmes: ProgrammeRecord[]): Problem[] {
  const problems: Problem[] = [];
  const at = (record: ProgrammeRecord, rest: DataPath, message: string) => {
    const path = [...record.path, ...rest];
    const { line, col } = locate(record.yaml, path);
    problems.push({ file: record.yaml.file, line, col, path: formatPath(path), message });
  };
  const known = new Set(programmes.map((p) => p.id));
  const edges: Edge[] = [];
  for (const record of programmes) {
    const { id, value } = record;
    for (const field of ['predecessor', 'successor'] as const) {
      const other = value[field];
      if (other === id) at(record, [field], `"${id}" is its own ${field}`);
      // X.predecessor = Y: Y came before X. X.successor = Y: X came before Y.
      else if (other !== undefined && known.has(other)) edges.push(field === 'predecessor' ? { before: other, after: id, record, field } : { before: id, after: other, record, field });
    }
    for (const [i, other] of (value.related ?? []).entries()) if (other === id) at(record, ['related', i], `"${id}" lists itself as related`);
  }
  for (const { edge, cycle } of findCycles(programmes.map((p) => p.id), edges)) {
    at(edge.record, [edge.field], `predecessors and successors go round in a cycle: ${showCycle(cycle)} (each came before the next)`);
  }
  return problems;
}

/** `a -> b -> a`; a long cycle keeps its ends, so that the line stays a line. */
function showCycle(cycle: string[]): string {
  if (cycle.length <= 12) return cycle.join(' -> ');
  return [...cycle.slice(0, 6), `(${cycle.length - 9} more)`, ...cycle.slice(-3)].join(' -> ');
}

/**
 * Each edge that closes a cycle in a depth-first walk (in data order), with the cycle it closes.
 * Every cycle holds one such edge, so fixing each reported field leaves none; the walk is linear.
 */
function findCycles(ids: string[], edges: Edge[]): Array<{ edge: Edge; cycle: string[] }> {
  const next = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  const seen = new Set<string>();
  for (const edge of edges) {
    const key = `${edge.before}\0${edge.after}`;
    // Y.predecessor = X and X.successor = Y say the same: one edge.
    if (seen.has(key)) continue;
    seen.add(key);
    next.get(edge.before)?.push(edge);
  }
  const state = new Map<string, 'open' | 'done'>();
  const found: Array<{ edge: Edge; cycle: string[] }> = [];
  for (const start of ids) {
    if (state.has(start)) continue;
    // An explicit stack: a chain of thousands of programmes must not overflow the call stack.
    const path: string[] = [start];
    const cursor: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const out = next.get(node) ?? [];
      const i = cursor[cursor.length - 1]!;
      if (i >= out.length) {
        state.set(node, 'done');
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = i + 1;
      const edge = out[i]!;
      const target = state.get(edge.after);
      if (target === 'open') found.push({ edge, cycle: [...path.slice(path.indexOf(edge.after)), edge.after] });
      else if (target === undefined) {
        state.set(edge.after, 'open');
        path.push(edge.after);
        cursor.push(0);
      }
    }
  }
  return found;
}
