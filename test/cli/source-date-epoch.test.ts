// SOURCE_DATE_EPOCH (reproducible-builds.org): read by the command, written into every document.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture } from '../helpers/fixtures.js';
import { pdfInfo } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';

test('SOURCE_DATE_EPOCH is the date every PDF carries; without it, the data\'s as-of date', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-epoch-'));
  try {
    const args = ['build', '--data', fixture('build/data'), '--programme', 'alpha', '--format', 'one-pager', '--quiet'];
    const pinned = runCli([...args, '--out', path.join(dir, 'pinned')], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    assert.is(pinned.code, 0, pinned.stderr);
    const info = pdfInfo(path.join(dir, 'pinned/programmes/alpha/alpha-one-pager.pdf'));
    assert.is(info.CreationDate, 'Tue Nov 14 22:13:20 2023 UTC');
    assert.is(info.ModDate, 'Tue Nov 14 22:13:20 2023 UTC');
    const unpinned = runCli([...args, '--out', path.join(dir, 'unpinned')], { env: { SOURCE_DATE_EPOCH: '' } });
    assert.is(unpinned.code, 0, unpinned.stderr);
    assert.is(pdfInfo(path.join(dir, 'unpinned/programmes/alpha/alpha-one-pager.pdf')).CreationDate, 'Thu Aug 24 00:00:00 2023 UTC');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a SOURCE_DATE_EPOCH that is not whole seconds is a usage error, exit 2', () => {
  const result = runCli(['build', '--data', fixture('build/data'), '--out', path.join(os.tmpdir(), 'brief-epoch-never')], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
  assert.is(result.code, 2);
  assert.is(result.stderr, 'error: SOURCE_DATE_EPOCH wants whole seconds since 1970, from 0 to 253402300799 (9999-12-31T23:59:59Z), like 1692835200; got "yesterday"\n');
});

test.run();
