// The plan: which documents the data has, in a stable order.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planDocuments } from '../../src/documents/plan.js';
import { loadFacts } from '../../src/facts/load.js';
import { FIXTURE_DATA } from '../batch/helpers/build-fixture.js';

let plan: ReturnType<typeof planDocuments> = [];
test.before(async () => {
  plan = planDocuments(await loadFacts(FIXTURE_DATA));
});

test('the fixture plans a brief, a one-pager and an HTML file for each programme and topic', () => {
  assert.equal(
    plan.map((s) => s.key),
    [
      'programmes/alpha/brief',
      'programmes/alpha/one-pager',
      'programmes/alpha/html',
      'programmes/beta/brief',
      'programmes/beta/one-pager',
      'programmes/beta/html',
      'topics/recruitment/brief',
      'topics/recruitment/one-pager',
      'topics/recruitment/html',
    ],
  );
});

test.run();
