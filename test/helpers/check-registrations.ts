// Preloaded by scripts/run-tests.mjs (`uvu -r`). uvu drops a test registered after its suite's
// run() without a word (issue 11), so each registration is held until its own file calls run(),
// and one that no run() of its file takes is reported with its file and line and fails the run.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Uvu from 'uvu';

/** What the runner reads back: tests handed to uvu, and registrations it would have dropped. */
export interface RegistrationReport {
  handed: number;
  /** Each as `file:line: the test "name" of suite "name"`, for the message. */
  dropped: string[];
}

interface Registration {
  kind: 'test' | 'only test' | 'before hook' | 'before.each hook' | 'after hook' | 'after.each hook';
  /** `file:line: the test "name" of suite "name"`. */
  what: string;
  /** The suite file that was loading (uvu's UVU_INDEX), or -1 once the tests had started running. */
  file: number;
  add: () => void;
}

const HERE = fileURLToPath(import.meta.url);
// The instance uvu's runner and the test files share: test files are required through tsx as CommonJS.
const uvu = createRequire(import.meta.url)('uvu') as { -readonly [K in keyof typeof Uvu]: (typeof Uvu)[K] };
const uvuGlobals = globalThis as { UVU_INDEX?: number };

const report: RegistrationReport = { handed: 0, dropped: [] };
const waiting = new Set<Registration[]>();
let running = false;

/** Where the test file called us: the first stack frame outside this file and node_modules. */
function callSite(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1).map((line) => line.trim());
  for (const frame of frames) {
    const match = /\(?(?:file:\/\/)?(\/[^()]*?):(\d+):\d+\)?$/.exec(frame);
    if (match && match[1] !== HERE && !match[1]!.includes('/node_modules/')) return `${path.relative(process.cwd(), match[1]!)}:${match[2]}`;
  }
  return 'an unknown place';
}

/** A suite whose registrations reach uvu only when their own file calls run(). */
function watch<T>(suite: Uvu.Test<T>, title = ''): Uvu.Test<T> {
  const pending: Registration[] = [];
  waiting.add(pending);
  const hold = (kind: Registration['kind'], name: string, add: () => void): void => {
    const what = `${callSite()}: the ${kind}${name ? ` "${name}"` : ''}${title ? ` of suite "${title}"` : ''}`;
    pending.push({ kind, what, file: running ? -1 : (uvuGlobals.UVU_INDEX ?? 0), add });
  };
  const hook = (kind: Registration['kind'], register: (fn: Uvu.Callback<T>) => void) => (fn: Uvu.Callback<T>) =>
    hold(kind, '', () => register(fn));

  const watched = ((name: string, fn: Uvu.Callback<T>) => hold('test', name, () => suite(name, fn))) as Uvu.Test<T>;
  watched.only = (name, fn) => hold('only test', name, () => suite.only(name, fn));
  watched.skip = suite.skip;
  watched.before = Object.assign(hook('before hook', suite.before), { each: hook('before.each hook', suite.before.each) });
  watched.after = Object.assign(hook('after hook', suite.after), { each: hook('after.each hook', suite.after.each) });
  watched.run = () => {
    // Once the tests are running, a run() takes nothing: uvu may never reach what it would queue.
    const here = running ? -2 : (uvuGlobals.UVU_INDEX ?? 0);
    const taken = pending.splice(0).filter((r) => {
      if (r.file === here) return true;
      report.dropped.push(r.what);
      return false;
    });
    for (const r of taken) r.add();
    const only = taken.filter((r) => r.kind === 'only test').length;
    report.handed += only || taken.filter((r) => r.kind === 'test').length;
    suite.run();
  };
  return watched;
}

const makeSuite = uvu.suite;
uvu.suite = ((name?: string, state?: unknown) => watch(makeSuite(name, state as never), name)) as typeof uvu.suite;
uvu.test = watch(uvu.test);
const exec = uvu.exec;
uvu.exec = (bail?: boolean) => {
  running = true;
  return exec(bail);
};

process.once('exit', () => {
  for (const pending of waiting) for (const r of pending.splice(0)) report.dropped.push(r.what);
  if (report.dropped.length > 0) process.exitCode = 1;
  const file = process.env.TEST_REGISTRATIONS_REPORT;
  // The runner prints the report with its summary; run without it, say it here.
  if (file) writeFileSync(file, JSON.stringify(report));
  else for (const what of report.dropped) process.stderr.write(`error: ${what} did not run: no run() of its suite came after it in its file\n`);
});
