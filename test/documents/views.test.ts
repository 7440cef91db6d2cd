import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProgrammeView, comparisonPeers } from '../../src/documents/programme-view.js';
import { buildTopicView } from '../../src/documents/topic-view.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';

const dataDir = fileURLToPath(new URL('../fixtures/documents/dataset', import.meta.url));
const poundsDir = fileURLToPath(new URL('../fixtures/render/pounds', import.meta.url));
let facts: Facts;
let pounds: Facts;
test.before(async () => {
  facts = await loadFacts(dataDir);
  pounds = await loadFacts(poundsDir);
});

test('a programme brief holds its key figures as the data gives them, each once; "unknown" goes under what is not known (issue 18)', () => {
  const view = buildProgrammeView(facts, 'lantern', { layout: 'brief' });
  const figures = view.keyFigures.map((f) => [f.caption, f.figure.value, f.figure.qualifier ?? null]);
  // "applicants in 2023" is the same figure (more than 200 people) under another label: shown once.
  assert.equal(figures, [['Applicants', 200, 'more than']]);
  assert.equal(view.extras.notKnown, [{ caption: 'Recruited', notes: [5] }]);
  assert.is(view.extras.hasNotKnown, true);
});

test('every endnote names its attribution by key and its source by its place in the source list', () => {
  const view = buildProgrammeView(facts, 'lantern', { layout: 'brief' });
  assert.equal(view.endnotes.map((n) => n.number), [1, 2, 3, 4, 5, 6]);
  const sponsor = view.endnotes[0]!;
  assert.is(sponsor.attribution, 'attribution.government-documents');
  assert.is(sponsor.who, 'Provincial policy documents');
  assert.is(sponsor.source?.number, 1);
  assert.is(sponsor.excerpt, 'the talent office runs the scheme');
  assert.equal(
    view.sources.map((s) => [s.number, s.publisher, s.headline]),
    [
      [1, 'The Fixture Gazette', 'Lantern scheme pays for returning engineers'],
      [2, 'Provincial Bulletin', 'Harbour talent rules published'],
    ],
  );
  assert.equal(view.endnotes.map((n) => n.source?.number), [1, 1, 1, 2, 1, 1]);
  assert.ok(view.citeSourcePerNote, 'two sources: each note names its own');
  assert.equal(view.glance[0]!.notes, [1]);
});

test('notes cited together are listed in ascending order, whatever order the data cites them in', () => {
  const claims = facts.programmes.get('lantern')!.sections![0]!;
  const original = claims.claims;
  claims.claims = ['lantern-recruited', 'lantern-bonus', 'lantern-sponsor'];
  try {
    const view = buildProgrammeView(facts, 'lantern', { layout: 'brief' });
    assert.equal(view.sections[0]!.notes, [1, 3, 5]);
  } finally {
    claims.claims = original;
  }
});

test('the title block carries label keys and the dataset marking unless a flag overrides it', () => {
  const brief = buildProgrammeView(facts, 'lantern', { layout: 'brief' });
  assert.is(brief.titleBlock.distribution, 'Internal — fixture only');
  assert.is(brief.titleBlock.kicker, 'document.programme-brief');
  const flagged = buildProgrammeView(facts, 'lantern', { layout: 'one-pager', distribution: 'Limited', author: 'Desk B' });
  assert.is(flagged.titleBlock.distribution, 'Limited');
  assert.is(flagged.titleBlock.author, 'Desk B');
  assert.is(flagged.titleBlock.kicker, 'document.fact-sheet');
  assert.equal(brief.glance.map((r) => [r.label, r.term, r.text]).slice(0, 3), [
    ['glance.sponsor', null, null],
    ['glance.level', 'level.provincial', 'Fixture province'],
    ['glance.launched', null, null],
  ]);
});

