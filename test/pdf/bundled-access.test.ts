// The bundled dataset built by the real CLI, every PDF read back for PDF/UA-1 and for the evidence
// it carries: facts.json taken out with pdfdetach and set against the YAML as written.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { BUNDLED_PROGRAMMES, BUNDLED_TOPICS } from '../helpers/bundled-subjects.js';
import { execFileSync } from 'node:child_process';
import { pageCount, pageText, pdfFonts } from '../helpers/pdf.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { bookmarks, detach, detachList, elements, linkTargets, loadWithPdfLib, PDFDict, PDFName, structTrees, withPdfJs } from '../helpers/read-pdf.js';
import { checkAccessibility, formatResults } from '../helpers/ua-checks.js';

const SUBJECTS = [...BUNDLED_PROGRAMMES.map((id) => `programmes/${id}`), ...BUNDLED_TOPICS.map((id) => `topics/${id}`)];
/** Every document the build writes, by key, in the pack's order. */
const KEYS = SUBJECTS.flatMap((subject) => [`${subject}/brief`, `${subject}/one-pager`]);

const context = { out: '', dir: '' };
const bundled = suite('the bundled documents and pack, as accessible PDFs with their evidence', context);

const fileOf = (out: string, key: string) => {
  const [kind, id, format] = key.split('/');
  return path.join(out, kind!, id!, `${id}-${format}.pdf`);
};

bundled.before(async (ctx) => {
  ctx.out = await mkdtemp(path.join(os.tmpdir(), 'brief-access-'));
  ctx.dir = await mkdtemp(path.join(os.tmpdir(), 'brief-access-detached-'));
  // Two audiences: the board gets two fact sheets printed with its own marking, the faculty one
  // topic's documents at the run's marking; their packs and copies are checked like the rest.
  const config = path.join(ctx.dir, 'brief.config.yaml');
  await writeFile(
    config,
    [
      'audiences:',
      '  - id: board',
      '    title: Board of Trustees',
      '    distribution: CONFIDENTIAL — board only',
      '    programmes: [qiming, kunpeng]',
      '    topics: []',
      '    formats: [one-pager]',
      '  - id: faculty',
      '    title: Faculty',
      '    programmes: []',
      '    topics: [chip-talent-shortage]',
      '',
    ].join('\n'),
  );
  const result = runCli(['build', '--config', config, '--data', 'data', '--format', 'brief', '--format', 'one-pager', '--out', ctx.out, '--quiet']);
  assert.is(result.code, 0, result.stderr);
});

bundled.after(async (ctx) => {
  await rm(ctx.out, { recursive: true, force: true });
  await rm(ctx.dir, { recursive: true, force: true });
});

bundled('every document PDF, the pack, each audience pack and copy meet every machine-checkable rule of PDF/UA-1', async (ctx) => {
  const files = [
    ...KEYS.map((key) => fileOf(ctx.out, key)),
    path.join(ctx.out, 'briefing-pack.pdf'),
    // The board's copies, printed with its marking, and both audiences' packs.
    fileOf(path.join(ctx.out, 'audiences/board'), 'programmes/kunpeng/one-pager'),
    fileOf(path.join(ctx.out, 'audiences/board'), 'programmes/qiming/one-pager'),
    path.join(ctx.out, 'audiences/board/briefing-pack.pdf'),
    path.join(ctx.out, 'audiences/faculty/briefing-pack.pdf'),
  ];
  assert.is(files.length, 37);
  const failures: string[] = [];
  for (const file of files) {
    const results = await checkAccessibility(file);
    assert.is(results.length, 50, 'every rule was checked');
    if (results.some((r) => !r.ok)) failures.push(`${path.relative(ctx.out, file)}:\n${formatResults(results.filter((r) => !r.ok))}`);
  }
  assert.is(failures.join('\n'), '');
});

interface YamlClaim {
  id: string;
  statement: string;
  attribution: { kind: string; who: string };
  source?: string;
  excerpt?: string;
  date?: string;
  confidence: string;
}

/** The claims and sources as the YAML files state them, read with the yaml package alone. */
async function readData(): Promise<{ claims: Map<string, YamlClaim>; sources: Map<string, Record<string, unknown>> }> {
  const claims = new Map<string, YamlClaim>();
  const dir = path.join(ROOT, 'data/claims');
  for (const name of (await readdir(dir)).sort()) {
    for (const claim of (parse(await readFile(path.join(dir, name), 'utf8')) as { claims: YamlClaim[] }).claims) claims.set(claim.id, claim);
  }
  const sourceList = (parse(await readFile(path.join(ROOT, 'data/sources.yaml'), 'utf8')) as { sources: Array<Record<string, unknown>> }).sources;
  return { claims, sources: new Map(sourceList.map((s) => [String(s.id), s])) };
}

