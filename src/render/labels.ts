// Every word a document prints that is not data comes from a labels file (issue 13, item 6), as
// Quarto's _language.yml does: templates/labels.yaml, which a templates folder overrides key by key,
// so an office can re-word or translate its briefs without touching code.
import { isMap, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { TemplateError } from '../errors.js';
import { FormatError } from './format/format-error.js';
import { formatNumber } from './format/numbers.js';
import { closestName } from '../text/closest-name.js';
import { overlayFor } from './label-languages.js';

/** The CLDR plural categories a label may give forms for; `other` is required. */
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralForms = Partial<Record<(typeof PLURAL_CATEGORIES)[number], string>> & { other: string };

/** One label as read: its text (or plural forms) and where it was written. */
export interface LabelEntry {
  value: string | PluralForms;
  file: string;
  line: number;
  col: number;
}

/** What fills a label's {placeholders}; `count` also chooses its plural form. */
export type LabelValues = Record<string, string | number>;

const PLACEHOLDER = /\{([a-z][a-z-]*)\}/g;

function placeholdersOf(value: LabelEntry['value']): Set<string> {
  const texts = typeof value === 'string' ? [value] : Object.values(value);
  return new Set(texts.flatMap((text) => [...(text ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!)));
}

/**
 * A labels file's text as entries keyed by dotted path ("heading.notes"); refuses what is not a
 * label. `reference` (the bundled labels, for a file laid over them) tells a label's plural forms
 * from a group of labels, so that a misspelled category is named at its own line (issue 20).
 */
export function parseLabels(source: string, file: string, reference?: ReadonlyMap<string, LabelEntry>): Map<string, LabelEntry> {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  const at = (node: Node | null | undefined) => lines.linePos(node?.range?.[0] ?? 0);
  const fail = (node: Node | null | undefined, message: string): never => {
    const { line, col } = at(node);
    throw new TemplateError(`${file}:${line}:${col}  ${message}`);
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const { line, col } = error.linePos?.[0] ?? { line: 1, col: 1 };
    if (error.code === 'MULTIPLE_DOCS') throw new TemplateError(`${file}:${line}:${col}  a labels file holds one YAML document; found a second (---) here`);
    throw new TemplateError(`${file}:${line}:${col}  not a labels file: ${error.message.split('\n')[0]}`);
  }
  const entries = new Map<string, LabelEntry>();
  const walk = (node: Node, path: string[]) => {
    if (!isMap(node)) return fail(node, `expected a mapping of labels${path.length ? ` under "${path.join('.')}"` : ''}`);
    for (const pair of node.items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : fail(keyNode, 'a label key must be a plain word');
      const value = pair.value as Node | null;
      const here = [...path, key];
      if (isScalar(value) && typeof value.value === 'string') {
        entries.set(here.join('.'), { value: value.value, ...at(keyNode), file });
      } else if (isMap(value) && holdsPluralForms(value, here.join('.'), reference)) {
        const name = here.join('.');
        const base = reference?.get(name);
        if (base && !takesCount(base)) {
          fail(keyNode, `label "${name}" takes no count, so it has no plural forms; give it one text`);
        }
        const forms: Record<string, string> = {};
        for (const p of value.items) {
          const category = String((p.key as { value: unknown }).value);
          if (!(PLURAL_CATEGORIES as readonly string[]).includes(category)) {
            const near = closestName(category, PLURAL_CATEGORIES);
            fail(p.key as Node, `unknown plural category "${category}" for ${name}; expected one of ${PLURAL_CATEGORIES.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`);
          }
          if (!isScalar(p.value) || typeof p.value.value !== 'string') fail(p.value as Node, `label "${name}": each plural form is text`);
          forms[category] = String((p.value as { value: unknown }).value);
        }
        if (forms.other === undefined) fail(value, `label "${name}" gives plural forms but no "other"`);
        entries.set(name, { value: forms as PluralForms, ...at(keyNode), file });
      } else if (isMap(value)) {
        walk(value, here);
      } else {
        fail(value ?? keyNode, `label "${here.join('.')}" must be text (quote it if it is a number or yes/no)`);
      }
    }
  };
  if (doc.contents) walk(doc.contents as Node, []);
  return entries;
}

/**
 * True where a mapping is one label's plural forms, not a group of labels: the reference says so
 * where it has the label; else every key is a plural category, in any case (`One:` is a typo of one).
 */
function holdsPluralForms(node: YAMLMap, name: string, reference: ReadonlyMap<string, LabelEntry> | undefined): boolean {
  if (reference?.has(name)) return true;
  const prefix = `${name}.`;
  if (reference && [...reference.keys()].some((key) => key.startsWith(prefix))) return false;
  return node.items.every((p) => isScalar(p.key) && (PLURAL_CATEGORIES as readonly string[]).includes(String(p.key.value).toLowerCase()));
}

/** A label takes a count where it has plural forms or a {count} placeholder. */
const takesCount = (entry: LabelEntry) => typeof entry.value !== 'string' || placeholdersOf(entry.value).has('count');

/**
 * The bundled labels with `override`'s laid over them key by key. A key the bundled file does not
 * have, or a placeholder its label does not take, is a typo: refused at its line.
 */
export function overrideLabels(bundled: Map<string, LabelEntry>, override: Map<string, LabelEntry>): Map<string, LabelEntry> {
  const merged = new Map(bundled);
  for (const [key, entry] of override) {
    const base = bundled.get(key);
    const place = `${entry.file}:${entry.line}:${entry.col}`;
    if (!base) {
      const near = closestName(key, [...bundled.keys()]);
      const hint = near ? `; did you mean "${near}"?` : '';
      throw new TemplateError(`${place}  unknown label "${key}"${hint}`);
    }
    const allowed = placeholdersOf(base.value);
    const unknown = [...placeholdersOf(entry.value)].filter((p) => !allowed.has(p));
    if (unknown.length > 0) {
      const takes = allowed.size ? `it takes ${[...allowed].map((p) => `{${p}}`).join(', ')}` : 'it takes none';
      throw new TemplateError(`${place}  label "${key}" uses ${unknown.map((p) => `{${p}}`).join(', ')}; ${takes}`);
    }
    merged.set(key, entry);
  }
  return merged;
}


const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(lang: string, count: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/** The labels in force for a set of templates, looked up by key. */
export class Labels {
  constructor(
    readonly entries: ReadonlyMap<string, LabelEntry>,
    /** The file that names every label: where a missing one should be added. */
    readonly file: string,
    /** Translations by lower-case language tag (`ja`, `zh-hans`), each laid over `entries` (issue 23). */
    readonly languages: ReadonlyMap<string, ReadonlyMap<string, LabelEntry>> = new Map(),
    /** Keys a templates folder re-worded: they win over every translation, as they did before there were any. */
    readonly reworded: ReadonlySet<string> = new Set(),
  ) {}

  /** The label `key` as `lang` reads it: a templates folder's own wording, else its translation, else English. */
  entry(key: string, lang = 'en'): LabelEntry | undefined {
    if (!this.reworded.has(key)) {
      const translated = overlayFor(this.languages, lang)?.get(key);
      if (translated) return translated;
    }
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * The label `key` in `lang` with its {placeholders} filled from `values` (numbers written as
   * `lang` writes them); a number `values.count` chooses the plural form. Throws FormatError naming
   * the key when there is no such label or a placeholder has no value.
   */
  text(key: string, values: LabelValues = {}, lang = 'en'): string {
    const entry = this.entry(key, lang);
    if (!entry) throw new FormatError(`wants a label "${key}", which ${this.file} does not have`);
    let text: string;
    if (typeof entry.value === 'string') text = entry.value;
    else {
      const count = Number(values.count);
      const category = Number.isFinite(count) ? pluralCategory(lang, count) : 'other';
      // An exact 0, 1 or 2 may have a form of its own, as ICU's "=0" does.
      const exact = count === 0 ? entry.value.zero : undefined;
      text = exact ?? entry.value[category as keyof PluralForms] ?? entry.value.other;
    }
    if (!text.includes('{')) return text;
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) throw new FormatError(`label "${key}" (${entry.file}:${entry.line}) needs a value for {${name}}`);
      return typeof value === 'number' ? formatNumber(value, lang) : value;
    });
  }
}
