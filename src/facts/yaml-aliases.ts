// YAML aliases made safe: a document's values, or where its aliases go wrong and why.
import { isAlias, isCollection, isPair, isScalar, visit, type Alias, type Document, type Node } from 'yaml';

/** The copies aliases may make before a document is taken for an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;

/**
 * The document as plain values, or the offset of the alias at fault with what is wrong.
 * `mayHaveAnchors` (the text holds an "&") spares the walk that finds aliases in most files.
 */
export function toValues(doc: Document, mayHaveAnchors: boolean): { data: unknown } | { offset: number; message: string } {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return explainFailure(doc, error);
  }
  const looping = mayHaveAnchors ? readAliases(doc).find((a) => a.insideTarget) : undefined;
  if (looping) {
    return { offset: offsetOf(looping.alias), message: `YAML: alias *${looping.alias.source} stands inside the value it names, which would hold itself` };
  }
  return { data };
}

interface AliasUse {
  alias: Alias;
  target: Node | undefined;
  /** The alias sits inside the node it names: its value would contain itself. */
  insideTarget: boolean;
}

/** Every alias in document order, with the node it names as the YAML library resolves it. */
function readAliases(doc: Document): AliasUse[] {
  const anchors = new Map<string, Node>();
  const uses: AliasUse[] = [];
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        uses.push({ alias: node, target, insideTarget: target !== undefined && path.includes(target) });
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  return uses;
}

function explainFailure(doc: Document, error: unknown): { offset: number; message: string } {
  const uses = readAliases(doc);
  const unresolved = uses.find((u) => u.target === undefined);
  if (unresolved) {
    const name = unresolved.alias.source;
    return { offset: offsetOf(unresolved.alias), message: `YAML: alias *${name} names no anchor &${name} set before it` };
  }
  // Too many copies: point at the alias that expands most, where the bomb is armed.
  const targets = new Map(uses.map((u) => [u.alias as Node, u.target]));
  const sizes = new Map<Node, number>();
  let worst: AliasUse | undefined;
  let worstSize = -1;
  for (const use of uses) {
    const size = use.target ? expandedSize(use.target, targets, sizes) : 0;
    if (size > worstSize) [worst, worstSize] = [use, size];
  }
  const offset = worst ? offsetOf(worst.alias) : 0;
  if (/alias/i.test(error instanceof Error ? error.message : '')) {
    return { offset, message: `YAML: aliases expand too far here (more than ${MAX_ALIAS_COUNT} copies, as in an alias bomb); write the values out` };
  }
  return { offset, message: `YAML: cannot read the values: ${error instanceof Error ? error.message : String(error)}` };
}

/** How many values a node stands for once every alias in it is expanded. */
function expandedSize(node: unknown, targets: Map<Node, Node | undefined>, sizes: Map<Node, number>): number {
  if (isAlias(node)) {
    const target = targets.get(node);
    return target ? expandedSize(target, targets, sizes) : 0;
  }
  if (isScalar(node)) return 1;
  if (isPair(node)) return expandedSize(node.key, targets, sizes) + expandedSize(node.value, targets, sizes);
  if (!isCollection(node)) return 0;
  const known = sizes.get(node);
  if (known !== undefined) return known;
  sizes.set(node, 1); // A collection inside itself counts once.
  let size = 1;
  for (const item of node.items) size += expandedSize(item, targets, sizes);
  sizes.set(node, size);
  return size;
}

function offsetOf(node: Node): number {
  return node.range?.[0] ?? 0;
}
