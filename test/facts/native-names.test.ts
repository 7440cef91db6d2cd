// Native names: the Chinese shorthand and `native` are read into one shape, `native`, which is
// all that documents and templates see.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadFacts } from '../../src/facts/load.js';
import { fixture } from '../helpers/fixtures.js';

test('zh and pinyin become native { text, lang: "zh", romanized: pinyin }, and the shorthand is gone', async () => {
  const facts = await loadFacts(fixture('facts/native-names'));
  const office = facts.organisations.get('shorthand-office')!;
  assert.equal(office.native, { text: '速记办公室', lang: 'zh', romanized: { text: 'Sùjì Bàngōngshì', system: 'pinyin' } });
  assert.is('zh' in office, false);
  assert.is('pinyin' in office, false);
  assert.equal(facts.people.get('shorthand-person')!.native, { text: '李文', lang: 'zh' });
  const scheme = facts.programmes.get('shorthand-scheme')!;
  assert.equal(scheme.name, { en: 'Shorthand scheme', native: { text: '速记计划', lang: 'zh' } });
});

test('native is kept as written, with its language and romanisation system', async () => {
  const facts = await loadFacts(fixture('facts/native-names'));
  assert.equal(facts.organisations.get('korean-office')!.native, {
    text: '한국사무소',
    lang: 'ko',
    romanized: { text: 'Hanguk Samuso', system: 'Revised Romanization' },
  });
  assert.equal(facts.people.get('korean-person')!.native, { text: '김민지', lang: 'ko' });
  assert.equal(facts.programmes.get('korean-scheme')!.name.native, {
    text: '한국계획',
    lang: 'ko',
    romanized: { text: 'Hanguk Gyehoek', system: 'Revised Romanization' },
  });
});

test('a record without a native name has none', async () => {
  const facts = await loadFacts(fixture('facts/valid'));
  assert.is(facts.programmes.get('beacon')!.name.native, undefined);
});

test.run();
