// Issue 11: `watch` and `preview` run until stopped, and a signal is how they stop: Ctrl-C,
// SIGTERM from a process manager, SIGHUP as their terminal closes. Each ends them cleanly, with 0.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chromiumOf, sleep, stillRunning } from '../helpers/processes.js';
import { finished, makeTmpdir, makeWorkspace, spawnBuiltBrief, waitForLine } from '../batch/helpers/build-fixture.js';

for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
  test(`${signal} stops a watch as Ctrl-C does: exit 0, no browser, lock or temporary folder left`, async () => {
    const ws = await makeWorkspace();
    const tmp = await makeTmpdir();
    const child = spawnBuiltBrief(['watch', '--data', ws.data, '--out', ws.out, '--format', 'one-pager'], tmp.dir);
    try {
      const done = finished(child);
      await waitForLine(child, /^watching /, 120_000);
      const browsers = chromiumOf(child.pid!);
      assert.ok(browsers.length > 0, 'the browser stays warm between rebuilds');
      child.kill(signal);
      const result = await done;
      assert.is(result.code, 0, result.stderr);
      await sleep(100);
      assert.equal(stillRunning(browsers.map((p) => p.pid), []), [], 'no Chromium left');
      assert.not.ok(existsSync(path.join(ws.out, '.brief-build.lock')));
      assert.equal(await tmp.left(), []);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL'); // a failed assertion leaves nothing running
      await tmp.remove();
      await ws.remove();
    }
  });

  test(`${signal} stops a preview: exit 0, with its closing line`, async () => {
    const ws = await makeWorkspace();
    const tmp = await makeTmpdir();
    const child = spawnBuiltBrief(['preview', '--data', ws.data, '--port', '0'], tmp.dir);
    try {
      const done = finished(child);
      await waitForLine(child, /^preview: http:\/\/127\.0\.0\.1:\d+\//, 60_000);
      child.kill(signal);
      const result = await done;
      assert.is(result.code, 0, JSON.stringify(result));
      assert.match(result.stdout, /^preview stopped$/m);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL'); // a failed assertion leaves nothing running
      await tmp.remove();
      await ws.remove();
    }
  });
}

test.run();