interface Evidence {
  format: string;
  document: { key: string; title: string; asOf: string };
  claims: Array<{ id: string; note: number; statement: string; attribution: { kind: string; who: string }; source: string | null; excerpt: string | null; date: string | null; confidence: string }>;
  sources: Array<{ id: string; publisher: string; headline: string; date: string }>;
}

bundled('each document PDF carries facts.json: the claims its notes cite, in note order, as the YAML states them, and their sources', async (ctx) => {
  const data = await readData();
  for (const [i, key] of KEYS.entries()) {
    const file = fileOf(ctx.out, key);
    assert.equal(detachList(file), ['facts.json'], key);
    const out = path.join(ctx.dir, `${i}.json`);
    detach(file, 1, out);
    const evidence = JSON.parse(await readFile(out, 'utf8')) as Evidence;
    assert.is(evidence.format, 'briefing-press/facts@2');
    assert.is(evidence.document.key, key);
    assert.is(evidence.document.asOf, '2023-08-24');
    assert.ok(evidence.claims.length > 0, `${key} cites claims`);
    assert.equal(
      evidence.claims.map((c) => c.note),
      evidence.claims.map((_, n) => n + 1),
      `${key}: notes 1, 2, 3...`,
    );
    for (const claim of evidence.claims) {
      const stated = data.claims.get(claim.id);
      assert.ok(stated, `${key}: ${claim.id} is a claim of the data`);
      const { id, statement, attribution, confidence } = stated!;
      assert.equal(
        { id: claim.id, statement: claim.statement, attribution: claim.attribution, source: claim.source, excerpt: claim.excerpt, date: claim.date, confidence: claim.confidence },
        { id, statement, attribution: { kind: attribution.kind, who: attribution.who }, source: stated!.source ?? null, excerpt: stated!.excerpt ?? null, date: stated!.date ?? null, confidence },
        `${key}: ${claim.id}`,
      );
    }
    const cited = [...new Set(evidence.claims.flatMap((c) => (c.source ? [c.source] : [])))];
    assert.equal(
      evidence.sources.map((s) => s.id),
      cited,
      `${key}: each cited source, once`,
    );
    for (const source of evidence.sources) {
      const stated = data.sources.get(source.id)!;
      assert.equal([source.publisher, source.headline, source.date], [stated.publisher, stated.headline, stated.date], `${key}: ${source.id}`);
    }
  }
});

