// Renders the first page of a brief and a one-pager to PNG for the README (issue 3):
// `npm run pictures [-- --programme ID --topic ID]`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    programme: { type: 'string', default: 'qiming' },
    topic: { type: 'string', default: 'money-and-perks' },
    out: { type: 'string', default: 'docs/images' },
    resolution: { type: 'string', default: '80' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'brief-pictures-'));
try {
  const cli = path.join(root, 'bin/brief.js');
  const build = (kind: string, id: string) =>
    execFileSync(process.execPath, [cli, 'build', `--${kind}`, id, '--format', 'brief', '--format', 'one-pager', '--out', temp, '--quiet'], { cwd: root, stdio: 'inherit' });
  build('programme', values.programme);
  build('topic', values.topic);
  const pictures = [
    [`programmes/${values.programme}/${values.programme}-brief.pdf`, 'programme-brief.png'],
    [`programmes/${values.programme}/${values.programme}-one-pager.pdf`, 'programme-one-pager.png'],
    [`topics/${values.topic}/${values.topic}-brief.pdf`, 'topic-brief.png'],
    [`topics/${values.topic}/${values.topic}-one-pager.pdf`, 'topic-one-pager.png'],
  ] as const;
  for (const [pdf, png] of pictures) {
    const prefix = path.join(temp, path.basename(png, '.png'));
    // pdftoppm (poppler) renders the first page only, as <prefix>.png with -singlefile.
    execFileSync('pdftoppm', ['-png', '-r', values.resolution, '-f', '1', '-l', '1', '-singlefile', path.join(temp, pdf), prefix]);
    copyFileSync(`${prefix}.png`, path.join(root, values.out, png));
    console.log(`wrote ${path.join(values.out, png)}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
