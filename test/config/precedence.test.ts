import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../helpers/run-cli.js';

interface Setting {
  value: unknown;
  from: 'flag' | 'environment' | 'config' | 'default';
}

/** Each config key with a value for the config file, the environment and a flag, and what each gives. */
const KEYS = [
  { key: 'data', config: 'from-config', env: '/env/data', flag: '/flag/data', resolved: (dir: string) => path.join(dir, 'from-config') },
  { key: 'templates', config: 'theme', env: '/env/theme', flag: '/flag/theme', resolved: (dir: string) => path.join(dir, 'theme') },
  { key: 'out', config: 'dist-out', env: '/env/out', flag: '/flag/out', resolved: (dir: string) => path.join(dir, 'dist-out') },
  { key: 'paper', config: 'letter', env: 'a4', flag: 'letter' },
  { key: 'distribution', config: 'CONFIG MARKING', env: 'ENV MARKING', flag: 'FLAG MARKING' },
  { key: 'author', config: 'Config office', env: 'Env office', flag: 'Flag office' },
  { key: 'concurrency', config: 3, env: '5', flag: '7', parsed: [3, 5, 7] },
  { key: 'browser', config: 'bin/chrome', env: '/env/chrome', flag: '/flag/chrome', resolved: (dir: string) => path.join(dir, 'bin/chrome') },
  { key: 'browserWsEndpoint', config: 'ws://config:1/x', env: 'ws://env:2/x', flag: 'ws://flag:3/x' },
] as const;

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (key: string) => `BRIEF_${kebab(key).replace(/-/g, '_').toUpperCase()}`;

let dir: string;
test.before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brief-config-'));
  await mkdir(path.join(dir, 'sub'));
  const lines = KEYS.map((k) => `${k.key}: ${JSON.stringify(k.config)}`);
  await writeFile(path.join(dir, 'brief.config.yaml'), `${lines.join('\n')}\nformat: [one-pager]\nallowRemote: true\n`);
});
test.after(() => rm(dir, { recursive: true, force: true }));

function settings(args: string[], env: Record<string, string> = {}): Record<string, Setting> {
  // Run from a sub-folder: the config file is found from the working folder up.
  const result = runCli(['config', '--json', ...args], { cwd: path.join(dir, 'sub'), env });
  assert.is(result.code, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as { configFile: string; settings: Record<string, Setting> };
  assert.is(parsed.configFile, path.join(dir, 'brief.config.yaml'));
  return parsed.settings;
}

test('the config file found from the working folder up gives every key, its paths resolved against its folder', () => {
  const s = settings([]);
  for (const k of KEYS) {
    const expected = 'resolved' in k ? k.resolved(dir) : 'parsed' in k ? k.parsed[0] : k.config;
    assert.equal(s[k.key], { value: expected, from: 'config' }, k.key);
  }
  assert.equal(s.format, { value: ['one-pager'], from: 'config' });
  assert.equal(s.allowRemote, { value: true, from: 'config' });
});

test('an environment variable wins over the config file, for each key', () => {
  const env = Object.fromEntries(KEYS.map((k) => [envName(k.key), String(k.env)]));
  const s = settings([], env);
  for (const k of KEYS) {
    const expected = 'parsed' in k ? k.parsed[1] : k.env;
    assert.equal(s[k.key], { value: expected, from: 'environment' }, k.key);
  }
});

test('a flag wins over the environment and the config file, for each key', () => {
  const env = Object.fromEntries(KEYS.map((k) => [envName(k.key), String(k.env)]));
  const flags = KEYS.flatMap((k) => [`--${kebab(k.key)}`, String(k.flag)]);
  const s = settings([...flags, '--format', 'brief', '--no-allow-remote'], env);
  for (const k of KEYS) {
    const expected = 'parsed' in k ? k.parsed[2] : k.flag;
    assert.equal(s[k.key], { value: expected, from: 'flag' }, k.key);
  }
  assert.equal(s.format, { value: ['brief'], from: 'flag' });
  assert.is(s.allowRemote?.value, false);
});

test('without a config file, each key has its default', async () => {
  const bare = await mkdtemp(path.join(os.tmpdir(), 'brief-noconfig-'));
  try {
    const result = runCli(['config', '--json'], { cwd: bare });
    const parsed = JSON.parse(result.stdout) as { configFile: null; settings: Record<string, Setting> };
    assert.is(parsed.configFile, null);
    assert.equal(parsed.settings.paper, { value: 'a4', from: 'default' });
    assert.equal(parsed.settings.data, { value: 'data', from: 'default' });
  } finally {
    await rm(bare, { recursive: true, force: true });
  }
});

test('a config file with an unknown key or a bad value is a usage error naming its line', async () => {
  const bad = await mkdtemp(path.join(os.tmpdir(), 'brief-badconfig-'));
  try {
    await writeFile(path.join(bad, 'brief.config.yaml'), 'data: data\npapr: a4\npaper: a5\n');
    const result = runCli(['list'], { cwd: bad });
    assert.is(result.code, 2);
    assert.match(result.stderr, /brief\.config\.yaml:2:1 {2}unknown key "papr"/);
    assert.match(result.stderr, /brief\.config\.yaml:3:1 {2}paper must be one of: a4, letter/);
  } finally {
    await rm(bad, { recursive: true, force: true });
  }
});

test.run();