test('a native name carries its language, its direction and its romanisation with the system named', () => {
  const lantern = buildProgrammeView(facts, 'lantern', { layout: 'brief' });
  assert.equal(lantern.titleBlock.name?.native, { text: '灯笼', lang: 'zh', dir: 'ltr', romanized: { text: 'Dēnglóng', system: 'pinyin' } });
  const exchange = buildProgrammeView(pounds, 'exchange', { layout: 'brief' });
  assert.equal(exchange.titleBlock.name?.native, {
    text: '한영 기술 교류',
    lang: 'ko',
    dir: 'ltr',
    romanized: { text: 'Hanyeong Gisul Gyoryu', system: 'Revised Romanization' },
  });
  assert.equal(exchange.people.map((p) => [p.name, p.native?.text, p.native?.lang]), [['Kim Min-ji', '김민지', 'ko']]);
  const hebrew = { ...pounds.programmes.get('exchange')!, name: { en: 'Peace', native: { text: 'שלום', lang: 'he' } } };
  const withHebrew: Facts = { ...pounds, programmes: new Map([...pounds.programmes, ['exchange', hebrew]]) };
  assert.is(buildProgrammeView(withHebrew, 'exchange', { layout: 'brief' }).titleBlock.name?.native?.dir, 'rtl');
});

test('money: a conversion where the incentive has a rate, the reported figure where the source gave one, and each rate noted once', () => {
  const view = buildTopicView(facts, 'money', { layout: 'brief' });
  assert.equal(
    view.incentives.map((r) => [r.description, r.amount, r.comparison]),
    [
      [
        'Signing bonus',
        { currency: 'CNY', amount: null, min: 1_000_000, max: 2_000_000, qualifier: null },
        { currency: 'USD', amount: null, min: 140_000, max: 280_000, qualifier: 'about', how: 'converted', reported: false },
      ],
      [
        'Referral payment',
        { currency: 'CNY', amount: null, min: null, max: 500_000, qualifier: null },
        { currency: 'USD', amount: null, min: null, max: 70_000, qualifier: 'about', how: 'reported', reported: true },
      ],
    ],
  );
  assert.equal(view.money, {
    comparisonCurrency: 'USD',
    comparisonColumn: true,
    anyReported: true,
    rates: [{ from: 'CNY', to: 'USD', rate: 0.14, basis: "the Gazette's own conversion", date: null }],
    chartCurrency: 'USD',
    chartIsComparison: true,
    noChart: null,
    notCharted: 0,
  });
});

test('money in pounds with no rate: no comparison column, and the chart in pounds', () => {
  const view = buildProgrammeView(pounds, 'bootcamps', { layout: 'brief' });
  assert.equal(view.incentives.map((r) => [r.description, r.amount, r.comparison, r.recipient]), [
    ['Budget over the spending period', { currency: 'GBP', amount: 2_500_000_000, min: null, max: null, qualifier: null }, null, null],
    [
      "Contribution towards each learner's wages",
      { currency: 'GBP', amount: 3_000_000, min: null, max: null, qualifier: 'about' },
      null,
      'Small and medium-sized employers',
    ],
    ['Grant per place', { currency: 'GBP', amount: null, min: 2000, max: 3245, qualifier: null }, null, null],
  ]);
  assert.equal(view.money, {
    comparisonCurrency: 'USD',
    comparisonColumn: false,
    anyReported: false,
    rates: [],
    chartCurrency: 'GBP',
    chartIsComparison: false,
    noChart: null,
    notCharted: 0,
  });
});

test('a rate from the claim\'s source converts to the comparison currency; amounts in two currencies with no rate get no chart, and say why', () => {
  const source = pounds.sources.get('skills-wire')!;
  const withRate: Facts = {
    ...pounds,
    meta: { ...pounds.meta, comparisonCurrency: 'EUR' },
    sources: new Map([['skills-wire', { ...source, rates: [{ currency: 'GBP', rate: 1.17, basis: 'central bank reference rate', date: '2024-03-28' }] }]]),
  };
  const converted = buildProgrammeView(withRate, 'bootcamps', { layout: 'brief' });
  assert.equal(converted.incentives[0]!.comparison, { currency: 'EUR', amount: 2_900_000_000, min: null, max: null, qualifier: 'about', how: 'converted', reported: false });
  assert.equal(converted.money.rates, [{ from: 'GBP', to: 'EUR', rate: 1.17, basis: 'central bank reference rate', date: '2024-03-28' }]);
  assert.is(converted.money.chartCurrency, 'EUR');

  const exchange = pounds.programmes.get('exchange')!;
  const inWon = { ...exchange, incentives: [{ ...exchange.incentives![0]!, currency: 'KRW', amount: 2_000_000 }] };
  const mixed: Facts = { ...pounds, programmes: new Map([...pounds.programmes, ['exchange', inWon]]) };
  const view = buildTopicView(mixed, 'funding', { layout: 'brief' });
  assert.is(view.money.chartCurrency, null);
  assert.equal(view.money.noChart, { key: 'incentive.no-chart-currencies', currencies: ['GBP', 'KRW'] });
  assert.is(view.money.comparisonColumn, false);
});

