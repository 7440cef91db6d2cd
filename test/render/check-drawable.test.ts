// Where an undrawable character of a document comes from, as the build's one-line error says it
// (issue 11): the data record holding it, the dataset's meta, the options, or the templates.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertDrawable } from '../../src/render/check-drawable.js';
import { characterSource } from '../../src/documents/character-source.js';
import { planDocuments } from '../../src/documents/plan.js';
import type { DocumentSpec } from '../../src/contracts/document.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import { fixture } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/run-cli.js';

let facts: Facts;
let brief: DocumentSpec;
test.before(async () => {
  // Paths in messages are shown from the project's folder, as a command run there shows them.
  facts = await loadFacts(fixture('build/data'), { cwd: ROOT });
  brief = planDocuments(facts).find((s) => s.key === 'programmes/alpha/brief')!;
});

/** The message assertDrawable throws for this drawn text, or undefined when it throws none. */
function failure(html: string, text: string[] = [], options: { author?: string; distribution?: string } = {}): string | undefined {
  try {
    assertDrawable(brief.outputPath, { html, text }, characterSource(facts, brief.subject, options));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

test('text the bundled fonts draw passes', () => {
  assert.is(failure('<p title="😀">Alpha scheme 阿尔法 “quoted” &middot; 3–5</p>', ['Alpha scheme: brief', 'PUBLIC — FIXTURE']), undefined);
});

test('a character only a template prints is said to come from the templates', () => {
  assert.is(failure('<p>Alpha 😀</p>'), 'programmes/alpha/alpha-brief.pdf: no bundled font can draw U+1F600 "😀" from the templates (no data holds it)');
});

test('a character in a data record names the record, also when the data wrote it as a character reference', () => {
  const claim = facts.claims.get('beta-referral')!;
  const statement = claim.statement;
  claim.statement = 'Beta pays &#xe2a; referrals.';
  try {
    assert.is(
      failure('<p>Beta pays ส referrals.</p>'),
      'programmes/alpha/alpha-brief.pdf: no bundled font can draw U+0E2A "ส" from test/fixtures/build/data/claims.yaml:21:5',
    );
  } finally {
    claim.statement = statement;
  }
});

test("a character in the running header names the dataset's meta or the options it came from", () => {
  const title = facts.meta.title;
  facts.meta.title = 'Fixture ქ';
  try {
    assert.is(failure('', ['Fixture ქ: brief']), 'programmes/alpha/alpha-brief.pdf: no bundled font can draw U+10E5 "ქ" from `meta` in the data');
  } finally {
    facts.meta.title = title;
  }
  assert.is(
    failure('', ['', 'PUBLIC ✡'], { distribution: 'PUBLIC ✡' }),
    'programmes/alpha/alpha-brief.pdf: no bundled font can draw U+2721 "✡" from the author or distribution given to the build',
  );
});

test('three characters are named, grouped by where they come from, and the rest counted', () => {
  assert.is(
    failure('<p>😀 😁</p>', ['✡ ✢ ✣']),
    'programmes/alpha/alpha-brief.pdf: no bundled font can draw U+1F600 "😀", U+1F601 "😁", U+2721 "✡" from the templates (no data holds it) (and 2 more characters)',
  );
});

test.run();
