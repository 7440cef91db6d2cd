// A dataset of any size for the scale benchmark and the fault tests: N programmes shaped like the
// build fixture's, each with two sourced claims, all valid against the schema.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `count` programmes (and no topics) into `dir`, as one YAML file per 100 programmes. */
export async function generateDataset(dir: string, count: number): Promise<void> {
  await mkdir(path.join(dir, 'programmes'), { recursive: true });
  await writeFile(
    path.join(dir, 'meta.yaml'),
    `meta:
  title: Generated briefings
  asOf: "2023-08-24"
  edition: "1"
  author: Generated desk
  distribution: PUBLIC — generated
  language: en-GB
  keywords: [generated]
sources:
  - id: generated-source
    publisher: Generated Wire
    headline: Many schemes recruit engineers
    date: "2023-08-24"
organisations:
  - id: generated-ministry
    name: Ministry of Generation
    zh: 生成部
    kind: government
`,
  );
  for (let start = 0; start < count; start += 100) {
    const ids = Array.from({ length: Math.min(100, count - start) }, (_, i) => start + i);
    const programmes = ids.map(programmeYaml).join('');
    const claims = ids.map(claimsYaml).join('');
    await writeFile(path.join(dir, 'programmes', `batch-${String(start / 100).padStart(3, '0')}.yaml`), `programmes:\n${programmes}claims:\n${claims}`);
  }
}

function programmeYaml(i: number): string {
  const id = `scheme-${i}`;
  // Every programme has incentives, as real ones do; a brief compares at most eight (COMPARISON_LIMIT).
  const incentives = incentivesYaml(i, id);
  return `  - id: ${id}
    name:
      en: Scheme ${i}
      zh: 计划${i}
    summary: >-
      Scheme ${i} recruits engineers from abroad with a signing bonus and housing, and reports
      little about whom it has recruited. It is one of ${i + 1} generated schemes.
    bottomLine: Scheme ${i} pays well and says little.
    takeaways:
      - Scheme ${i} offers up to ${i + 2} million yuan.
      - It seeks chip designers.
    sponsor:
      organisation: generated-ministry
    level: provincial
    jurisdiction: Province ${i % 30}
    status: active
    publicity: low-profile
${incentives}    sections:
      - heading: How scheme ${i} works
        body: >-
          Scheme ${i} pays a bonus to each recruit and offers housing near the provincial
          capital. Employers apply on the recruit's behalf.
        claims: [${id}-bonus]
      - heading: Whom it seeks
        body: Engineers in chip design and manufacturing, at any stage of their careers.
        claims: [${id}-targets]
`;
}

function incentivesYaml(i: number, id: string): string {
  return `    incentives:
      - kind: signing-bonus
        label: Signing bonus
        min: 1000000
        max: ${(i + 2) * 1000000}
        currency: CNY
        rate:
          rate: 0.14
          to: USD
          basis: generated rate
        claim: ${id}-bonus
`;
}

function claimsYaml(i: number): string {
  const id = `scheme-${i}`;
  return `  - id: ${id}-bonus
    statement: Scheme ${i} pays recruits a signing bonus of up to ${i + 2} million yuan.
    attribution:
      kind: government-documents
      who: Policy documents reviewed by Generated Wire
    source: generated-source
    excerpt: scheme ${i} pays a signing bonus
    programmes: [${id}]
    confidence: high
  - id: ${id}-targets
    statement: Scheme ${i} seeks engineers in chip design.
    attribution:
      kind: anonymous-sources
      who: Two people familiar with the scheme
    source: generated-source
    excerpt: it seeks chip designers, two people said
    programmes: [${id}]
    confidence: medium
`;
}
