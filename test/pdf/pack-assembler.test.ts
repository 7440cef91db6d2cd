import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { PdfMetadata } from '../../src/contracts/document.js';
import { PackAssembler, printFrontMatter, type PackPart } from '../../src/pdf/pack-assembler.js';
import { bookmarks, detach, detachList, elements, linkTargets, structTrees, textOf, type Bookmark } from '../helpers/read-pdf.js';
import { pageCount, pageText } from '../helpers/pdf.js';
import { FIXED_DATE, openPrinter, paragraph, testDocument, testSkeleton } from '../helpers/skeleton-fixture.js';
import { checkAccessibility, formatResults } from '../helpers/ua-checks.js';

const PAGE_CSS = '@page { size: A4; margin: 20mm 18mm; @top-left { content: "Running head"; } }';

/** A document with `pages` pages of text, a note linked from its first page, and a Chinese name. */
function body(id: string, pages: number): string {
  const filler = Array.from({ length: pages * 5 }, () => `<p>${paragraph(110)}</p>`).join('');
  return `<main><h1>Document ${id}</h1><p>First line of ${id}, with <span lang="zh">启明</span>.<a href="#note-1"><sup>1</sup></a></p>
<h2>Section of ${id}</h2>${filler}<h2>Notes</h2><ol><li id="note-1">The note of ${id}.</li></ol></main>`;
}

const DOCS = [
  { key: 'programmes/alpha/brief', pages: 2 },
  { key: 'programmes/beta/brief', pages: 1 },
  { key: 'topics/gamma/brief', pages: 3 },
];

const PACK_META: PdfMetadata = {
  title: 'Test briefings: briefing pack',
  author: 'Research Security Office',
  subject: '3 documents',
  keywords: ['test'],
  creator: 'briefing-press 0.1.0',
  producer: 'briefing-press 0.1.0',
  language: 'en-GB',
  date: FIXED_DATE,
};

const context = {
  dir: '',
  docs: [] as Array<{ key: string; title: string; file: string; bytes: Uint8Array; pages: number }>,
  front: undefined as unknown as Awaited<ReturnType<typeof printFrontMatter>>,
  pack: '',
  bytes: new Uint8Array() as Uint8Array,
};
const packing = suite('the briefing pack, merged with each document whole', context);

/** Parts of the pack as a build gives them, read back from disk when merged. */
function partsOf(docs: typeof context.docs): PackPart[] {
  return docs.map((doc) => ({ key: doc.key, title: doc.title, kind: 'programme', pages: doc.pages, read: () => readFile(doc.file) }));
}

async function assemble(docs: typeof context.docs, front: typeof context.front, passBytes: boolean): Promise<Uint8Array> {
  const assembler = new PackAssembler();
  partsOf(docs).forEach((part, i) => assembler.add(part, passBytes ? docs[i]!.bytes : undefined));
  return (await assembler.finish(front, PACK_META, { contents: 'Contents' })).bytes;
}

packing.before(async (ctx) => {
  ctx.dir = await mkdtemp(path.join(os.tmpdir(), 'brief-pack-test-'));
  const { printer, close } = await openPrinter(testSkeleton(), { concurrency: 2 });
  try {
    for (const { key, pages } of DOCS) {
      const id = key.split('/')[1]!;
      const facts = { name: 'facts.json', mimeType: 'application/json', description: 'Claims', relationship: 'Data' as const, content: `{"document":"${key}"}\n` };
      const printed = await printer.print(testDocument(key, body(id, pages), { pageCss: PAGE_CSS, attachments: [facts] }));
      const file = path.join(ctx.dir, `${id}.pdf`);
      await writeFile(file, printed.bytes);
      ctx.docs.push({ key, title: `Document ${id}`, file, bytes: printed.bytes, pages: printed.pages });
    }
    const front = `<section><h1>Test briefings</h1><p>Briefing pack</p></section><section style="break-before: page"><h1>Contents</h1><p>Document alpha</p></section>`;
    ctx.front = await printFrontMatter(async () => (await printer.print(testDocument('pack/front', front))).bytes);
  } finally {
    await close();
  }
  ctx.bytes = await assemble(ctx.docs, ctx.front, true);
  ctx.pack = path.join(ctx.dir, 'pack.pdf');
  await writeFile(ctx.pack, ctx.bytes);
});

packing.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true });
});

/** The page in the pack where each document starts, from 1. */
const starts = (ctx: typeof context) => {
  let next = ctx.front.pages + 1;
  return ctx.docs.map((doc) => {
    const start = next;
    next += doc.pages;
    return start;
  });
};

