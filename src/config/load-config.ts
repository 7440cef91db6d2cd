// brief.config.{json,yaml,js}: read, validated, its paths resolved against its own folder (issue 6).
// A JS config runs on a worker thread with a deadline (import-config.ts); JSON and YAML need none.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { BriefError, EXIT } from '../errors.js';
import { reasonOf } from '../facts/describe-listing-problem.js';
import { displayPath } from '../fs/display-path.js';
import { parseYamlFile, locate, type DataPath } from '../facts/yaml-document.js';
import type { Audience } from '../contracts/audience.js';
import { checkAudiences } from './check-audiences.js';
import { ConfigFile, PATH_KEYS } from './config-schema.js';

/** A config file's settings, with its paths made absolute. */
export interface LoadedConfig {
  file: string;
  /** What a flag or a BRIEF_* variable may also give. */
  settings: Omit<ConfigFile, 'audiences'>;
  /** Who packs are made for, with where the file gives each (only a config file gives them). */
  audiences?: Audience[];
}

/** Reads a config file; messages show its path from `cwd` (the command's working folder). */
export async function loadConfig(file: string, cwd?: string): Promise<LoadedConfig> {
  const absolute = path.resolve(cwd ?? '', file);
  const shown = displayPath(absolute, cwd);
  let value: unknown;
  // A JS config has no positions: its problems are at its first line.
  let where = (_path: DataPath, _key?: string) => ({ line: 1, col: 1 });
  if (/\.(c|m)?js$/.test(absolute)) {
    const { importConfig } = await import('./import-config.js');
    const answer = await importConfig(absolute);
    if ('problem' in answer) throw new BriefError(`cannot load the config ${shown}: ${answer.problem}`, { exitCode: EXIT.usage });
    value = answer.value;
  } else {
    const text = await readFile(absolute, 'utf8').catch((cause: unknown) => {
      throw new BriefError(`cannot read the config ${shown}: ${reasonOf(cause)}`, { exitCode: EXIT.usage });
    });
    // JSON is YAML, so one parser gives line numbers for both.
    const { parsed, problems } = parseYamlFile(shown, text, 'config file');
    const first = problems[0];
    if (!parsed || first) throw new BriefError(`${shown}:${first?.line ?? 1}:${first?.col ?? 1}  ${first?.message ?? 'cannot parse'}`, { exitCode: EXIT.usage });
    value = parsed.data ?? {};
    where = (at, key) => locate(parsed, at, key);
  }
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true, verbose: true }).compile(ConfigFile);
  const placeOf = (at: DataPath, key?: string) => {
    const { line, col } = where(at, key);
    return `${shown}:${line}:${col}`;
  };
  // Audiences are checked entry by entry, each problem at its own line (check-audiences.ts).
  const audienceList = isRecord(value) && Array.isArray(value.audiences) ? (value.audiences as unknown[]) : undefined;
  const audiences = audienceList ? checkAudiences(audienceList, placeOf) : undefined;
  const valid = validate(value);
  if (!valid || audiences?.problems.length) {
    const byKey = new Map<string, string>();
    for (const e of validate.errors ?? []) {
      if (audienceList && e.instancePath.startsWith('/audiences/')) continue;
      const key = e.instancePath.split('/')[1] ?? String(e.params.additionalProperty ?? '(root)');
      const options = ((e.parentSchema as { anyOf?: Array<{ const?: unknown }> } | undefined)?.anyOf ?? []).map((b) => b.const);
      const message =
        e.keyword === 'additionalProperties'
          ? `unknown key "${key}"`
          : e.keyword === 'anyOf' && options.length > 0
            ? `${key} must be one of: ${options.join(', ')}`
            : e.keyword === 'minLength'
              ? `${key} is empty: it wants a path`
              : `${key} ${e.message ?? 'is not valid'}`;
      if (e.keyword === 'anyOf' || !byKey.has(key)) byKey.set(key, message);
    }
    const lines = [...byKey].map(([key, message]) => `${placeOf([], key)}  ${message}`);
    throw new BriefError([...lines, ...(audiences?.problems ?? [])].join('\n'), { exitCode: EXIT.usage });
  }
  const { audiences: _given, ...settings } = value as ConfigFile;
  for (const key of PATH_KEYS) {
    const given = settings[key];
    if (given !== undefined) settings[key] = path.resolve(path.dirname(absolute), given);
  }
  return { file: absolute, settings, ...(audiences ? { audiences: audiences.audiences } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
