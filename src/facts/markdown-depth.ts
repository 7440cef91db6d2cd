// How deep Markdown nests, as markdown-it itself parses it: past its limit (maxNesting, 100 in the
// preset the renderer uses) markdown-it drops the rest of the text without a word (issue 11).
import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

// Required where it is installed, not bundled into the data worker: only data deep enough to be
// suspect loads it, and parsing its ~270 KB would slow every build's start.
const MarkdownItClass = createRequire(import.meta.url)('markdown-it') as typeof MarkdownIt;
const md = new MarkdownItClass();

/** The nesting markdown-it allows: quotes and lists within each other, each list two levels. */
export const MAX_NESTING = (md.options as { maxNesting?: number }).maxNesting ?? 100;

let dropped = false;
const tokenize = md.block.tokenize.bind(md.block);
// Quotes and lists parse their contents through this call: at the limit, markdown-it skips those lines.
md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
  if (state.level >= MAX_NESTING) {
    const line = state.skipEmptyLines(startLine);
    if (line < endLine && (state.sCount[line] ?? 0) >= state.blkIndent) dropped = true;
  }
  tokenize(state, startLine, endLine);
};

/** True when markdown-it would leave part of this text out for nesting too deep. */
export function dropsNestedText(source: string): boolean {
  dropped = false;
  md.parse(source, {});
  return dropped;
}
