// Labels in the document's language (issue 23, item 1): `languages/<tag>.yaml` beside labels.yaml
// lays a translation over the English labels key by key, chosen by the dataset's `meta.language`,
// as Quarto ships its `_language-xx.yml`.

/** The folder, beside labels.yaml, that holds one labels file per language. */
export const LANGUAGES_FOLDER = 'languages';

/** The bundled translations: every one names every key of labels.yaml (a test holds it to that). */
export const BUNDLED_LANGUAGES = ['ja', 'ko', 'zh-Hans', 'zh-Hant', 'fr', 'de', 'es', 'ar'] as const;

/** Chinese written in traditional characters: Taiwan, Hong Kong, Macau, or the script named. */
const TRADITIONAL = /^zh-(?:.*-)?(?:hant|tw|hk|mo)(?:-|$)/;

/**
 * The labels file names a language tag may be served by, best first: the tag itself, Chinese by
 * script (zh-CN -> zh-Hans, zh-TW -> zh-Hant), then its language alone (fr-CA -> fr).
 */
export function languageCandidates(lang: string): string[] {
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  const language = tag.split('-')[0] ?? tag;
  const found = [tag];
  if (language === 'zh') found.push(TRADITIONAL.test(tag) ? 'zh-hant' : 'zh-hans');
  found.push(language);
  return [...new Set(found)];
}

/** The translation in force for `lang` among `overlays` (keyed by lower-case tag), if any. */
export function overlayFor<T>(overlays: ReadonlyMap<string, T>, lang: string): T | undefined {
  for (const tag of languageCandidates(lang)) {
    const found = overlays.get(tag);
    if (found) return found;
  }
  return undefined;
}

/** True where a templates folder's label says what the bundled English one says: a copy, not a re-wording. */
export function sameLabel(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
