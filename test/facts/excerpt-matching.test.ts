// Excerpts match their source's text however invisible characters fall (issue 20, item 16), and an
// excerpt that still misses says why where a difference a reader cannot see is the cause.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normaliseForMatch } from '../../src/facts/check-excerpts.js';
import { explainNearMatch } from '../../src/facts/near-match.js';

const found = (text: string, excerpt: string) => normaliseForMatch(text).includes(normaliseForMatch(excerpt));

const INVISIBLE = [
  ['soft hyphen', '\u00ad'],
  ['zero-width space', '\u200b'],
  ['zero-width non-joiner', '\u200c'],
  ['zero-width joiner', '\u200d'],
  ['word joiner', '\u2060'],
  ['byte order mark inside the text', '\ufeff'],
  ['left-to-right mark', '\u200e'],
  ['Mongolian vowel separator', '\u180e'],
  ['combining grapheme joiner', '\u034f'],
  ['invisible times', '\u2062'],
] as const;

for (const [name, ch] of INVISIBLE) {
  test(`a ${name} in the text does not hide an excerpt typed without it`, () => {
    assert.ok(found(`The council will pay a settle${ch}ment grant.`, 'pay a settlement grant'));
  });
  test(`a ${name} in the excerpt does not hide it from a text without it`, () => {
    assert.ok(found('The council will pay a settlement grant.', `pay a sett${ch}lement grant`));
  });
}

test('several invisible characters on both sides, in different places, still match', () => {
  assert.ok(found('\ufeffgov\u00adern\u200bment pays', 'go\u2060vern\u200dment\u200c pays'));
});

test('a word that differs in a visible letter is still not found', () => {
  assert.not.ok(found('a settle\u00adment grant', 'a settlemint grant'));
});

test('a word broken across a line with a hyphen: the message says it would match without the hyphen', () => {
  const text = normaliseForMatch('will pay a settle-\nment grant of 20,000 euros');
  const excerpt = normaliseForMatch('a settlement grant');
  assert.not.ok(text.includes(excerpt));
  assert.is(
    explainNearMatch(text, excerpt),
    'it would match with the hyphens inside words left out: one side breaks a word with a hyphen (a line break, or a soft hyphen U+00AD copied as "-") where the other does not',
  );
});

test('a soft hyphen copied as "-" into the excerpt: the message says so', () => {
  const text = normaliseForMatch('a settle\u00adment grant');
  assert.match(explainNearMatch(text, normaliseForMatch('a settle-ment grant')) ?? '', /^it would match with the hyphens inside words left out/);
});

test('capitals that differ: the message says it would match if case were not told apart', () => {
  assert.is(
    explainNearMatch(normaliseForMatch('The Grant is paid in two parts'), normaliseForMatch('the grant is paid')),
    'it would match if capital and small letters were not told apart: copy the capitals as the text has them',
  );
});

test('an excerpt that differs in its words has no such explanation', () => {
  assert.is(explainNearMatch(normaliseForMatch('The grant is paid in two parts'), normaliseForMatch('the grant is paid in three parts')), null);
});

test.run();
