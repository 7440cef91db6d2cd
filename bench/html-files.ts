// The HTML the baselines print: each PDF document of a data folder in its print skeleton, as the
// tool prints it, one file each, and list files naming them (all printed documents; briefs only).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadHtmlStage, readTemplates } from '../src/batch/html-stage.js';
import { isPrinted } from '../src/contracts/layouts.js';
import { documentDate } from '../src/documents/document-date.js';
import { planDocuments } from '../src/documents/plan.js';
import { loadFacts } from '../src/facts/load.js';
import { BUNDLED_TEMPLATES, TOOL } from '../src/package.js';
import { composeHtml } from '../src/render/skeleton.js';

/** List files (one HTML path a line) for bench/floor.mjs and bench/print-limit.mjs. */
export interface HtmlLists {
  /** Every printed document (brief and one-pager). */
  printed: { listFile: string; count: number };
  /** The briefs alone, what `brief build --format brief` prints. */
  briefs: { listFile: string; count: number };
}

/** Writes the HTML of every printed document of `dataDir` into `outDir`, and the two list files. */
export async function writePrintedHtml(dataDir: string, outDir: string): Promise<HtmlLists> {
  const facts = await loadFacts(dataDir);
  const html = await loadHtmlStage(await readTemplates(BUNDLED_TEMPLATES));
  const skeleton = html.skeleton('a4');
  const options = { paper: 'a4' as const, creator: TOOL.creator, date: documentDate(facts.meta.asOf) };
  await mkdir(path.join(outDir, 'html'), { recursive: true });
  const printed: string[] = [];
  const briefs: string[] = [];
  for (const spec of planDocuments(facts).filter((s) => isPrinted(s.format))) {
    const file = path.join(outDir, 'html', `${spec.key.replaceAll('/', '--')}.html`);
    await writeFile(file, composeHtml(skeleton.html, html.renderDocument(facts, spec, options)));
    printed.push(file);
    if (spec.format === 'brief') briefs.push(file);
  }
  const list = async (name: string, files: string[]) => {
    const listFile = path.join(outDir, name);
    await writeFile(listFile, files.join('\n'));
    return { listFile, count: files.length };
  };
  return { printed: await list('printed.txt', printed), briefs: await list('briefs.txt', briefs) };
}
