import type { CollectionName } from './schema.js';

/** Every field that names a record of another collection: `*` stands for each item of a list. */
export const REFERENCES: ReadonlyArray<{ path: string; target: CollectionName }> = [
  { path: 'claims.*.source', target: 'sources' },
  { path: 'claims.*.programmes.*', target: 'programmes' },
  { path: 'claims.*.topics.*', target: 'topics' },
  { path: 'claims.*.figures.*.claim', target: 'claims' },
  { path: 'people.*.organisation', target: 'organisations' },
  { path: 'people.*.claims.*', target: 'claims' },
  { path: 'programmes.*.sponsor.organisation', target: 'organisations' },
  { path: 'programmes.*.sponsor.claim', target: 'claims' },
  { path: 'programmes.*.dates.launched.claim', target: 'claims' },
  { path: 'programmes.*.dates.ended.claim', target: 'claims' },
  { path: 'programmes.*.dates.lastEvidence.claim', target: 'claims' },
  { path: 'programmes.*.predecessor', target: 'programmes' },
  { path: 'programmes.*.successor', target: 'programmes' },
  { path: 'programmes.*.related.*', target: 'programmes' },
  { path: 'programmes.*.target.claims.*', target: 'claims' },
  { path: 'programmes.*.incentives.*.claim', target: 'claims' },
  { path: 'programmes.*.scale.*.claim', target: 'claims' },
  { path: 'programmes.*.people.*', target: 'people' },
  { path: 'programmes.*.organisations.*', target: 'organisations' },
  { path: 'programmes.*.sections.*.claims.*', target: 'claims' },
  { path: 'topics.*.programmes.*', target: 'programmes' },
  { path: 'topics.*.sections.*.claims.*', target: 'claims' },
  { path: 'quotes.*.person', target: 'people' },
  { path: 'quotes.*.source', target: 'sources' },
  { path: 'quotes.*.programmes.*', target: 'programmes' },
  { path: 'quotes.*.topics.*', target: 'topics' },
  { path: 'timeline.*.claim', target: 'claims' },
  { path: 'timeline.*.programmes.*', target: 'programmes' },
  { path: 'timeline.*.topics.*', target: 'topics' },
];

/** Each concrete path in data that matches a pattern like `claims.*.topics.*`, with its value. */
export function* matchPath(
  data: unknown,
  pattern: string,
): Generator<{ path: Array<string | number>; value: unknown }> {
  yield* walk(data, pattern.split('.'), []);
}

function* walk(
  node: unknown,
  segments: string[],
  at: Array<string | number>,
): Generator<{ path: Array<string | number>; value: unknown }> {
  if (segments.length === 0) {
    yield { path: at, value: node };
    return;
  }
  const [head, ...rest] = segments;
  if (head === '*') {
    if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* walk(item, rest, [...at, i]);
    return;
  }
  if (node !== null && typeof node === 'object' && head !== undefined && head in node) {
    yield* walk((node as Record<string, unknown>)[head], rest, [...at, head]);
  }
}