bundled("the Huzhou fact sheet's facts.json, as a reader takes it out", async (ctx) => {
  const out = path.join(ctx.dir, 'huzhou.json');
  detach(fileOf(ctx.out, 'programmes/huzhou/one-pager'), 1, out);
  assert.fixture(
    await readFile(out, 'utf8'),
    `{
  "format": "briefing-press/facts@2",
  "document": {
    "key": "programmes/huzhou/one-pager",
    "title": "Huzhou Qiming referral incentives: fact sheet",
    "asOf": "2023-08-24"
  },
  "claims": [
    {
      "id": "huzhou-referral-payment",
      "note": 1,
      "statement": "A 2021 Huzhou directive lets city or district governments pay employers up to 1.5 million yuan when a candidate they put forward for Qiming is accepted.",
      "attribution": {
        "kind": "official-document",
        "who": "Huzhou city directive (2021)"
      },
      "source": "reuters-2023-08-24",
      "excerpt": "employers that recommend candidates to Qiming can receive incentive payments of up to 1.5 million yuan from the city or district governments",
      "locator": null,
      "date": "2021",
      "confidence": "high",
      "figures": [
        {
          "label": "maximum payment to a recommending employer",
          "value": 1500000,
          "qualifier": "up to",
          "unit": "CNY"
        }
      ],
      "programmes": [
        "huzhou",
        "qiming"
      ],
      "topics": [
        "money-and-perks",
        "provincial-and-city-schemes",
        "recruiters-and-channels"
      ],
      "hash": "d5361e372893cb93"
    }
  ],
  "sources": [
    {
      "id": "reuters-2023-08-24",
      "publisher": "Reuters",
      "headline": "China quietly recruits overseas chip talent as US tightens curbs",
      "reprintHeadline": "China Offering Millions to Foreign-Trained Chip, Tech Talents",
      "date": "2023-08-24",
      "dateline": "Hong Kong / Singapore / Washington",
      "byline": [
        "Julie Zhu",
        "Fanny Potkin",
        "Eduardo Baptista",
        "Michael Martina"
      ],
      "basis": "Three anonymous sources plus a review of more than 500 Chinese government documents dated 2019 to 2023",
      "url": null,
      "confidence": {
        "basis": "high",
        "byline": "medium",
        "date": "high",
        "dateline": "high",
        "headline": "high",
        "publisher": "high"
      }
    }
  ],
  "records": [
    {
      "entity": "programme",
      "id": "huzhou",
      "label": "Huzhou Qiming referral incentives",
      "fields": {
        "bottomLine": "In Huzhou, recruitment for Qiming runs through employers as well as the state. A Chinese employer of an overseas researcher has a direct financial reason to put that person forward.",
        "dates.lastEvidence.claim": "huzhou-referral-payment",
        "dates.lastEvidence.confidence": "high",
        "dates.lastEvidence.date": "2021",
        "dates.lastEvidence.note": "The 2021 directive; no later evidence in the article.",
        "jurisdiction": "Huzhou, Zhejiang province",
        "level": "municipal",
        "name.en": "Huzhou Qiming referral incentives",
        "openQuestions.0": "Whether the directive is still in force after 2021.",
        "openQuestions.1": "How many payments have been made, and to which employers.",
        "organisations.0": "huzhou-government",
        "publicity": "public",
        "related.0": "qiming",
        "related.1": "kunpeng",
        "sections.0.body": "Under a 2021 Huzhou directive, the city or a district government can pay an employer as much as 1.5 million yuan once a candidate it put forward is admitted to Qiming. The city did not respond to questions.",
        "sections.0.claims.0": "huzhou-referral-payment",
        "sections.0.claims.1": "zhejiang-silent",
        "sections.0.heading": "Paying employers to refer",
        "sections.1.body": "The directive is one of the few public documents that tie a local budget directly to Qiming, a programme that does not appear on central government websites. It supports what anonymous sources say: Qiming works in tandem with local schemes.",
        "sections.1.claims.0": "qiming-in-tandem",
        "sections.1.claims.1": "qiming-no-publicity",
        "sections.1.heading": "Why it matters",
        "sponsor.claim": "huzhou-referral-payment",
        "sponsor.confidence": "high",
        "sponsor.organisation": "huzhou-government",
        "status": "active",
        "summary": "Huzhou, a city in Zhejiang, pays employers to find Qiming candidates. Under a 2021 city directive, an employer whose nominee is admitted to Qiming can be paid as much as 1.5 million yuan by the city or a district government. The scheme shows local governments paying for referrals into a national programme that does not publicise itself.",
        "takeaways.0": "Up to 1.5 million yuan per accepted candidate, paid to the recommending employer (2021 city directive).",
        "takeaways.1": "The city or a district government pays, not the national programme.",
        "takeaways.2": "It rewards employers for referrals, which is separate from what the candidate receives.",
        "target.careerStage.0": "Candidates for Qiming",
        "target.careerStage.1": "put forward by their employers",
        "target.claims.0": "huzhou-referral-payment"
      }
    },
    {
      "entity": "claim",
      "id": "local-governments-invest",
      "label": "Provincial and city governments across China are putting …",
      "fields": {
        "attribution.kind": "official-document",
        "attribution.who": "Official provincial and municipal documents reviewed by Reuters",
        "confidence": "high",
        "excerpt": "Across China, provincial and municipal governments are pouring resources into the recruitment drive, official documents show.",
        "programmes.0": "kunpeng",
        "programmes.1": "wenzhou",
        "programmes.2": "huzhou",
        "programmes.3": "zhuji",
        "source": "reuters-2023-08-24",
        "statement": "Provincial and city governments across China are putting substantial money and effort into the recruitment drive.",
        "topics.0": "provincial-and-city-schemes"
      },
      "hash": "e3b09d060ee0c4fb"
    },
    {
      "entity": "claim",
      "id": "qiming-in-tandem",
      "label": "Qiming works alongside local and provincial recruitment …",
      "fields": {
        "attribution.kind": "anonymous-sources",
        "attribution.who": "Two of the three anonymous sources and one further source familiar with the matter",
        "confidence": "medium",
        "excerpt": "Qiming also operates in tandem with recruitment initiatives run by local and provincial authorities and a government-backed hiring drive by Chinese chip companies",
        "programmes.0": "qiming",
        "programmes.1": "chip-company-drive",
        "programmes.2": "kunpeng",
        "programmes.3": "wenzhou",
        "programmes.4": "huzhou",
        "programmes.5": "zhuji",
        "source": "reuters-2023-08-24",
        "statement": "Qiming works alongside local and provincial recruitment schemes and alongside a government-backed hiring campaign run by Chinese chip companies.",
        "topics.0": "provincial-and-city-schemes",
        "topics.1": "chip-talent-shortage"
      },
      "hash": "83afa3a685d63878"
    },
    {
      "entity": "claim",
      "id": "zhejiang-silent",
      "label": "No city, provincial or party authority in Zhejiang answered …",
      "fields": {
        "attribution.kind": "news-report",
        "attribution.who": "Reuters, on its requests for comment",
        "confidence": "high",
        "excerpt": "None of the city, provincial or Communist Party authorities, nor Di or his university, responded to queries.",
        "programmes.0": "kunpeng",
        "programmes.1": "wenzhou",
        "programmes.2": "huzhou",
        "source": "reuters-2023-08-24",
        "statement": "No city, provincial or party authority in Zhejiang answered questions, and neither did Dawei Di or Zhejiang University.",
        "topics.0": "provincial-and-city-schemes",
        "topics.1": "secrecy-and-low-profile"
      },
      "hash": "a083e4b5d765cc06"
    },
    {
      "entity": "amount",
      "id": "huzhou/referral-payment",
      "label": "Payment to an employer whose recommended candidate is accepted into Qiming",
      "fields": {
        "claim": "huzhou-referral-payment",
        "currency": "CNY",
        "kind": "referral-payment",
        "label": "Payment to an employer whose recommended candidate is accepted into Qiming",
        "max": "1500000",
        "note": "Paid by city or district governments under a 2021 directive.",
        "rate.basis": "implied by the article's own conversion of 3 million yuan to $420,000",
        "rate.rate": "0.14",
        "rate.to": "USD",
        "recipient": "The recommending employer"
      }
    },
    {
      "entity": "event",
      "id": "huzhou-directive",
      "label": "2021: A Huzhou city directive offers employers up to 1.5 …",
      "fields": {
        "claim": "huzhou-referral-payment",
        "confidence": "high",
        "date": "2021",
        "event": "A Huzhou city directive offers employers up to 1.5 million yuan for each candidate they recommend who is accepted into Qiming.",
        "programmes.0": "huzhou",
        "programmes.1": "qiming",
        "topics.0": "money-and-perks",
        "topics.1": "provincial-and-city-schemes"
      }
    },
    {
      "entity": "organisation",
      "id": "huzhou-government",
      "label": "Huzhou city and district governments",
      "fields": {
        "jurisdiction": "Huzhou, Zhejiang province",
        "kind": "government",
        "name": "Huzhou city and district governments"
      }
    }
  ]
}
`,
  );
});

