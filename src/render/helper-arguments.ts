// What each helper accepts, checked on every call, so a wrong call fails with the template's line
// instead of printing "NaN" or "[object Object]" (issue 11).
import Handlebars from 'handlebars';
import { FormatError } from './format/format-error.js';

/** One positional argument: what it must be, said as the error message says it. */
export interface ArgumentKind {
  /** "a date like \"2023-08-24\"": completes "date wants ...". */
  wants: string;
  /** True when the value will do. */
  accepts(value: unknown): boolean;
}

/** A helper's arguments in order; the optional ones come last. */
export interface HelperSignature {
  required: ArgumentKind[];
  optional?: ArgumentKind[];
}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptional = (value: unknown, test: (v: unknown) => boolean) => value === undefined || value === null || test(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNoteNumber = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;
const isNative = (value: unknown) => isObject(value) && isString(value.text) && isString(value.lang);

/** The kinds of argument the helpers take. */
export const ARGUMENTS = {
  date: {
    wants: 'a date like "2023-08-24"',
    accepts: (v) => (isString(v) && DATE.test(v)) || (Number.isInteger(v) && (v as number) >= 1000 && (v as number) <= 9999),
  },
  dateStyle: { wants: '"short" or "long" after the date', accepts: (v) => v === 'short' || v === 'long' },
  markdown: { wants: 'Markdown text (a string)', accepts: isString },
  plainText: { wants: 'text (a string)', accepts: isString },
  chinese: { wants: 'Chinese text (a string)', accepts: isString },
  amount: {
    wants: 'an amount (an object with a currency, and amount or min and max)',
    accepts: (v) =>
      isObject(v) &&
      isString(v.currency) &&
      [v.amount, v.min, v.max].every((f) => isOptional(f, isNumber)) &&
      isOptional(v.qualifier, isString),
  },
  rate: {
    wants: 'an exchange rate (an object with from, to, rate and basis)',
    accepts: (v) => isObject(v) && isString(v.from) && isString(v.to) && isNumber(v.rate) && isString(v.basis),
  },
  figure: {
    wants: 'a figure (an object with a value: a number, "unknown" or a size in words)',
    accepts: (v) => isObject(v) && (isNumber(v.value) || isString(v.value)) && isOptional(v.unit, isString) && isOptional(v.qualifier, isString),
  },
  name: {
    wants: 'a name (an object with en, and native where known)',
    accepts: (v) => isObject(v) && isString(v.en) && isOptional(v.native, isNative),
  },
  native: { wants: 'a native name (an object with text and lang)', accepts: isNative },
  noteNumber: { wants: 'an endnote number (a whole number from 1)', accepts: isNoteNumber },
  noteNumbers: { wants: 'a list of endnote numbers', accepts: (v) => Array.isArray(v) && v.every(isNoteNumber) },
  count: { wants: 'a count (a number) first', accepts: isNumber },
  singular: { wants: 'the singular word (a string) second', accepts: isString },
  plural: { wants: 'the plural word (a string) third, or nothing', accepts: isString },
  strings: { wants: 'a list of strings', accepts: (v) => Array.isArray(v) && v.every(isString) },
  separator: { wants: 'a separator (a string) after the list', accepts: isString },
  since: {
    wants: "the document's changes (@root.since), or null",
    accepts: (v) => v === null || (isObject(v) && Array.isArray(v.notes)),
  },
  stopMark: { wants: 'the mark to print (a string) after the text, or nothing', accepts: isString },
} as const satisfies Record<string, ArgumentKind>;

/** A value as the message shows it: `nothing`, `null`, `the number 3`, `an object (en, zh)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Handlebars.SafeString) return 'HTML made by another helper';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    // The item that differs from the first is the likelier culprit.
    const shown = value.find((item) => typeof item !== typeof value[0]) ?? value[0];
    return `a list of ${value.length} item${value.length === 1 ? '' : 's'} such as ${describeValue(shown)}`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length ? `an object (${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', ...' : ''})` : 'an empty object';
  }
  return `a ${typeof value}`;
}

/** True when the object has a key: without the array Object.keys() would make on every call. */
function hasKeys(object: object | undefined): boolean {
  for (const _ in object) return true;
  return false;
}

/** What is wrong with a call, or undefined when nothing is; on every helper call, so no allocation. */
function findProblem(
  name: string,
  kinds: ArgumentKind[],
  required: number,
  args: unknown[],
  options: Handlebars.HelperOptions,
): string | undefined {
  const given = args.length - 1; // The last is Handlebars' options.
  if (hasKeys(options.hash)) {
    return `${name} takes no name=value arguments; got ${Object.keys(options.hash).map((k) => `${k}=`).join(', ')}`;
  }
  if (given > kinds.length) {
    return `${name} takes ${kinds.length === 1 ? 'one argument' : `at most ${kinds.length} arguments`}; got ${given}`;
  }
  for (let i = 0; i < kinds.length; i++) {
    if (i >= given && i >= required) break;
    const value = i < given ? args[i] : undefined;
    if (!kinds[i]!.accepts(value)) return `${name} wants ${kinds[i]!.wants}; got ${describeValue(value)}`;
  }
  return undefined;
}

/**
 * A helper whose arguments are checked first: a wrong call, or input its formatter refuses, fails
 * as a Handlebars exception carrying the call's place, which names the template file and line.
 */
export function checkedHelper(
  name: string,
  signature: HelperSignature,
  format: (...args: never[]) => unknown,
): Handlebars.HelperDelegate {
  const kinds = [...signature.required, ...(signature.optional ?? [])];
  const required = signature.required.length;
  return (...args: unknown[]) => {
    const options = args[args.length - 1] as Handlebars.HelperOptions;
    const problem = findProblem(name, kinds, required, args, options);
    if (problem) throw new Handlebars.Exception(problem, options as never);
    args.length--; // Handlebars' options are no argument of the formatter.
    try {
      return format(...(args as never[]));
    } catch (error) {
      if (error instanceof FormatError) throw new Handlebars.Exception(`${name} ${error.message}`, options as never);
      throw error;
    }
  };
}
