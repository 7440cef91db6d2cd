import { ConfigFile } from './config-schema.js';

/** Every key a config file may set. */
export const CONFIG_KEYS = Object.keys(ConfigFile.properties) as Array<keyof typeof ConfigFile.properties>;

/** Where a setting's value came from, in order of precedence. */
export type SettingSource = 'flag' | 'environment' | 'config' | 'default';

// The variable yargs' .env('BRIEF') reads for a key: browserWsEndpoint is BRIEF_BROWSER_WS_ENDPOINT.
const envName = (key: string) => `BRIEF_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/**
 * Each setting's value and its source: flag, then environment, then config, then default.
 * `flags` holds the keys the command line gave, as the CLI's parser read them (camelCase).
 */
export function describeSettings(
  resolved: Record<string, unknown>,
  flags: ReadonlySet<string>,
  env: NodeJS.ProcessEnv,
  config: Record<string, unknown> | undefined,
  defaults: Record<string, unknown> = {},
): Record<string, { value: unknown; from: SettingSource }> {
  const out: Record<string, { value: unknown; from: SettingSource }> = {};
  for (const key of CONFIG_KEYS) {
    const from: SettingSource = flags.has(key)
      ? 'flag'
      : env[envName(key)] !== undefined
        ? 'environment'
        : config && key in config
          ? 'config'
          : 'default';
    out[key] = { value: resolved[key] ?? (from === 'default' ? defaults[key] : undefined), from };
  }
  return out;
}
