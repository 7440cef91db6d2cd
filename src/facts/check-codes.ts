// Codes the schema can only shape-check (issue 20): a currency must be one Intl knows (ISO 4217),
// and the data's language a tag Intl can name, or numbers and dates fall back silently. Pure.
import type { Problem } from '../errors.js';
import { matchPath } from './references.js';
import { formatPath, locate, type YamlFile } from './yaml-document.js';

/** Every place the schema takes a currency code. */
const CURRENCY_PATHS = [
  'meta.comparisonCurrency',
  'programmes.*.incentives.*.currency',
  'programmes.*.incentives.*.reported.currency',
  'programmes.*.incentives.*.rate.to',
  'sources.*.rates.*.currency',
  'sources.*.rates.*.to',
] as const;

/** Every place the schema takes a language tag: the data's own, and each name in its own script. */
const LANGUAGE_PATHS = ['meta.language', 'programmes.*.name.native.lang', 'people.*.native.lang', 'organisations.*.native.lang'] as const;

let currencies: readonly string[] | undefined;
const knownCurrencies = () => (currencies ??= Intl.supportedValuesOf('currency'));

/** A problem for each currency code Intl does not know and for a language tag it cannot name. */
export function checkCodes(files: readonly YamlFile[]): Problem[] {
  const problems: Problem[] = [];
  const problemAt = (yaml: YamlFile, path: Array<string | number>, message: string) =>
    problems.push({ file: yaml.file, ...locate(yaml, path), path: formatPath(path), message });
  for (const yaml of files) {
    for (const pattern of CURRENCY_PATHS) {
      for (const { path, value } of matchPath(yaml.data, pattern)) {
        if (typeof value !== 'string' || knownCurrencies().includes(value)) continue;
        const near = nearestCurrency(value);
        problemAt(yaml, path, `unknown currency "${value}"; expected an ISO 4217 code such as EUR, USD or KRW${near ? ` (did you mean "${near}"?)` : ''}`);
      }
    }
    for (const pattern of LANGUAGE_PATHS) {
      for (const { path, value } of matchPath(yaml.data, pattern)) {
        if (typeof value !== 'string') continue;
        const reason = languageProblem(value);
        if (reason) problemAt(yaml, path, `language "${value}" ${reason}; expected a BCP 47 tag such as en, en-GB, fr, ko or zh-Hans`);
      }
    }
  }
  return problems;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Why a tag would not be used as written: not BCP 47, or a language (or variant) Intl has no name for. */
function languageProblem(tag: string): string | null {
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    return 'is not a valid BCP 47 tag';
  }
  return languageNames.of(tag) === undefined ? 'names no language known here' : null;
}

/** The code a mistyped one was meant as: the same letters in another order (CYN: CNY), else one letter off. */
function nearestCurrency(code: string): string | undefined {
  const letters = (text: string) => [...text.toUpperCase()].sort().join('');
  const known = knownCurrencies();
  const anagram = known.find((c) => letters(c) === letters(code));
  if (anagram) return anagram;
  const oneOff = known.filter((c) => c.length === code.length && [...c].filter((ch, i) => ch !== code.toUpperCase()[i]).length === 1);
  return oneOff.length === 1 ? oneOff[0] : undefined;
}
