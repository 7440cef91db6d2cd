// The "Since the last edition" part (issue 22) as the templates word it: a document's view given
// an edition and changes written out here by hand (the diff is tested in test/editions), then
// rendered with the bundled templates. Without an edition the document is as it always was.
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Change, FactRecord } from '../../src/contracts/editions.js';
import { buildView } from '../../src/documents/build-view.js';
import { characterSource } from '../../src/documents/character-source.js';
import { planDocuments } from '../../src/documents/plan.js';
import { withSince } from '../../src/documents/since-view.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import { renderDocument } from '../../src/render/render-document.js';
import type { RenderOptions } from '../../src/render/render-options.js';
import { createRenderer } from '../../src/render/renderer.js';
import { bundledTemplatesDir, readTemplateSet } from '../../src/render/template-set.js';

const bundled = fileURLToPath(new URL('../../data', import.meta.url));
const japanese = fileURLToPath(new URL('../../examples/island-teachers/data', import.meta.url));
const renderer = createRenderer(readTemplateSet(bundledTemplatesDir()));
const options: RenderOptions = { paper: 'a4', creator: 'brief 0.0.0-test', date: new Date('2024-03-15T00:00:00Z') };
const EDITION = { number: 2, previousAsOf: '2026-05-12' };
let facts: Facts;
test.before(async () => {
  facts = await loadFacts(bundled);
});

function render(data: Facts, key: string, since?: (records: readonly FactRecord[]) => { changes: Change[]; before: FactRecord[] }) {
  const spec = planDocuments(data).find((s) => s.key === key)!;
  const built = buildView(data, spec, options);
  const given = since?.(built.evidence.records);
  const view = given ? withSince(built, EDITION, given.changes, { now: built.evidence.records, before: given.before }) : built;
  return renderDocument(renderer, view, spec, options, characterSource(data, spec.subject, options));
}

/** The signing bonus a tenth lower in the previous edition, and a claim of it withdrawn since. */
function qimingChanges(records: readonly FactRecord[]) {
  const bonus = records.find((r) => r.entity === 'amount' && r.id === 'qiming/signing-bonus')!;
  const before = [...records.filter((r) => r !== bonus), { ...bonus, fields: { ...bonus.fields, min: '2700000' } }];
  const changes: Change[] = [
    { type: 'changed', entity: 'amount', id: 'qiming/signing-bonus', label: 'Typical signing bonus', field: 'min', old: '2700000', new: '3000000' },
    { type: 'removed', entity: 'claim', id: 'old-claim', label: 'A claim the desk no longer stands behind' },
  ];
  return { changes, before };
}

test("a brief whose facts changed shows the part after its lead: the amount as it was and is, what was withdrawn", () => {
  const doc = render(facts, 'programmes/qiming/brief', qimingChanges);
  const part = /<section class="since"[\s\S]*?<\/section>/.exec(doc.body)?.[0] ?? '';
  assert.ok(part.includes('Since the last edition (12 May 2026)'), part);
  assert.match(part, /AMOUNT|Amount/);
  assert.ok(part.includes('Typical signing bonus: <span class="since-new">CN¥3m–CN¥5m</span> <span class="since-was">(was <s>CN¥2.7m–CN¥5m</s>)'), part);
  assert.ok(part.includes('A claim the desk no longer stands behind'), part);
  // After the bottom line and takeaways, before the facts at a glance.
  assert.ok(doc.body.indexOf('class="since"') > doc.body.indexOf('Key takeaways') && doc.body.indexOf('class="since"') < doc.body.indexOf('At a glance'));
  assert.ok(doc.body.includes('Edition 2 &middot; previous edition 12 May 2026'));
  // The signing bonus's claim is cited in the part and marked where the brief cites it.
  assert.match(part, /<sup class="noteref"><a href="#note-\d+">\d+<\/a><\/sup>/);
  assert.ok((doc.body.match(/<span class="change-words">Changed since the last edition<\/span>/g) ?? []).length >= 2);
  assert.equal(doc.changes, { count: 2, named: ['Changed: Typical signing bonus', 'Withdrawn: A claim the desk no longer stands behind'] });
});

test("a fact sheet says it in one line, the last block dropped where the sheet has no room", () => {
  const doc = render(facts, 'programmes/qiming/one-pager', qimingChanges);
  const line = /<p class="since-line"[^>]*>[\s\S]*?<\/p>/.exec(doc.body)?.[0] ?? '';
  assert.ok(line.startsWith('<p class="since-line" data-fit-drop="5" data-fit-late>'), line);
  assert.ok(line.includes('<b>Changed since 12 May 2026:</b>'), line);
  assert.ok(line.includes('; 1 more change</p>'), line);
});

test('a document whose facts did not change shows its edition and nothing else new', () => {
  const plain = render(facts, 'programmes/kunpeng/brief');
  const edition = render(facts, 'programmes/kunpeng/brief', () => ({ changes: [], before: [] }));
  assert.not.ok(edition.body.includes('class="since"') || edition.body.includes('change-words'));
  assert.is(edition.body, plain.body.replace('Edition 1</span>', 'Edition 2 &middot; previous edition 12 May 2026</span>'));
  assert.is(edition.changes, undefined);
  assert.equal(JSON.parse(edition.attachments![0]!.content).document.edition, EDITION);
  assert.is(JSON.parse(plain.attachments![0]!.content).document.edition, undefined);
});

test("the part speaks the dataset's language", async () => {
  const data = await loadFacts(japanese);
  const key = planDocuments(data).find((s) => s.subject.kind === 'programme' && s.layout === 'brief')!.key;
  const doc = render(data, key, (records) => {
    const programme = records.find((r) => r.entity === 'programme')!;
    return { changes: [{ type: 'changed', entity: 'programme', id: programme.id, label: programme.label, field: 'name.en', old: 'Old name', new: programme.label }], before: [...records] };
  });
  assert.ok(doc.body.includes('前版（<span class="nw">2026年5月12日</span>）からの変更'));
  assert.match(doc.body, /\(旧 <s>Old name<\/s>\)/);
  assert.match(doc.body, /<span class="since-kind">制度<\/span>/);
  assert.ok(doc.body.includes('<span>第<span class="nw">2版</span> &middot; 前版 <span class="nw">2026年5月12日</span></span>'));
});

test.run();