bundled('the pack keeps every document: its pages under a Part of one Document, its bookmarks, its links, its facts.json', async (ctx) => {
  const pack = path.join(ctx.out, 'briefing-pack.pdf');
  const manifest = JSON.parse(await readFile(path.join(ctx.out, 'manifest.json'), 'utf8')) as { files: Array<{ key: string; title: string; pages: number }> };
  const documents = KEYS.map((key) => manifest.files.find((f) => f.key === key)!);
  // The front matter (title page and contents) takes the first two pages.
  let next = 3;
  const ranges = documents.map((doc) => {
    const range = { first: next, last: next + doc.pages - 1 };
    next += doc.pages;
    return range;
  });
  assert.is(pageCount(pack), next - 1);

  const trees = await structTrees(pack);
  assert.ok(
    trees.every((tree) => tree?.children.length === 1 && tree.children[0]!.role === 'Document' && tree.children[0]!.children.every((c) => c.role === 'Part')),
    'one Document, Parts below it, on every page',
  );

  const outline = await bookmarks(pack);
  assert.equal(
    outline.map((b) => [b.title, b.page]),
    [['Contents', 2], ...documents.map((doc, i) => [doc.title, ranges[i]!.first])],
  );
  assert.ok(outline.slice(1).every((b) => b.items.length > 0), "each document's own headings below its title");

  const links = await linkTargets(pack);
  assert.ok(links.length > 300, `${links.length} links`);
  const inside = (page: number) => ranges.findIndex((r) => page >= r.first && page <= r.last);
  // The contents (page 2) are the front matter's: their links go to the documents (issue 19).
  const astray = links.filter((l) => l.page > 2 && !l.url && (l.target === undefined || inside(l.target) !== inside(l.page)));
  assert.equal(astray, [], "every internal link lands in its own document's pages");

  assert.equal(
    detachList(pack),
    KEYS.map((key) => `${key.replaceAll('/', '-')}-facts.json`),
  );
});

