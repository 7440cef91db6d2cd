// The language of text in another script (PDF/UA-1, 7.2; WCAG 3.1.2). Names from the data come
// marked (`<span lang="zh">`), but free text does not: a claim that quotes 工业和信息化部, an alias
// list, a document title in the pack's contents. Before printing, each run of a script the page's
// language is not written in, outside any element that names a language, is put in a
// `<span lang>` of the language that script is written in: kana Japanese, Hangul Korean, Han the
// language the document's own marked Han text names (else Chinese), and so on. Cyrillic and Latin
// serve too many languages to guess, and are left alone. Only the printed page changes.

/** The global the print page keeps the marking under (installed once, with the skeleton). */
export const MARK_FOREIGN_SCRIPTS = '__briefMarkForeignScripts';

/** Marks the body's foreign-script runs; evaluated in the browser, so self-contained. Returns how many. */
export function markForeignScripts(): number {
  const scripts: Array<[RegExp, string]> = [
    [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
    [/\p{Script=Hangul}/u, 'ko'],
    [/\p{Script=Han}/u, 'zh'],
    [/\p{Script=Arabic}/u, 'ar'],
    [/\p{Script=Hebrew}/u, 'he'],
    [/\p{Script=Devanagari}/u, 'hi'],
    [/\p{Script=Thai}/u, 'th'],
    [/\p{Script=Greek}/u, 'el'],
  ];
  // A run: letters of those scripts, with the CJK punctuation and spaces between them.
  const run = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Greek}](?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Greek}\p{M}\u3000-\u303f\uff00-\uffef\u30fb]|\s(?=[\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Greek}]))*/gu;
  const page = (document.documentElement.lang || 'en').toLowerCase();
  const primary = page.split('-')[0] ?? page;
  const native: Record<string, string[]> = { zh: ['zh'], ja: ['ja', 'zh'], ko: ['ko', 'zh'], ar: ['ar'], he: ['he'], hi: ['hi'], th: ['th'], el: ['el'] };
  const own = new Set(native[primary] ?? []);
  // Han is read as the language the document's own marked Han text names, where there is any.
  let han = 'zh';
  for (const element of Array.from(document.body.querySelectorAll('[lang]'))) {
    if (/\p{Script=Han}/u.test(element.textContent ?? '')) {
      han = element.getAttribute('lang') || 'zh';
      break;
    }
  }
  const languageOf = (text: string): string | undefined => {
    for (const [pattern, lang] of scripts) if (pattern.test(text)) return lang === 'zh' ? han : lang;
    return undefined;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // Marked already, or in a drawing (an SVG chart is one Figure with its own text).
    const named = parent?.closest('[lang]');
    if (!parent || (named && named !== document.documentElement) || parent.closest('svg, script, style')) continue;
    run.lastIndex = 0;
    if (run.test((node as Text).data)) nodes.push(node as Text);
  }
  let marked = 0;
  for (const node of nodes) {
    const fragment = document.createDocumentFragment();
    let from = 0;
    run.lastIndex = 0;
    for (let found = run.exec(node.data); found; found = run.exec(node.data)) {
      const lang = languageOf(found[0]);
      if (!lang || own.has(lang.split('-')[0] ?? lang)) continue;
      fragment.append(node.data.slice(from, found.index));
      const span = document.createElement('span');
      span.lang = lang;
      span.setAttribute('role', 'generic');
      span.textContent = found[0];
      fragment.append(span);
      from = found.index + found[0].length;
      marked++;
    }
    if (from === 0) continue;
    fragment.append(node.data.slice(from));
    node.replaceWith(fragment);
  }
  return marked;
}
