// YAML folds a line break in folded (`>-`) and multi-line plain text into a space. Between two
// Chinese or Japanese characters that space is visible and wrong, since neither language puts
// spaces between words (issue 23, item 5): there the fold joins the lines without one. Korean,
// which spaces its words, and every literal (`|`) block are left as YAML reads them.
import { Scalar, visit, type Document } from 'yaml';

const HAN_KANA = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}ー\\u3000-\\u303f\\uff01-\\uff60';
const FOLD_BETWEEN = new RegExp(`(?<=[${HAN_KANA}]) (?=[${HAN_KANA}])`, 'gu');

/** `value` with a space between two Chinese or Japanese characters left out. */
export function joinCjkFolds(value: string): string {
  return value.replace(FOLD_BETWEEN, '');
}

/** Every folded or multi-line text of `doc` joined as Chinese and Japanese are written; `text` is the file's source. */
export function joinCjkFoldsIn(doc: Document, text: string): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || node.type === Scalar.BLOCK_LITERAL || !node.range) return;
      if (!node.value.includes(' ') || !text.slice(node.range[0], node.range[1]).includes('\n')) return;
      node.value = joinCjkFolds(node.value);
    },
  });
}
