// `brief check`: every data string holding a character no bundled font draws (issue 11), at its
// place, so it is found before a build fails the documents that print it.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Problem } from '../errors.js';
import { describeCharacter, findUndrawable } from '../fonts/can-draw.js';
import { formatPath, type DataPath, type YamlFile } from './yaml-document.js';

/** Characters named one by one in a problem; the rest are counted. */
const NAMED = 3;

/** A problem for each string value in `files` that holds characters no bundled font draws. */
export function findUndrawableText(files: YamlFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const yaml of files) {
    visitStrings(yaml.doc.contents, [], (value, path, offset) => {
      const found = findUndrawable(value);
      if (found.length === 0) return;
      const { line, col } = yaml.lines.linePos(offset);
      const named = found.slice(0, NAMED).map(describeCharacter).join(', ');
      const more = found.length - NAMED;
      problems.push({
        file: yaml.file,
        line,
        col,
        path: formatPath(path),
        message: `no bundled font can draw ${named}${more > 0 ? ` (and ${more} more character${more === 1 ? '' : 's'})` : ''}`,
      });
    });
  }
  return problems;
}

/** Calls `visit` with every string value under `node` (keys and aliases are not values of their own). */
function visitStrings(node: Node | null | undefined, path: DataPath, visit: (value: string, path: DataPath, offset: number) => void): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      visitStrings(pair.value as Node | null, [...path, String(key)], visit);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => visitStrings(item as Node | null, [...path, index], visit));
  } else if (isScalar(node) && typeof node.value === 'string') {
    visit(node.value, path, node.range?.[0] ?? 0);
  }
}
