// Fonts from the project only (issue 11): whatever fonts the machine has, and whatever the
// environment tells fontconfig, the browser the tool launches sees the bundled fonts alone.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture } from '../helpers/fixtures.js';
import { pdfFonts, pdfText } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { withoutProof } from '../helpers/proof-lines.js';

const DATA = fixture('build/data');
// A stylesheet asking for "DejaVu Sans" first, which fonts-dejavu-core puts on every fresh machine.
const THEME = fixture('fonts/themes/system-family');
const DOCUMENTS = ['programmes/alpha/alpha-brief.pdf', 'programmes/alpha/alpha-one-pager.pdf'];
/** What pdffonts lists, each subset prefix ("AAAAAA+") left out: the bundled faces only. */
const BUNDLED_FONT = /^[A-Z]{6}\+(NotoSerif|NotoSans|NotoSansSCThin)-(Regular|Italic|SemiBold|Bold|BoldItalic)$/;

let dir: string;
test.before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brief-fonts-'));
});
test.after(() => rm(dir, { recursive: true, force: true }));

/** `brief build` of alpha's two PDFs into `out`, with `env` over the inherited environment. */
function buildAlpha(out: string, env: NodeJS.ProcessEnv) {
  const args = ['build', '--data', DATA, '--out', out, '--templates', THEME, '--programme', 'alpha', '--format', 'brief', '--format', 'one-pager'];
  const result = runCli(args, { env });
  assert.is(result.code, 0, result.stderr);
  // The one warning is the pack's (a partial build): nothing about fonts or blocked requests.
  assert.is(withoutProof(result.stderr), 'warning: briefing-pack.pdf not made: 4 documents of the plan are not built; run brief build\n');
  return Promise.all(DOCUMENTS.map((doc) => readFile(path.join(out, doc))));
}

/** A fontconfig configuration in `dir` whose body is `body`, for the parent environment to name. */
async function writeFontconfig(name: string, body: string): Promise<string> {
  const file = path.join(dir, `${name}.conf`);
  await writeFile(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n${body}\n</fontconfig>\n`);
  return file;
}

let inherited: Buffer[];

test('a stylesheet asking for "DejaVu Sans" gets the bundled fonts: pdffonts lists only them, and the text is there', async () => {
  const out = path.join(dir, 'inherited');
  inherited = await buildAlpha(out, { FONTCONFIG_FILE: undefined });
  for (const doc of DOCUMENTS) {
    const fonts = pdfFonts(path.join(out, doc));
    assert.ok(fonts.length > 0);
    for (const font of fonts) {
      assert.match(font.name, BUNDLED_FONT, `${doc}: ${font.name}`);
      assert.ok(font.embedded, `${doc}: ${font.name} is embedded`);
    }
  }
  assert.match(pdfText(path.join(out, DOCUMENTS[1]!)), 'Alpha pays well and says little.');
});

test("the parent environment naming the machine's fontconfig changes no byte, and the browser's fonts leave nothing in TMPDIR or $HOME", async () => {
  const withSystem = await writeFontconfig('with-system', '<include ignore_missing="no">/etc/fonts/fonts.conf</include>');
  const home = path.join(dir, 'home');
  const tmp = path.join(dir, 'tmp');
  await Promise.all([mkdir(home), mkdir(tmp)]);
  const built = await buildAlpha(path.join(dir, 'system'), { FONTCONFIG_FILE: withSystem, HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: undefined });
  DOCUMENTS.forEach((doc, i) => assert.ok(inherited[i]!.equals(built[i]!), doc));
  assert.equal(await readdir(home), [], '$HOME');
  assert.equal(await readdir(tmp), [], 'TMPDIR');
});

test('the parent environment naming a fontconfig without fonts changes no byte either', async () => {
  const empty = path.join(dir, 'no-fonts');
  await mkdir(empty);
  const withNone = await writeFontconfig('with-none', `<dir>${empty}</dir>\n<cachedir>${path.join(dir, 'cache')}</cachedir>`);
  const built = await buildAlpha(path.join(dir, 'none'), { FONTCONFIG_FILE: withNone });
  DOCUMENTS.forEach((doc, i) => assert.ok(inherited[i]!.equals(built[i]!), doc));
});

test.run();
