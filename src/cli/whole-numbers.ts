// The command line's numeric options, one rule for all (issue 20): a whole number within the
// option's range, read from the text the user typed, or a usage error quoting that text. yargs'
// own `type: 'number'` turned "abc" into NaN and passed 1e99 and 3000000000 on, which Node's
// timers then clamped to 1 ms (a TimeoutOverflowWarning): so these options are declared as
// strings and read here, and nothing is clamped.
import { MAX_TIMER_MS } from '../contracts/run-defaults.js';
import { UsageError } from '../errors.js';
import { describeSetting } from './setting-origin.js';

/** The most pages rendering at once, as the config schema allows. */
export const MAX_CONCURRENCY = 64;

/** Each numeric option and the whole numbers it takes. */
export const WHOLE_NUMBER_OPTIONS = {
  concurrency: { min: 1, max: MAX_CONCURRENCY, unit: '' },
  timeout: { min: 1, max: MAX_TIMER_MS, unit: ' of milliseconds' },
  port: { min: 0, max: 65_535, unit: '' },
} as const satisfies Record<string, { min: number; max: number; unit: string }>;

export type WholeNumberOption = keyof typeof WHOLE_NUMBER_OPTIONS;

/** The option's help text, with its range: "... (1 to 64)". */
export function describeRange(name: WholeNumberOption, text: string): string {
  const { min, max } = WHOLE_NUMBER_OPTIONS[name];
  return `${text} (a whole number, ${min} to ${max})`;
}

/**
 * The declaration of a numeric option: a string to yargs, so the text given reaches
 * readWholeNumbers (the middleware main.ts runs), which makes it the number the type promises.
 */
export function wholeNumberOption(name: WholeNumberOption, text: string): { type: 'number'; describe: string } {
  return { type: 'string', describe: describeRange(name, text) } as unknown as { type: 'number'; describe: string };
}

/** The value as a number, or a usage error naming where it came from and quoting what was given. */
export function readWholeNumber(name: WholeNumberOption, value: unknown): number {
  const { min, max, unit } = WHOLE_NUMBER_OPTIONS[name];
  const setting = describeSetting(name, value, undefined).name;
  if (Array.isArray(value)) {
    throw new UsageError(`${setting} is given ${value.length} times (${value.map((v) => JSON.stringify(String(v))).join(', ')}); give it once`);
  }
  const text = typeof value === 'string' ? value : String(value);
  const number = typeof value === 'number' ? value : /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${setting} expects a whole number${unit} from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return number;
}

/** yargs middleware: every numeric option present is read by its rule, in place. */
export function readWholeNumbers(args: Record<string, unknown>): void {
  for (const name of Object.keys(WHOLE_NUMBER_OPTIONS) as WholeNumberOption[]) {
    if (args[name] !== undefined) args[name] = readWholeNumber(name, args[name]);
  }
}
