// The committed table of drawable characters is what the bundled fonts hold now: upgrading a font
// package without running the script again fails here, not silently in a document.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../helpers/run-cli.js';

test('scripts/drawable-characters.ts writes again exactly src/fonts/drawable-ranges.ts', () => {
  const written = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/drawable-characters.ts', '--stdout'], { cwd: ROOT, encoding: 'utf8' });
  assert.fixture(written, readFileSync(path.join(ROOT, 'src/fonts/drawable-ranges.ts'), 'utf8'));
});

test.run();
