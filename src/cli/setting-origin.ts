// Names a setting as the user gave it, so a message about its value points at the right place:
// the flag, the BRIEF_* variable, the config file or the default (yargs merges them into one value).

/** A setting as a message names it: `name` ("--out", "BRIEF_OUT") and `withValue` ("--out data", "out: data in the config file"). */
export interface SettingName {
  name: string;
  withValue: string;
}

export function describeSetting(flag: string, value: unknown, defaultValue: unknown, argv: readonly string[] = process.argv.slice(2)): SettingName {
  const option = `--${flag}`;
  if (argv.some((a) => a === option || a.startsWith(`${option}=`))) return { name: option, withValue: `${option} ${String(value)}` };
  const variable = `BRIEF_${flag.replace(/-/g, '_').toUpperCase()}`;
  if (process.env[variable] !== undefined) return { name: variable, withValue: `${variable}=${String(value)}` };
  if (value === defaultValue) return { name: `the default ${option}`, withValue: `the default ${option} ${String(value)}` };
  return { name: `${flag}: in the config file`, withValue: `${flag}: ${String(value)} in the config file` };
}