test('a one-pager cites only what it shows, and counts what it leaves out', () => {
  const view = buildProgrammeView(facts, 'lantern', { layout: 'one-pager' });
  assert.equal(view.sections, []);
  assert.equal(view.people, []);
  assert.equal(view.endnotes.map((n) => `${n.number} ${n.attribution} (${n.who})`), [
    '1 attribution.government-documents (Provincial policy documents)',
    '2 attribution.named-official (A named provincial official)',
    '3 attribution.anonymous-sources (Two people with knowledge of the scheme)',
    '4 attribution.official-document (A provincial report)',
  ]);
  const shown = [...view.glance, ...view.keyFigures, ...view.timeline].flatMap((x) => x.notes);
  assert.equal([...new Set(shown)].sort(), [1, 2, 3, 4]);
  // The unknown figure is not a key figure (issue 18): the sheet says it is not known, uncited.
  assert.equal(view.extras.notKnown, [{ caption: 'Recruited', notes: [] }]);
  assert.equal(view.leftOut, { takeaways: 0, keyFigures: 0, events: 0 });
  const five = buildProgrammeView(pounds, 'bootcamps', { layout: 'one-pager' });
  assert.equal(five.takeaways.length, 4);
  assert.equal(five.leftOut, { takeaways: 1, keyFigures: 0, events: 0 });
});

test("a fact sheet's timeline holds the subject's events up to the as-of date, none after it", () => {
  const brief = buildProgrammeView(pounds, 'bootcamps', { layout: 'brief' });
  assert.equal(brief.timeline.map((e) => e.date), ['2021', '2022-04-01', '2024-09-01']);
  const sheet = buildProgrammeView(pounds, 'bootcamps', { layout: 'one-pager' });
  assert.equal(sheet.timeline.map((e) => e.date), ['2021', '2022-04-01']);
});

test("a topic's fact sheet keeps the topic's own events before its programmes' when it must choose", () => {
  const extra = new Map(facts.timeline);
  for (let i = 1; i <= 6; i++) {
    extra.set(`later-${i}`, { id: `later-${i}`, date: `2024-0${i > 3 ? 3 : 1}-0${i}`, event: `Lantern event ${i}.`, programmes: ['lantern'], origin: facts.timeline.get('t-launch')!.origin });
  }
  extra.set('after', { id: 'after', date: '2024-06-01', event: 'After the as-of date.', programmes: ['lantern'], topics: ['money'], origin: facts.timeline.get('t-launch')!.origin });
  const view = buildTopicView({ ...facts, timeline: extra }, 'money', { layout: 'one-pager' });
  // The topic's own event (Harbour's rules, November 2023) first; then, of its programmes' eight up to
  // 15 March 2024 (the as-of date), the latest four; nothing after the as-of date, even the topic's own.
  assert.equal(view.timeline.map((e) => e.date), ['2023-11', '2024-02-10', '2024-03-04', '2024-03-05', '2024-03-06']);
  assert.equal(view.leftOut.events, 4, '2019 and three of January 2024');
});

test('a topic view lists its programmes and the timeline events that bear on them', () => {
  const view = buildTopicView(facts, 'money', { layout: 'brief' });
  assert.equal(view.programmes.map((p) => [p.name.en, p.level, p.status]), [
    ['Lantern', 'level.provincial', 'status.active'],
    ['Harbour Plan', 'level.municipal', 'status.unknown'],
  ]);
  assert.equal(view.timeline.map((e) => e.date), ['2019', '2023-11', '2024-02-10']);
  assert.ok(view.endnotes.some((n) => n.attribution === 'attribution.state-media' && n.who === 'A city newspaper'));
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
