// What a careful user expects check to catch (issue 13): problems that stop a build, and
// warnings that do not, each at its file:line:col.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const lines = (text: string) => text.trimEnd().split('\n');

const NOTHING = 'no programme, topic, section, figure, incentive, date, sponsor, person or timeline event names it, so no document shows it';
const WARNINGS = [
  `warning: data.yaml:11:5  claims[1]  claim "loose" is cited by nothing: ${NOTHING}`,
  'warning: data.yaml:22:13  programmes[0].status  status is "active" but dates.ended gives 2022; make the status "ended" or remove the end date',
  'warning: data.yaml:33:5  programmes[2]  programme "unsupported" is supported by no claim: no claim lists it and it cites none',
  'warning: data.yaml:40:5  topics[0]  topic "bare" is supported by no claim: no claim lists it and no section cites one',
  "warning: data.yaml:47:24  timeline[0].date  dated 2024-04, after the data's as-of date 2024-03-10",
];

test('money without a currency, a claim without a source, rates into themselves and doubled names are problems (exit 1); warnings wait', () => {
  const result = runCli(['check', '--data', '.'], { cwd: fixture('facts/content-problems') });
  assert.is(result.code, 1);
  assert.is(result.stdout, '');
  assert.equal(lines(result.stderr), [
    'data.yaml:33:9  programmes[0].incentives[0]  names no currency for its amount; give currency (ISO 4217, e.g. EUR, GBP, KRW)',
    'data.yaml:34:50  programmes[0].incentives[1].amount  gives both an exact amount and a range (min, max); give one',
    'data.yaml:35:51  programmes[0].incentives[2].min  min (9) is larger than max (1)',
    "data.yaml:36:76  programmes[0].incentives[3].rate  converts EUR into itself; a rate converts the amount's currency into another (to:, default EUR)",
    'data.yaml:37:60  programmes[0].incentives[4].rate  gives a rate but names no currency to convert from; give currency',
    'data.yaml:11:52  organisations[0].zh  gives both the zh/pinyin shorthand and native; keep native, which holds both',
    'data.yaml:12:53  organisations[1].pinyin  gives pinyin without zh; give zh too, or native { text, lang, romanized }',
    'data.yaml:9:9  sources[0].rates[0]  converts EUR into itself; a rate converts one currency into another',
    'data.yaml:14:5  claims[0]  claim "unsourced" names no source; only an outside fact may have none',
    '9 problems found',
  ]);
});

test('an event after the as-of date, a running status with an end date, an unsupported programme or topic and a loose claim are warnings (exit 0)', () => {
  const result = runCli(['check', '--data', '.'], { cwd: fixture('facts/content-warnings') });
  assert.is(result.code, 0, result.stderr);
  assert.equal(lines(result.stderr), WARNINGS);
  assert.is(result.stdout, 'ok: 1 file, 3 programmes, 1 topic, 2 claims; 5 warnings\n');
});

test('build prints the same warnings once, before rendering, and builds', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'brief-warned-'));
  try {
    const result = runCli(['build', '--data', '.', '--out', out, '--format', 'html'], { cwd: fixture('facts/content-warnings') });
    assert.is(result.code, 0, result.stderr);
    assert.equal(lines(result.stderr), [...WARNINGS, 'warning: briefing-pack.pdf not made: 8 documents of the plan are not built; run brief build']);
    assert.match(result.stdout, /^4 built in /m);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('a rate without its basis is refused, saying what a basis is', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-basis-'));
  try {
    await writeFile(
      path.join(dir, 'data.yaml'),
      [
        'meta: { title: Rates, asOf: "2024-03-10", author: Test desk }',
        'claims: [{ id: c, statement: S., attribution: { kind: outside-fact, who: us }, confidence: high }]',
        'programmes:',
        '  - id: p',
        '    name: { en: P }',
        '    summary: S.',
        '    level: national',
        '    jurisdiction: Nowhere',
        '    status: active',
        '    incentives:',
        '      - { kind: grant, label: A grant, amount: 3000000, currency: KRW, rate: { rate: 0.00073 }, claim: c }',
        '',
      ].join('\n'),
    );
    const result = runCli(['check', '--data', '.'], { cwd: dir });
    assert.is(result.code, 1);
    assert.equal(lines(result.stderr), [
      `data.yaml:11:78  programmes[0].incentives[0].rate  missing required field "basis": where the rate comes from, e.g. "the source's own conversion" or a central bank's reference rate and its date`,
      '1 problem found',
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
