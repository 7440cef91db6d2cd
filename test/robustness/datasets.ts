// Generated datasets for the scale cases of issue 5 (item 5): written into a temporary folder by
// the tests, from the meta of test/fixtures/robustness/scale.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixture } from '../helpers/fixtures.js';

const robustnessFixture = (...parts: string[]) => fixture('robustness', ...parts);

/** 100,000 characters of prose, opening with LONG-START and closing with LONG-END. */
export function longText(length = 100_000): string {
  const sentence = 'The scheme pays recruits a bonus and offers housing near the capital, people familiar with it said. ';
  const end = ' LONG-END';
  const body = `LONG-START ${sentence.repeat(Math.ceil(length / sentence.length))}`.slice(0, length - end.length);
  return `${body.replace(/\s+\S*$/, '').padEnd(length - end.length, '.')}${end}`;
}

/**
 * One programme, `long`, whose bottom line, one section's body and one cited claim's statement each
 * hold `longText()`, plus four short takeaways (the gigantic theme repeats the bottom line once per
 * takeaway cubed).
 */
export async function writeLongClaimData(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await copyFile(robustnessFixture('scale/meta.yaml'), path.join(dir, 'meta.yaml'));
  const text = JSON.stringify(longText());
  await writeFile(
    path.join(dir, 'programmes.yaml'),
    `programmes:
  - id: long
    name:
      en: Long scheme
    summary: A scheme described at great length.
    bottomLine: ${text}
    takeaways: [One, Two, Three, Four]
    level: national
    jurisdiction: China
    status: active
    publicity: public
    sections:
      - heading: What it pays
        body: ${text}
        claims: [long-claim]
claims:
  - id: long-claim
    statement: ${text}
    attribution:
      kind: anonymous-sources
      who: People familiar with it
    source: scale-source
    excerpt: the scheme pays recruits a bonus
    programmes: [long]
    confidence: medium
`,
  );
  return dir;
}

/** `count` claims spread over four programmes (`wide-0` .. `wide-3`), each citing its first three. */
export async function writeManyClaimsData(dir: string, count: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  await copyFile(robustnessFixture('scale/meta.yaml'), path.join(dir, 'meta.yaml'));
  const programmes = [0, 1, 2, 3].map(
    (p) => `  - id: wide-${p}
    name:
      en: Wide scheme ${p}
    summary: A scheme with many sourced claims.
    level: provincial
    jurisdiction: Province ${p}
    status: active
    publicity: low-profile
    sections:
      - heading: What is reported
        body: Many things are reported about it.
        claims: [claim-${p}, claim-${p + 4}, claim-${p + 8}]
`,
  );
  const claims = Array.from(
    { length: count },
    (_, i) => `  - id: claim-${i}
    statement: Claim number ${i} says the scheme recruited engineer ${i}.
    attribution:
      kind: news-report
      who: Reporters
    source: scale-source
    excerpt: the scheme recruited engineer ${i}
    programmes: [wide-${i % 4}]
    confidence: medium
`,
  );
  await writeFile(path.join(dir, 'programmes.yaml'), `programmes:\n${programmes.join('')}`);
  await writeFile(path.join(dir, 'claims.yaml'), `claims:\n${claims.join('')}`);
  return dir;
}
