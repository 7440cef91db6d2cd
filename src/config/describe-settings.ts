import { ConfigFile } from './config-schema.js';

/** Every key a config file may set. */
export const CONFIG_KEYS = Object.keys(ConfigFile.properties) as Array<keyof typeof ConfigFile.properties>;

/** Where a setting's value came from, in order of precedence. */
export type SettingSource = 'flag' | 'environment' | 'config' | 'default';

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (key: string) => `BRIEF_${kebab(key).replace(/-/g, '_').toUpperCase()}`;

/** Each setting's value and its source: flag, then environment, then config, then default. */
export function describeSettings(
  resolved: Record<string, unknown>,
  argv: string[],
  env: NodeJS.ProcessEnv,
  config: Record<string, unknown> | undefined,
): Record<string, { value: unknown; from: SettingSource }> {
  const out: Record<string, { value: unknown; from: SettingSource }> = {};
  for (const key of CONFIG_KEYS) {
    const flag = `--${kebab(key)}`;
    const from: SettingSource = argv.some((a) => a === flag || a.startsWith(`${flag}=`))
      ? 'flag'
      : env[envName(key)] !== undefined
        ? 'environment'
        : config && key in config
          ? 'config'
          : 'default';
    out[key] = { value: resolved[key], from };
  }
  return out;
}
