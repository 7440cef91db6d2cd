// yargs takes a word starting with "-" for a flag even right after an option that wants a value:
// `--shard -1/2` said "Unknown argument: 1" (issue 11). Such a value is attached to its option.
import type { OptionTable } from './option-table.js';

const OPTION = /^--?([^=]+)$/;

/** True for a word the command line would read as one of its own flags: `--force`, `--no-zip`, `-q`. */
function isKnownFlag(word: string, table: OptionTable): boolean {
  const long = /^--([^=]+)(=|$)/.exec(word);
  if (long) return table.known.has(long[1]!) || (long[1]!.startsWith('no-') && table.known.has(long[1]!.slice(3)));
  // A group of one-letter flags, `-qh`.
  return /^-[^-]/.test(word) && [...word.slice(1)].every((letter) => table.known.has(letter));
}

/**
 * `--shard -1/2` becomes `--shard=-1/2`: a word starting with "-" after an option that takes a
 * value is that value, unless it is one of the command line's own flags or `--`, which ends the
 * options. The table is read only when such a word follows an option.
 */
export function attachDashValues(argv: string[], readTable: () => OptionTable): string[] {
  let table: OptionTable | undefined;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    const option = OPTION.exec(word);
    if (option && next !== undefined && next !== '--' && next.startsWith('-')) {
      table ??= readTable();
      if (table.takesValue.has(option[1]!) && !isKnownFlag(next, table)) {
        out.push(`${word}=${next}`);
        i++;
        continue;
      }
    }
    out.push(word);
  }
  return out;
}
