// Checks one data file against the JSON Schema and turns Ajv's errors into one problem each.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CODE_DIR } from '../package.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Problem } from '../errors.js';
import { describeImpossibleDate } from './describe-date.js';
import { describeOldForm, OLD_FIELDS } from './old-model-hints.js';
import { article, isNonFinite, kindOf, show } from './show-value.js';
import { formatPath, locate, spellingAt, type DataPath, type YamlFile } from './yaml-document.js';
import { closestName } from '../text/closest-name.js';

let validator: ValidateFunction | undefined;

/**
 * Loads the validator compiled at build time (scripts/compile-validator.mjs); where there is none
 * (running from source), compiles the schema now. Importing and compiling Ajv cost ~0.5 s a run.
 */
export async function prepareValidator(): Promise<ValidateFunction> {
  if (validator) return validator;
  validator = loadPrecompiled() ?? (await import('./compile-validator.js')).compileValidator();
  return validator;
}

interface SchemaNode {
  errorMessage?: string;
  anyOf?: Array<{ const?: unknown; format?: string; type?: string }>;
  properties?: Record<string, unknown>;
}

/** Every schema problem in the file, one per place, each with a message a person can act on. */
export function validateSchema(validate: ValidateFunction, yaml: YamlFile): Problem[] {
  if (validate(yaml.data ?? {})) return [];
  const errors = validate.errors ?? [];
  // A failed anyOf reports each branch as well; keep only the anyOf itself for those places.
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  // A misspelt field is also a missing one; the typo's message names both.
  const typoFor = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => {
        const field = String(e.params.additionalProperty);
        const known = Object.keys((e.parentSchema as SchemaNode | undefined)?.properties ?? {});
        return `${e.instancePath}/${OLD_FIELDS[field] ?? closestName(field, known) ?? ''}`;
      }),
  );
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && unionPaths.has(error.instancePath) && !isInsideBranchMismatch(error)) continue;
    if (error.keyword === 'required' && typoFor.has(`${error.instancePath}/${String(error.params.missingProperty)}`)) continue;
    const path = toPath(error.instancePath);
    const key = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
    const message = describe(error, yaml, path);
    const where = locate(yaml, path, key);
    const shownPath = formatPath(key ? [...path, key] : path);
    const id = `${where.line}:${where.col}:${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({ file: yaml.file, line: where.line, col: where.col, path: shownPath, message });
  }
  return problems;
}

/** The build's validator, through require(): import() would scan its 0.5 MB for named exports. */
function loadPrecompiled(): ValidateFunction | undefined {
  try {
    return (createRequire(import.meta.url)(join(CODE_DIR, 'facts/data-file-validator.cjs')) as { default: ValidateFunction }).default;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

function isInsideBranchMismatch(error: ErrorObject): boolean {
  return error.keyword === 'additionalProperties' || error.keyword === 'required';
}

function toPath(pointer: string): DataPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject, yaml: YamlFile, path: DataPath): string {
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const value = valueAt(yaml.data, path);
  // .nan and .inf have no JSON: say them as the file does.
  const spelled = isNonFinite(value) ? (spellingAt(yaml, path) ?? show(value)) : undefined;
  const shown = () => spelled ?? show(value);
  const field = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
  const old = describeOldForm(error.keyword, field, path, field === undefined ? value : undefined);
  if (old) return old;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      const known = Object.keys(schema.properties ?? {});
      const guess = closestName(field, known);
      return guess
        ? `unknown field "${field}"; did you mean "${guess}"?`
        : `unknown field "${field}"; expected one of: ${known.join(', ')}`;
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      return `missing required field "${missing}"${REQUIRED_HINTS[missing] ? `: ${REQUIRED_HINTS[missing]}` : ''}`;
    }
    case 'type':
      if (spelled) return `expected a finite ${String(error.params.type)}, got ${spelled}`;
      return `expected ${article(String(error.params.type))}, got ${kindOf(value)}`;
    case 'anyOf': {
      const branches = schema.anyOf ?? [];
      const impossible = branches.some((b) => b.format === 'date') ? describeImpossibleDate(value) : undefined;
      if (impossible) return `expected a date that exists: ${impossible}; got ${shown()}`;
      if (schema.errorMessage) return `expected ${schema.errorMessage}, got ${shown()}`;
      const options = branches.map((s) => s.const).filter((c) => c !== undefined);
      if (spelled && branches.some((b) => b.type === 'number' || b.type === 'integer')) {
        return `expected ${listAlternatives(['a finite number', ...options.map((o) => JSON.stringify(o))])}, got ${spelled}`;
      }
      if (options.length > 0) return `expected one of: ${options.join(', ')}; got ${shown()}`;
      return `does not match any allowed form; got ${shown()}`;
    }
    case 'pattern':
      return schema.errorMessage ? `expected ${schema.errorMessage}, got ${shown()}` : `does not match ${String(error.params.pattern)}: ${shown()}`;
    case 'minLength':
      return 'must not be empty';
    case 'minItems':
      return `needs at least ${String(error.params.limit)} item(s)`;
    case 'uniqueItems':
      return `lists the same value twice (items ${String(error.params.j)} and ${String(error.params.i)})`;
    default:
      return `${error.message ?? 'is not valid'}${value === undefined ? '' : `; got ${shown()}`}`;
  }
}

/** What a required field is for, where its name alone does not say. */
const REQUIRED_HINTS: Readonly<Record<string, string>> = {
  basis: 'where the rate comes from, e.g. "the source\'s own conversion" or a central bank\'s reference rate and its date',
};

/** "a, b or c". */
function listAlternatives(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