packing('the front matter comes first, then every document in order, each page of it with its text', (ctx) => {
  assert.is(ctx.front.pages, 2);
  assert.is(pageCount(ctx.pack), 2 + ctx.docs.reduce((sum, d) => sum + d.pages, 0));
  assert.match(pageText(ctx.pack, 1), 'Test briefings');
  assert.match(pageText(ctx.pack, 2), 'Contents');
  ctx.docs.forEach((doc, i) => {
    const id = doc.key.split('/')[1]!;
    assert.match(pageText(ctx.pack, starts(ctx)[i]!), `First line of ${id}`);
    assert.match(pageText(ctx.pack, starts(ctx)[i]! + doc.pages - 1), `The note of ${id}`);
  });
});

packing('every page has a structure tree: the pack a Document, each document a Part of it', async (ctx) => {
  const trees = await structTrees(ctx.pack);
  assert.ok(trees.every((tree) => tree && tree.children.length > 0), 'a tree on every page');
  for (const [i, tree] of trees.entries()) {
    assert.equal(tree!.children.map((c) => c.role), ['Document'], `page ${i + 1}`);
    assert.equal(tree!.children[0]!.children.map((c) => c.role), ['Part'], `page ${i + 1}`);
  }
  const first = trees[starts(ctx)[0]! - 1]!;
  const part = first.children[0]!.children[0]!;
  assert.match(textOf(part), 'First line of alpha');
  // Trimmed: pdf.js reads the gap Chromium leaves for a word space as a space at the start of the next marked content.
  assert.equal(
    elements(part).filter((e) => e.role === 'Span').map((e) => [e.lang, textOf(e).trim()]),
    [['zh', '启明']],
  );
});

packing("each link still jumps to its own document's page", async (ctx) => {
  const links = await linkTargets(ctx.pack);
  const expected: Array<{ page: number; target: number }> = [];
  for (const [i, doc] of ctx.docs.entries()) {
    for (const link of await linkTargets(doc.file)) expected.push({ page: link.page + starts(ctx)[i]! - 1, target: link.target! + starts(ctx)[i]! - 1 });
  }
  assert.is(expected.length, 3);
  assert.equal(
    links.map((l) => ({ page: l.page, target: l.target })),
    expected,
  );
  assert.ok(links.every((l) => l.contents === 'Note 1'));
});

packing('bookmarks: the contents, then each document on its first page with its own headings below it', async (ctx) => {
  const outline = await bookmarks(ctx.pack);
  assert.equal(
    outline.map((b) => [b.title, b.page]),
    [['Contents', 2], ...ctx.docs.map((doc, i) => [doc.title, starts(ctx)[i]!])],
  );
  for (const [i, doc] of ctx.docs.entries()) {
    const own = await bookmarks(doc.file);
    const shift = (items: Bookmark[]): Bookmark[] => items.map((b) => ({ title: b.title, page: b.page + starts(ctx)[i]! - 1, items: shift(b.items) }));
    assert.equal(outline[i + 1]!.items, shift(own), doc.title);
  }
});

packing("each document's facts.json comes along under the document's name, as it was", async (ctx) => {
  assert.equal(detachList(ctx.pack), ['programmes-alpha-brief-facts.json', 'programmes-beta-brief-facts.json', 'topics-gamma-brief-facts.json']);
  for (const [i, doc] of ctx.docs.entries()) {
    const out = path.join(ctx.dir, `from-pack-${i}.json`);
    detach(ctx.pack, i + 1, out);
    assert.is(await readFile(out, 'utf8'), `{"document":"${doc.key}"}\n`);
  }
});

packing('the pack meets every machine-checkable rule of PDF/UA-1', async (ctx) => {
  const results = await checkAccessibility(ctx.pack);
  assert.ok(results.every((r) => r.ok), formatResults(results));
});

packing('the same parts give the same bytes, merged as they print or read back from disk', async (ctx) => {
  const again = await assemble(ctx.docs, ctx.front, false);
  assert.ok(Buffer.compare(Buffer.from(again), Buffer.from(ctx.bytes)) === 0);
});

packing('a document whose file does not have the pages recorded for it stops the pack, naming it', async (ctx) => {
  const assembler = new PackAssembler();
  const [first] = partsOf(ctx.docs);
  assembler.add({ ...first!, pages: 7 });
  const error = await assembler.finish(ctx.front, PACK_META, { contents: 'Contents' }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  assert.is(error?.message, `programmes/alpha/brief: the file has ${ctx.docs[0]!.pages} pages, the manifest 7; run with --force`);
});

packing.run();
