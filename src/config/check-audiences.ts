// `audiences:` in the config file, checked as it is read (issue 14): each problem is one line at
// its file:line:col. What an audience names in the data (programmes, topics) is checked by the
// build, which has read the data, at the places recorded here.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Audience } from '../contracts/audience.js';
import { checkAudienceList } from '../contracts/audience-checks.js';
import { FORMATS } from '../contracts/layouts.js';
import { formatPath, type DataPath } from '../facts/yaml-document.js';
import { AudienceEntry } from './audience-schema.js';

/** `file:line:col` of a value of the config (with `key`: of that key of the mapping at `path`). */
export type PlaceOf = (path: DataPath, key?: string) => string;

// Compiled on first use: a config without audiences never pays for it.
let compiled: ValidateFunction<AudienceEntry> | undefined;
const validator = () => (compiled ??= new Ajv({ allErrors: true, verbose: true }).compile<AudienceEntry>(AudienceEntry));

/** The audiences as the build takes them, or every problem with them, one line each, in the file's order. */
export function checkAudiences(list: readonly unknown[], placeOf: PlaceOf): { audiences: Audience[]; problems: string[] } {
  const byEntry: string[][] = list.map(() => []);
  const entries: (Audience | undefined)[] = [];
  const validate = validator();
  list.forEach((entry, i) => {
    const path: DataPath = ['audiences', i];
    if (!validate(entry)) {
      for (const error of firstPerField(validate.errors ?? [])) byEntry[i]!.push(`${placeOfError(placeOf, path, error)}  ${describeError(path, error)}`);
      entries.push(undefined);
      return;
    }
    entries.push({
      ...entry,
      at: {
        path: formatPath(path),
        entry: placeOf(path),
        title: placeOf([...path, 'title']),
        ...(entry.distribution !== undefined ? { distribution: placeOf([...path, 'distribution']) } : {}),
        programmes: (entry.programmes ?? []).map((_, j) => placeOf([...path, 'programmes', j])),
        topics: (entry.topics ?? []).map((_, j) => placeOf([...path, 'topics', j])),
      },
    });
  });
  for (const problem of checkAudienceList(entries)) {
    const path: DataPath = ['audiences', problem.index];
    byEntry[problem.index]!.push(`${placeOf(problem.at.field === 'id' ? [...path, 'id'] : path)}  ${problem.message}`);
  }
  return { audiences: entries.filter((a): a is Audience => a !== undefined), problems: byEntry.flat() };
}

/** Where an error stands: the unknown key, the audience missing a key, or the value itself. */
function placeOfError(placeOf: PlaceOf, path: DataPath, error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return placeOf(path, String(error.params.additionalProperty));
  if (error.keyword === 'required') return placeOf(path);
  return placeOf([...path, ...segmentsOf(error)]);
}

/** `/formats/1` as ['formats', 1]. */
function segmentsOf(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** One error per field: a wrong format is one problem, not one per branch of the union. */
function firstPerField(errors: readonly ErrorObject[]): ErrorObject[] {
  const byField = new Map<string, ErrorObject>();
  for (const error of errors) {
    const field = `${error.instancePath}|${error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : ''}`;
    const seen = byField.get(field);
    // Of a union's errors, its own ("anyOf") says what is wanted; the branches' errors do not.
    if (!seen || error.keyword === 'anyOf') byField.set(field, error);
  }
  return [...byField.values()];
}

function describeError(path: DataPath, error: ErrorObject): string {
  const name = formatPath(path);
  const at = formatPath([...path, ...segmentsOf(error)]);
  switch (error.keyword) {
    case 'additionalProperties':
      return `${name}: unknown key "${String(error.params.additionalProperty)}"; an audience has id, title, distribution, programmes, topics and formats`;
    case 'required':
      return `${name} has no ${String(error.params.missingProperty)}: each audience needs an id and a title`;
    case 'anyOf':
      return `${at} must be one of: ${FORMATS.join(', ')}; got ${JSON.stringify(error.data)}`;
    case 'minLength':
      return `${at} is empty`;
    case 'type':
      return error.params.type === 'array' ? `${at} must be a list of ids` : `${at} must be ${error.params.type === 'object' ? 'a mapping' : `a ${String(error.params.type)}`}; got ${JSON.stringify(error.data)}`;
    default:
      return `${at} ${error.message ?? 'is not valid'}`;
  }
}
