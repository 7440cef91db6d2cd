// Which flags the command line declares and which of them take a value, read from the very
// declarations yargs is given, so the two never drift apart.
import type { Argv, CommandModule, Options } from 'yargs';

/** The names (aliases included) the command line knows, and those that take a value. */
export interface OptionTable {
  known: Set<string>;
  takesValue: Set<string>;
}

// yargs' own flags.
const BUILT_IN = ['help', 'h', 'version'];

/** The options a command's builder declares, recorded by running it on a stand-in for yargs. */
function declaredBy(builder: CommandModule['builder']): Record<string, Options> {
  if (!builder) return {};
  if (typeof builder !== 'function') return builder as Record<string, Options>;
  const declared: Record<string, Options> = {};
  const recorder: unknown = new Proxy(
    {},
    {
      get: (_target, method) =>
        (...args: unknown[]) => {
          if (method === 'option' || method === 'options') {
            if (typeof args[0] === 'string') declared[args[0]] = (args[1] ?? {}) as Options;
            else Object.assign(declared, args[0]);
          }
          return recorder;
        },
    },
  );
  builder(recorder as Argv);
  return declared;
}

function takesValue(option: Options): boolean {
  return option.type !== 'boolean' && option.type !== 'count' && option.boolean !== true && option.count !== true;
}

/** The table of the global options and every command's own (no two commands differ on a name). */
export function readOptionTable(globals: Record<string, Options>, commands: CommandModule<never, never>[]): OptionTable {
  const table: OptionTable = { known: new Set(BUILT_IN), takesValue: new Set() };
  const all = [globals, ...commands.map((c) => declaredBy(c.builder as CommandModule['builder']))];
  for (const [name, option] of all.flatMap((declared) => Object.entries(declared))) {
    const names = [name, ...[option.alias ?? []].flat()];
    for (const n of names) {
      table.known.add(n);
      if (takesValue(option)) table.takesValue.add(n);
    }
  }
  return table;
}
