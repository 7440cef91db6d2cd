import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRequestGuard, defaultAssetRoots } from '../../src/browser/request-guard.js';

test('a page may read files under its asset roots and data: URLs, and nothing else by default', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-guard-'));
  try {
    const root = path.join(dir, 'assets');
    await mkdir(root);
    await writeFile(path.join(root, 'font.woff2'), '');
    await writeFile(path.join(dir, 'secret.txt'), '');
    await symlink(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
    const guard = createRequestGuard({ roots: [root] });
    const url = (file: string) => pathToFileURL(file).href;
    assert.ok(guard.allows(url(path.join(root, 'font.woff2')), 'font'));
    assert.ok(guard.allows('data:image/png;base64,AAAA', 'image'));
    assert.not.ok(guard.allows(url(path.join(dir, 'secret.txt')), 'image'), 'a file beside the root');
    assert.not.ok(guard.allows(`${url(root)}/../secret.txt`, 'image'), 'a path climbing out with ..');
    assert.not.ok(guard.allows(url(path.join(root, 'link.txt')), 'image'), 'a symlink pointing out');
    assert.not.ok(guard.allows(url(`${root}-sibling/x.css`), 'stylesheet'), 'a folder sharing the prefix');
    assert.not.ok(guard.allows('http://example.com/a.png', 'image'));
    assert.not.ok(guard.allows('https://example.com/a.css', 'stylesheet'));
    assert.not.ok(guard.allows('ftp://example.com/a.png', 'image'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--allow-remote lets http(s) images through, and only images', () => {
  const guard = createRequestGuard({ roots: [], allowRemote: true });
  assert.ok(guard.allows('https://example.com/a.png', 'image'));
  assert.ok(guard.allows('http://example.com/a.png', 'image'));
  assert.not.ok(guard.allows('https://example.com/a.css', 'stylesheet'));
  assert.not.ok(guard.allows('https://example.com/a.woff2', 'font'));
  assert.not.ok(guard.allows('https://example.com/', 'document'));
});

test('the default roots are the bundled fonts and the templates folder', () => {
  const roots = defaultAssetRoots();
  assert.ok(roots.some((root) => root.endsWith(`node_modules${path.sep}@fontsource`)), roots.join());
  assert.ok(roots.some((root) => /templates\/?$/.test(root)), roots.join());
});

test.run();
