// The md-to-pdf 5 comparison (`--peer`, issue 21): md-to-pdf@5.2.5, installed on demand into the
// benchmark's temporary folder, prints 30 Markdown files of three A4 pages each, all in one
// invocation, on the same Chromium as the tool; what counts is time per PDF page.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { countPdfPages, timed, MEASURED_ENV } from './measure.js';

export const PEER = 'md-to-pdf@5.2.5';
const FILES = 30;
// Eight sections of this text print to three A4 pages with md-to-pdf's own stylesheet and margins
// (seven to nine did when measured); the page count is read back from the PDFs either way.
const SECTIONS = 8;

/** One md-to-pdf run: wall time (launch included) and the pages of the PDFs it wrote. */
export interface PeerRun {
  seconds: number;
  pages: number;
  pdfs: number;
}

/** Runs md-to-pdf once over all the Markdown files (a run that fails says why); or why it cannot run at all. */
export type Peer = { run: () => Promise<PeerRun | { error: string }> } | { error: string };

/** Installs md-to-pdf into `work`/peer and writes the Markdown; an install that fails is reported, not thrown. */
export async function preparePeer(work: string, browser: { path: string; headless: unknown }): Promise<Peer> {
  const prefix = path.join(work, 'peer');
  const install = spawnSync('npm', ['install', '--prefix', prefix, PEER, '--no-audit', '--no-fund'], {
    encoding: 'utf8',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  const cli = path.join(prefix, 'node_modules/md-to-pdf/dist/cli.js');
  if (install.status !== 0 || !existsSync(cli)) {
    const why = `${install.error?.message ?? ''}${install.stderr}`.trim().split('\n').filter(Boolean).at(-1) ?? `exit ${install.status}`;
    return { error: `npm install ${PEER} failed: ${why}` };
  }
  const dir = path.join(work, 'peer-md');
  await mkdir(dir, { recursive: true });
  const files = Array.from({ length: FILES }, (_, i) => path.join(dir, `note-${String(i).padStart(2, '0')}.md`));
  await Promise.all(files.map((file, i) => writeFile(file, markdown(i))));
  // md-to-pdf 5 hands --launch-options to puppeteer.launch() as they are.
  const launch = { executablePath: browser.path, headless: browser.headless, args: ['--no-sandbox'] };
  return {
    async run() {
      for (const name of await readdir(dir)) if (name.endsWith('.pdf')) await rm(path.join(dir, name));
      const args = [cli, ...files, '--launch-options', JSON.stringify(launch)];
      const run = await timed(process.execPath, args, MEASURED_ENV, dir).catch((error: unknown) => ({ error: String(error) }));
      // md-to-pdf fails a whole run for one file; each file that failed is named with its error.
      const pdfs = files.map((file) => file.replace(/\.md$/, '.pdf')).filter((file) => existsSync(file));
      if ('error' in run) {
        // The first error of a file (listr wraps them all in "Something went wrong").
        const why = /(?:TimeoutError|ProtocolError|TargetCloseError): [^\n]*/.exec(run.error)?.[0] ?? /\w*Error: [^\n]*/.exec(run.error.split('\n').slice(1).join('\n'))?.[0] ?? 'see its output';
        return { error: `${PEER} printed ${pdfs.length} of ${files.length} files (${why})` };
      }
      let pages = 0;
      for (const pdf of pdfs) pages += countPdfPages(await readFile(pdf));
      return { seconds: run.seconds, pages, pdfs: pdfs.length };
    },
  };
}

/** A note on one generated scheme: headings, paragraphs, lists and tables, three A4 pages in md-to-pdf. */
function markdown(i: number): string {
  const paragraph = (section: number) =>
    `Scheme ${i} recruits engineers from abroad with a signing bonus of up to ${i + 2} million yuan and housing near the provincial capital. ` +
    `Employers apply on the recruit's behalf, and the scheme reports little about whom it has recruited; section ${section} of this note ` +
    'sets out what the published documents say and what they leave out.';
  let text = `# Scheme ${i}\n\n${paragraph(0)}\n\n`;
  for (let s = 1; s <= SECTIONS; s++) {
    text += `## Section ${s}\n\n${paragraph(s)} ${paragraph(s)}\n\n- A bonus of up to ${i + s} million yuan\n- Housing for ${s + 1} years\n- A research grant\n\n`;
    if (s % 3 === 0) text += `| Incentive | Amount |\n| --- | --- |\n| Bonus | ${i + s} million yuan |\n| Housing | ${s} years |\n\n`;
  }
  return text;
}
