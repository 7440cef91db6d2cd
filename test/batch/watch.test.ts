// `brief watch`, run as a real child process on a copy of the build fixture.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lockOutput } from '../../src/batch/lock.js';
import { ROOT } from '../helpers/run-cli.js';
import { chromiumOf, sleep, stillRunning, waitForChromium } from '../helpers/processes.js';
import { pdfText } from '../helpers/pdf.js';
import { withoutProof } from '../helpers/proof-lines.js';
import { finished, makeWorkspace, spawnBrief, waitForLine } from './helpers/build-fixture.js';

test('watch builds, rebuilds only what a data edit touched, and stops on Ctrl-C with no browser left', async () => {
  const ws = await makeWorkspace();
  try {
    const child = spawnBrief(['watch', '--data', ws.data, '--out', ws.out, '--format', 'one-pager']);
    const done = finished(child);
    await waitForLine(child, /^watching /, 120_000);
    const browsers = chromiumOf(child.pid!).map((p) => p.pid);
    assert.ok(browsers.length > 0, 'the browser stays warm between rebuilds');

    const file = path.join(ws.data, 'programmes.yaml');
    const yaml = await readFile(file, 'utf8');
    // The summary is on the one-pager; nothing else shows it.
    assert.ok(yaml.includes('Beta is a city scheme that pays employers for referrals.'));
    const rebuilt = waitForLine(child, /programmes\.yaml: /, 120_000);
    await writeFile(file, yaml.replace('Beta is a city scheme that pays employers for referrals.', 'Beta is a WATCHED scheme.'));
    // Only the one-pagers are built: a partial plan, so no pack of a third of it (issue 11).
    assert.match(await rebuilt, /programmes\.yaml: rebuilt 1 \(programmes\/beta\/beta-one-pager\.pdf\) in \d+\.\d\d s$/);
    assert.match(pdfText(path.join(ws.out, 'programmes/beta/beta-one-pager.pdf')).replace(/\s+/g, ' '), 'Beta is a WATCHED scheme.');

    child.kill('SIGINT');
    const result = await done;
    assert.is(result.code, 0, result.stderr);
    assert.equal(stillRunning(browsers, []), [], 'no Chromium left');
    const notMade = 'warning: briefing-pack.pdf not made: 3 documents of the plan are not built; run brief build';
    assert.equal(withoutProof(result.stderr).trim().split('\n'), [notMade, notMade], 'once for each build');
  } finally {
    await ws.remove();
  }
});

test('Ctrl-C during the first build of a watch stops it at once, with no browser or temporary file left', async () => {
  const ws = await makeWorkspace();
  try {
    const child = spawnBrief(['watch', '--data', ws.data, '--out', ws.out]);
    const done = finished(child);
    const browsers = (await waitForChromium(child)).map((p) => p.pid);
    child.kill('SIGINT');
    const result = await done;
    assert.is(result.code, 0, result.stderr);
    assert.not.match(result.stdout, /^watching /m, 'it did not go on to watch');
    assert.equal(stillRunning(browsers, []), [], 'no Chromium left');
    const { readdir } = await import('node:fs/promises');
    // A first build stopped before it wrote anything takes away the output folder it made (issue 20).
    const leftovers = existsSync(ws.out) ? (await readdir(ws.out, { recursive: true })).filter((f) => /\.tmp-|\.lock$/.test(String(f))) : [];
    assert.equal(leftovers, [], 'no temporary file or lock left');
  } finally {
    await ws.remove();
  }
});

test('a rebuild waits while another build holds the output folder, says so once, and then builds every edit made meanwhile', async () => {
  const ws = await makeWorkspace();
  let release: (() => Promise<unknown>) | undefined;
  const child = spawnBrief(['watch', '--data', ws.data, '--out', ws.out, '--format', 'one-pager']);
  try {
    const done = finished(child);
    await waitForLine(child, /^watching /, 120_000);
    release = await lockOutput(ws.out);

    const file = path.join(ws.data, 'programmes.yaml');
    const yaml = await readFile(file, 'utf8');
    const waiting = waitForLine(child, /waiting for it to finish/, 60_000);
    await writeFile(file, yaml.replace('Beta is a city scheme that pays employers for referrals.', 'Beta is a WAITED scheme.'));
    // The edited file as the watch names it: relative to its working folder (the project's).
    const shown = path.relative(ROOT, file);
    assert.is(await waiting, `${shown}: another build is writing to ${ws.out} (pid ${process.pid}); waiting for it to finish`);
    // A second edit while the other build still holds the folder, and time for several tries.
    await writeFile(file, yaml.replace('Beta is a city scheme that pays employers for referrals.', 'Beta is a WAITED scheme.').replace('Alpha pays well and says little.', 'Alpha pays well and WAITED.'));
    await sleep(2000);
    const rebuilt = waitForLine(child, /programmes\.yaml: rebuilt /, 120_000);
    await release();
    release = undefined;
    assert.match(await rebuilt, /programmes\.yaml: rebuilt 2 \(programmes\/alpha\/alpha-one-pager\.pdf, programmes\/beta\/beta-one-pager\.pdf\) in /);
    assert.match(pdfText(path.join(ws.out, 'programmes/beta/beta-one-pager.pdf')).replace(/\s+/g, ' '), 'Beta is a WAITED scheme.');
    assert.match(pdfText(path.join(ws.out, 'programmes/alpha/alpha-one-pager.pdf')).replace(/\s+/g, ' '), 'Alpha pays well and WAITED.');

    child.kill('SIGTERM');
    const result = await done;
    assert.is(result.code, 0, result.stderr);
    assert.is(result.stdout.split('\n').filter((line) => line.includes('waiting for it to finish')).length, 1, result.stdout);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL'); // a failed assertion leaves no watch behind
    await release?.();
    await ws.remove();
  }
});

test.run();
