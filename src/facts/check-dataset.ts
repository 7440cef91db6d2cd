// From parsed files to Facts: merge collections, check ids and references, index. Pure.
import type { Problem } from '../errors.js';
import type { Facts, Located, OrganisationFacts, PersonFacts, ProgrammeFacts } from './facts.js';
import { checkContent, type DataRecord as Record, type RecordIndex } from './check-content.js';
import { foldNativeName } from './native-names.js';
import { checkRelations } from './check-relations.js';
import { checkCodes } from './check-codes.js';
import { matchPath, REFERENCES } from './references.js';
import { COLLECTIONS, type CollectionName } from './names.js';
import type { Claim, DataFile, Meta, Organisation, Person, Programme } from './schema.js';
import { formatPath, locate, type YamlFile } from './yaml-document.js';

/** Words an evidence excerpt may hold at most (SOURCE.md: excerpts are for verification, not prose). */
export const MAX_EXCERPT_WORDS = 25;

/** Facts from schema-valid files, or every problem found in them; warnings either way. */
export function checkDataset(dataDir: string, files: YamlFile[]): { facts?: Facts; problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const problemAt = (yaml: YamlFile, path: Array<string | number>, message: string) => {
    const { line, col } = locate(yaml, path);
    problems.push({ file: yaml.file, line, col, path: formatPath(path), message });
  };

  const records = new Map<CollectionName, Map<string, Record>>(COLLECTIONS.map((c) => [c, new Map()]));
  let meta: { value: Meta; yaml: YamlFile } | undefined;
  for (const yaml of files) {
    const data = (yaml.data ?? {}) as DataFile;
    if (data.meta) {
      if (meta) {
        const first = locate(meta.yaml, ['meta']);
        problemAt(yaml, ['meta'], `meta is given twice; first at ${meta.yaml.file}:${first.line}:${first.col}`);
      } else meta = { value: data.meta, yaml };
    }
    for (const collection of COLLECTIONS) {
      for (const [index, value] of (data[collection] ?? []).entries()) {
        const path = [collection, index];
        const known = records.get(collection)!;
        const previous = known.get(value.id);
        if (previous) {
          const at = previous.origin;
          problemAt(yaml, [...path, 'id'], `duplicate id "${value.id}" in ${collection}; first defined at ${at.file}:${at.line}:${at.col}`);
          continue;
        }
        const { line, col } = locate(yaml, path);
        known.set(value.id, { id: value.id, origin: { file: yaml.file, line, col }, yaml, path, value });
      }
    }
  }

  problems.push(...checkCodes(files));
  for (const yaml of files) {
    for (const { path: pattern, target } of REFERENCES) {
      for (const { path, value } of matchPath(yaml.data, pattern)) {
        if (typeof value === 'string' && !records.get(target)!.has(value)) {
          const singular = target.replace(/s$/, '');
          problemAt(yaml, path, `refers to ${singular} "${value}", which is not in the data`);
        }
      }
    }
  }

  const programmes = [...records.get('programmes')!.values()].map((r) => ({ ...r, value: r.value as Programme }));
  problems.push(...checkRelations(programmes));

  for (const claim of records.get('claims')!.values()) {
    const value = claim.value as Claim;
    if (value.attribution.kind !== 'outside-fact' && value.excerpt === undefined) {
      problemAt(claim.yaml, claim.path, `claim "${claim.id}" has no excerpt; every claim but an outside fact cites its evidence verbatim`);
    }
    const words = value.excerpt?.trim().split(/\s+/).length ?? 0;
    if (words > MAX_EXCERPT_WORDS) {
      problemAt(claim.yaml, [...claim.path, 'excerpt'], `excerpt has ${words} words; at most ${MAX_EXCERPT_WORDS}`);
    }
  }
  const content = checkContent(records, meta?.value);
  problems.push(...content.problems);
  const { warnings } = content;

  if (!meta) {
    problems.push({ file: files[0]?.file ?? dataDir, line: 1, col: 1, path: 'meta', message: 'no file in the data folder gives `meta:` (title, asOf, author)' });
  }
  if (records.get('programmes')!.size + records.get('topics')!.size === 0) {
    problems.push({ file: files[0]?.file ?? dataDir, line: 1, col: 1, path: 'programmes', message: 'the data has no programmes and no topics: nothing to brief on' });
  }
  if (problems.length > 0 || !meta) return { problems, warnings };
  return { facts: indexFacts(dataDir, meta.value, records, warnings), problems, warnings };
}

function indexFacts(dataDir: string, meta: Meta, records: RecordIndex, warnings: Problem[]): Facts {
  const located = <T, U = T>(collection: CollectionName, fold: (value: T) => U = (value) => value as unknown as U) =>
    new Map([...records.get(collection)!.values()].map((r) => [r.id, { ...fold(r.value as T), origin: r.origin } as Located<U>]));
  const facts: Facts = {
    dataDir,
    meta,
    sources: located('sources'),
    organisations: located<Organisation, OrganisationFacts>('organisations', foldNativeName),
    people: located<Person, PersonFacts>('people', foldNativeName),
    programmes: located<Programme, ProgrammeFacts>('programmes', (p) => ({ ...p, name: foldNativeName(p.name) })),
    topics: located('topics'),
    claims: located('claims'),
    quotes: located('quotes'),
    timeline: located('timeline'),
    claimsByProgramme: new Map(),
    claimsByTopic: new Map(),
    warnings,
  };
  for (const id of facts.programmes.keys()) facts.claimsByProgramme.set(id, []);
  for (const id of facts.topics.keys()) facts.claimsByTopic.set(id, []);
  for (const claim of facts.claims.values()) {
    for (const id of claim.programmes ?? []) facts.claimsByProgramme.get(id)?.push(claim);
    for (const id of claim.topics ?? []) facts.claimsByTopic.get(id)?.push(claim);
  }
  return facts;
}
