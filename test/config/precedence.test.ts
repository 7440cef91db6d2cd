// `brief config` as a user runs it: each setting from a flag, an environment variable, the config
// file or its default, with the flags and variables named as a user types them.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../helpers/run-cli.js';

interface Setting {
  value?: unknown;
  from: 'flag' | 'environment' | 'config' | 'default';
}

let dir: string;
test.before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brief-config-'));
  await mkdir(path.join(dir, 'sub'));
  await writeFile(
    path.join(dir, 'brief.config.yaml'),
    [
      'data: from-config',
      'templates: theme',
      'out: dist-out',
      'paper: letter',
      'distribution: CONFIG MARKING',
      'author: Config office',
      'format: [one-pager]',
      'concurrency: 3',
      'browser: bin/chrome',
      'browserWsEndpoint: ws://config:1/x',
      'allowRemote: true',
      'audiences:',
      '  - { id: board, title: Board of Trustees, distribution: CONFIDENTIAL }',
      '',
    ].join('\n'),
  );
});
test.after(() => rm(dir, { recursive: true, force: true }));

/** `brief config --json` run from a sub-folder: the config file is found from the working folder up. */
function settings(args: string[], env: Record<string, string> = {}): Record<string, Setting> {
  const result = runCli(['config', '--json', ...args], { cwd: path.join(dir, 'sub'), env });
  assert.is(result.code, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as { configFile: string; settings: Record<string, Setting> };
  assert.is(parsed.configFile, `${dir}/brief.config.yaml`);
  return parsed.settings;
}

test('the config file found from the working folder up gives every key, its paths resolved against its folder', () => {
  assert.equal(settings([]), {
    data: { value: `${dir}/from-config`, from: 'config' },
    templates: { value: `${dir}/theme`, from: 'config' },
    out: { value: `${dir}/dist-out`, from: 'config' },
    paper: { value: 'letter', from: 'config' },
    distribution: { value: 'CONFIG MARKING', from: 'config' },
    author: { value: 'Config office', from: 'config' },
    format: { value: ['one-pager'], from: 'config' },
    concurrency: { value: 3, from: 'config' },
    browser: { value: `${dir}/bin/chrome`, from: 'config' },
    browserWsEndpoint: { value: 'ws://config:1/x', from: 'config' },
    allowRemote: { value: true, from: 'config' },
    audiences: { value: [{ id: 'board', title: 'Board of Trustees', distribution: 'CONFIDENTIAL' }], from: 'config' },
  });
});

test('a BRIEF_* environment variable wins over the config file, for each key', () => {
  const env = {
    BRIEF_DATA: '/env/data',
    BRIEF_TEMPLATES: '/env/theme',
    BRIEF_OUT: '/env/out',
    BRIEF_PAPER: 'a4',
    BRIEF_DISTRIBUTION: 'ENV MARKING',
    BRIEF_AUTHOR: 'Env office',
    BRIEF_FORMAT: 'brief',
    BRIEF_CONCURRENCY: '5',
    BRIEF_BROWSER: '/env/chrome',
    BRIEF_BROWSER_WS_ENDPOINT: 'ws://env:2/x',
    BRIEF_ALLOW_REMOTE: 'false',
  };
  assert.equal(settings([], env), {
    data: { value: '/env/data', from: 'environment' },
    templates: { value: '/env/theme', from: 'environment' },
    out: { value: '/env/out', from: 'environment' },
    paper: { value: 'a4', from: 'environment' },
    distribution: { value: 'ENV MARKING', from: 'environment' },
    author: { value: 'Env office', from: 'environment' },
    format: { value: ['brief'], from: 'environment' },
    concurrency: { value: 5, from: 'environment' },
    browser: { value: '/env/chrome', from: 'environment' },
    browserWsEndpoint: { value: 'ws://env:2/x', from: 'environment' },
    allowRemote: { value: false, from: 'environment' },
    // Only a config file gives audiences: no variable can.
    audiences: { value: [{ id: 'board', title: 'Board of Trustees', distribution: 'CONFIDENTIAL' }], from: 'config' },
  });
});

test('a flag wins over the environment and the config file, for each key, --no-allow-remote included', () => {
  const env = { BRIEF_PAPER: 'letter', BRIEF_BROWSER_WS_ENDPOINT: 'ws://env:2/x', BRIEF_ALLOW_REMOTE: 'true', BRIEF_CONCURRENCY: '5' };
  const flags = [
    '--data', '/flag/data',
    '--templates', '/flag/theme',
    '--out', '/flag/out',
    '--paper', 'a4',
    '--distribution', 'FLAG MARKING',
    '--author', 'Flag office',
    '--format', 'brief',
    '--concurrency', '7',
    '--browser', '/flag/chrome',
    '--browser-ws-endpoint', 'ws://flag:3/x',
    '--no-allow-remote',
  ];
  assert.equal(settings(flags, env), {
    data: { value: '/flag/data', from: 'flag' },
    templates: { value: '/flag/theme', from: 'flag' },
    out: { value: '/flag/out', from: 'flag' },
    paper: { value: 'a4', from: 'flag' },
    distribution: { value: 'FLAG MARKING', from: 'flag' },
    author: { value: 'Flag office', from: 'flag' },
    format: { value: ['brief'], from: 'flag' },
    concurrency: { value: 7, from: 'flag' },
    browser: { value: '/flag/chrome', from: 'flag' },
    browserWsEndpoint: { value: 'ws://flag:3/x', from: 'flag' },
    allowRemote: { value: false, from: 'flag' },
    // Only a config file gives audiences: no flag can.
    audiences: { value: [{ id: 'board', title: 'Board of Trustees', distribution: 'CONFIDENTIAL' }], from: 'config' },
  });
});

test('a flag counts as a flag however it is written: --key=value, camelCase, --no-key', () => {
  const s = settings(['--paper=a4', '--browserWsEndpoint', 'ws://flag:3/x', '--allow-remote=false', '--format=brief']);
  assert.equal(s.paper, { value: 'a4', from: 'flag' });
  assert.equal(s.browserWsEndpoint, { value: 'ws://flag:3/x', from: 'flag' });
  assert.equal(s.allowRemote, { value: false, from: 'flag' });
  assert.equal(s.format, { value: ['brief'], from: 'flag' });
  assert.equal(settings(['--no-allow-remote']).allowRemote, { value: false, from: 'flag' });
});

test('brief config prints one line per setting, saying where it came from', () => {
  const result = runCli(['config', '--no-allow-remote', '--paper', 'a4'], { cwd: path.join(dir, 'sub'), env: { BRIEF_AUTHOR: 'Env office' } });
  assert.is(result.code, 0, result.stderr);
  assert.is(
    result.stdout,
    [
      `config file: ${dir}/brief.config.yaml`,
      `data               "${dir}/from-config"  (config)`,
      `templates          "${dir}/theme"  (config)`,
      `out                "${dir}/dist-out"  (config)`,
      'paper              "a4"  (flag)',
      'distribution       "CONFIG MARKING"  (config)',
      'author             "Env office"  (environment)',
      'format             ["one-pager"]  (config)',
      'concurrency        3  (config)',
      `browser            "${dir}/bin/chrome"  (config)`,
      'browserWsEndpoint  "ws://config:1/x"  (config)',
      'allowRemote        false  (flag)',
      'audiences          [{"id":"board","title":"Board of Trustees","distribution":"CONFIDENTIAL"}]  (config)',
      '',
    ].join('\n'),
  );
});

test('without a config file, each key has its default', async () => {
  const bare = await mkdtemp(path.join(os.tmpdir(), 'brief-noconfig-'));
  try {
    const result = runCli(['config', '--json'], { cwd: bare });
    assert.is(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout), {
      configFile: null,
      settings: {
        data: { value: 'data', from: 'default' },
        templates: { from: 'default' },
        out: { value: 'output', from: 'default' },
        paper: { value: 'a4', from: 'default' },
        distribution: { from: 'default' },
        author: { from: 'default' },
        format: { from: 'default' },
        concurrency: { from: 'default' },
        browser: { from: 'default' },
        browserWsEndpoint: { from: 'default' },
        allowRemote: { value: false, from: 'default' },
        audiences: { from: 'default' },
      },
    });
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
