import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DataError, loadFacts, planDocuments, UsageError } from '../src/index.js';
import { fixture } from './helpers/fixtures.js';

test('the library loads facts and plans a brief, a one-pager and an HTML file per programme and topic', async () => {
  const facts = await loadFacts(fixture('facts/valid'));
  assert.equal(
    planDocuments(facts).map((d) => d.outputPath),
    [
      'programmes/lantern/lantern-brief.pdf',
      'programmes/lantern/lantern-one-pager.pdf',
      'programmes/lantern/lantern.html',
      'programmes/beacon/beacon-brief.pdf',
      'programmes/beacon/beacon-one-pager.pdf',
      'programmes/beacon/beacon.html',
      'topics/money/money-brief.pdf',
      'topics/money/money-one-pager.pdf',
      'topics/money/money.html',
    ],
  );
});

test('a selection narrows the plan to the programmes, topics and formats named', async () => {
  const facts = await loadFacts(fixture('facts/valid'));
  assert.equal(planDocuments(facts, { programmes: ['beacon'], formats: ['one-pager'] }).map((d) => d.key), ['programmes/beacon/one-pager']);
  assert.equal(planDocuments(facts, { topics: ['money'], formats: ['brief'] }).map((d) => d.key), ['topics/money/brief']);
  assert.throws(() => planDocuments(facts, { programmes: ['nope'] }), (e: unknown) => e instanceof UsageError && /no programme "nope" in the data; known: lantern, beacon/.test(e.message));
});

test('loading bad data rejects with every problem, each with its place', async () => {
  try {
    await loadFacts(fixture('facts/bad'));
    assert.unreachable('bad data loaded');
  } catch (error) {
    assert.instance(error, DataError);
    // The bad-input fixtures on their own: each file's own problem, at its place, in path order.
    const shown = (error as DataError).problems.map((p) => `${p.file.split('/').pop()}:${p.line}:${p.col} ${p.path}`);
    assert.equal(shown, [
      'malformed-yaml.yaml:4:1 ',
      'not-utf8.yaml:3:15 ',
      'path-id.yaml:2:9 topics[0].id',
      'unknown-field.yaml:8:5 programmes[0].publicty',
      'wrong-type.yaml:5:12 programmes[0].level',
    ]);
  }
});

test.run();