bundled('the pack is one book: each contents entry links to its document\'s first page, which shows the pack\'s number the contents give, as its page label does (issues 18, 19)', async (ctx) => {
  const pack = path.join(ctx.out, 'briefing-pack.pdf');
  const manifest = JSON.parse(await readFile(path.join(ctx.out, 'manifest.json'), 'utf8')) as { files: Array<{ key: string; title: string; pages: number }> };
  const documents = KEYS.map((key) => manifest.files.find((f) => f.key === key)!);
  const firstPages = documents.map((_, i) => 3 + documents.slice(0, i).reduce((sum, doc) => sum + doc.pages, 0));

  const contents = (await linkTargets(pack)).filter((l) => l.page === 2);
  assert.equal(
    contents.map((l) => [l.target, l.contents]),
    documents.map((doc, i) => [firstPages[i], `Go to ${doc.title}`]),
  );
  // Each entry is a Link element of the structure, holding its annotation (PDF/UA-1, 7.18.5).
  const links = elements((await structTrees(pack))[1]!).filter((e) => e.role === 'Link');
  assert.is(links.length, documents.length);

  // The first entry: "Government-backed hiring drive by Chinese chip companies: brief ..... 3".
  assert.match(pageText(pack, 2), /Government-backed hiring drive by Chinese chip companies: brief\s+3\n/);
  assert.match(pageText(pack, 3), /Page 1 of 2\n\s+Pack page 3\n/);
  const pages = execFileSync('pdftotext', [pack, '-'], { encoding: 'utf8' }).split('\f');
  for (let page = 1; page <= pageCount(pack); page++) assert.ok(pages[page - 1]!.includes(`Pack page ${page}\n`), `page ${page} shows "Pack page ${page}"`);

  const labels = await withPdfJs(pack, (doc) => doc.getPageLabels());
  assert.equal(labels, Array.from({ length: pageCount(pack) }, (_, i) => String(i + 1)));
});

bundled('the pack holds one font program for each subset tag, and is at most three quarters of its documents (issue 19)', async (ctx) => {
  const pack = path.join(ctx.out, 'briefing-pack.pdf');
  const manifest = JSON.parse(await readFile(path.join(ctx.out, 'manifest.json'), 'utf8')) as { files: Array<{ key: string; bytes: number }> };
  const documentBytes = KEYS.reduce((sum, key) => sum + manifest.files.find((f) => f.key === key)!.bytes, 0);
  const packBytes = (await readFile(pack)).length;
  assert.ok(packBytes <= 0.75 * documentBytes, `the pack is ${packBytes} bytes, its documents ${documentBytes}`);

  const programsByTag = new Map<string, Set<string>>();
  const pdf = await loadWithPdfLib(pack);
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const name = object.lookup(PDFName.of('FontName'), PDFName).decodeText();
    const program = object.get(PDFName.of('FontFile2')) ?? object.get(PDFName.of('FontFile3')) ?? object.get(PDFName.of('FontFile'));
    const tag = name.slice(0, 6);
    programsByTag.set(tag, (programsByTag.get(tag) ?? new Set()).add(String(program)));
  }
  // Merged, the fonts still map every glyph: each document's pages read as they did alone, in the
  // order the text is drawn (the page number's line moves pdftotext's guess at columns, at the foot).
  const packPages = execFileSync('pdftotext', ['-raw', pack, '-'], { encoding: 'utf8' }).split('\f');
  let first = 3;
  for (const key of KEYS) {
    const alone = execFileSync('pdftotext', ['-raw', fileOf(ctx.out, key), '-'], { encoding: 'utf8' }).split('\f');
    const inPack = packPages.slice(first - 1, first - 1 + alone.length - 1).map((page, i) => page.replace(`Pack page ${first + i}\n`, ''));
    assert.equal(inPack, alone.slice(0, -1), key);
    first += alone.length - 1;
  }

  const shared = [...programsByTag].filter(([, programs]) => programs.size !== 1).map(([tag]) => tag);
  assert.equal(shared, []);
  // Each document brings 5 to 20 subsets; the pack merges those of one font.
  assert.ok(programsByTag.size < 80, `${programsByTag.size} font programs`);
  assert.ok(pdfFonts(pack).every((font) => font.embedded));
});

bundled.run();
