// "did you mean": one nearest-name rule for ids, data fields and label keys alike.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { closestName, suggestName } from '../../src/text/closest-name.js';

test('a near typo finds its name, whatever its case', () => {
  assert.is(closestName('qimng', ['huoju', 'qiming', 'kunpeng']), 'qiming');
  assert.is(closestName('Publicty', ['publicity', 'predecessor']), 'publicity');
  assert.is(closestName('heading.note', ['heading.notes', 'heading.sources']), 'heading.notes');
});

test('a name too far from every known one finds none, and the known ones are listed instead', () => {
  assert.is(closestName('lantern', ['huoju', 'qiming']), undefined);
  assert.is(suggestName('lantern', ['huoju', 'qiming']), 'known: huoju, qiming');
  assert.is(suggestName('lantern', []), 'known: (none)');
  assert.is(suggestName('quiming', ['huoju', 'qiming']), 'did you mean "qiming"?');
});

test.run();
