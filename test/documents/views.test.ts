import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProgrammeView, comparisonPeers } from '../../src/documents/programme-view.js';
import { buildTopicView } from '../../src/documents/topic-view.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';

const dataDir = fileURLToPath(new URL('../fixtures/documents/dataset', import.meta.url));
let facts: Facts;
test.before(async () => {
  facts = await loadFacts(dataDir);
});

test('a programme brief holds its key figures as they stand in the data, "unknown" included', () => {
  const view = buildProgrammeView(facts, 'lantern', { layout: 'brief' });
  const figures = view.keyFigures.map((f) => [f.label, f.figure.value, f.figure.qualifier ?? null]);
  assert.equal(figures[0], ['Applicants', 200, 'more than']);
  assert.equal(figures[1], ['Recruited', 'unknown', null]);
  assert.ok(figures.some(([label]) => label === 'applicants in 2023'));
});

test('every endnote names its attribution and its source, numbered in reading order', () => {
  const view = buildProgrammeView(facts, 'lantern', { layout: 'brief' });
  assert.equal(view.endnotes.map((n) => n.number), [1, 2, 3, 4, 5, 6]);
  const sponsor = view.endnotes[0]!;
  assert.is(sponsor.attributionLabel, 'Review of government documents');
  assert.is(sponsor.who, 'Provincial policy documents');
  assert.is(sponsor.source.publisher, 'The Fixture Gazette');
  assert.is(sponsor.source.headline, 'Lantern scheme pays for returning engineers');
  assert.is(sponsor.excerpt, 'the talent office runs the scheme');
  const labels = view.endnotes.map((n) => n.attributionLabel);
  assert.ok(labels.includes('Anonymous sources'));
  assert.ok(labels.includes('Named official'));
  assert.equal(view.glance[0]!.notes, [1]);
});

test('the title block takes the dataset marking unless a flag overrides it', () => {
  assert.is(buildProgrammeView(facts, 'lantern', { layout: 'brief' }).titleBlock.distribution, 'Internal — fixture only');
  const flagged = buildProgrammeView(facts, 'lantern', { layout: 'one-pager', distribution: 'Limited', author: 'Desk B' });
  assert.is(flagged.titleBlock.distribution, 'Limited');
  assert.is(flagged.titleBlock.author, 'Desk B');
  assert.is(flagged.titleBlock.kicker, 'Fact sheet');
});

test('the incentives comparison spans programmes with the document\'s own first', () => {
  const view = buildProgrammeView(facts, 'lantern', { layout: 'brief' });
  assert.equal(view.incentiveComparison.map((r) => [r.programmeId, r.current]), [['lantern', true], ['harbour', false]]);
});

test('a one-pager cites only what it shows', () => {
  const view = buildProgrammeView(facts, 'lantern', { layout: 'one-pager' });
  assert.equal(view.sections, []);
  assert.equal(view.people, []);
  // The brief's sixth note (the recruiter's advertisement) belongs to the people it leaves out.
  assert.equal(view.endnotes.map((n) => `${n.number} ${n.attributionLabel} (${n.who})`), [
    '1 Review of government documents (Provincial policy documents)',
    '2 Named official (A named provincial official)',
    '3 Anonymous sources (Two people with knowledge of the scheme)',
    '4 Official document (A provincial report)',
    '5 News report (The Gazette, which could not find out)',
  ]);
  const shown = [...view.glance, ...view.keyFigures, ...view.timeline].flatMap((x) => x.notes);
  assert.equal([...new Set(shown)].sort(), [1, 2, 3, 4, 5]);
});

test('a topic view lists its programmes and the timeline events that bear on them', () => {
  const view = buildTopicView(facts, 'money', { layout: 'brief' });
  assert.equal(view.programmes.map((p) => p.name.en), ['Lantern', 'Harbour Plan']);
  assert.equal(view.timeline.map((e) => e.date), ['2019', '2023-11', '2024-02-10']);
  assert.ok(view.endnotes.some((n) => n.attributionLabel === 'State media' && n.who === 'A city newspaper'));
});

test('an incentives comparison stays at eight programmes however many the data holds, related ones first', () => {
  const lantern = facts.programmes.get('lantern')!;
  const programmes = new Map(facts.programmes);
  for (let i = 0; i < 40; i++) {
    const id = `extra-${i}`;
    programmes.set(id, { ...lantern, id, related: [], predecessor: undefined, successor: undefined, name: { en: `Extra ${i}` } });
  }
  // The last extra is related to lantern, so it must be chosen before earlier unrelated ones.
  programmes.set('lantern', { ...lantern, related: ['extra-39'] });
  const big: Facts = { ...facts, programmes };
  // Itself, then extra-39 (related), then harbour (it shares the money topic), then the rest in
  // data order until there are eight, all listed in data order.
  const eight = ['lantern', 'harbour', 'extra-0', 'extra-1', 'extra-2', 'extra-3', 'extra-4', 'extra-39'];
  assert.equal(comparisonPeers(big, 'lantern', ['extra-39']), eight);
  const view = buildProgrammeView(big, 'lantern', { layout: 'brief' });
  assert.equal(view.incentiveComparison.map((row) => row.programmeId), eight);
});

test.run();
