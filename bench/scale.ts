// The scale step (issue 21): a generated dataset of about N printed documents, built with the tool
// (briefs and one-pagers) and printed at the print-only limit on the same documents' HTML.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { generateDataset } from './generate-dataset.js';
import { writePrintedHtml } from './html-files.js';
import { brief, median, printLimit } from './measure.js';

/** Each generated programme is planned as one brief and one one-pager: N documents are N/2 programmes. */
export const DOCUMENTS_PER_PROGRAMME = 2;

/** What the scale step saw: medians over its runs. */
export interface ScaleResult {
  programmes: number;
  docs: number;
  toolSeconds: number;
  toolPerDoc: number;
  limitSeconds: number;
  limitPerDoc: number;
  /** The highest over the runs, of the tool's whole process tree (node and the browser). */
  peakMiB: number;
  /** The tool's CPU seconds, Node and the browser; the limit's whole run (launch and loading included). */
  toolCpu: { node: number; browser: number };
  limitWhole: number;
  runs: { tool: number[]; printLimit: number[] };
}

/** Generates `documents` worth of programmes into `work`, then `runs` interleaved pairs of tool build and print limit. */
export async function measureScale(
  work: string,
  documents: number,
  runs: number,
  browser: { path: string; headless: unknown },
  browserArgs: string[],
  lanes: number,
): Promise<ScaleResult> {
  const programmes = Math.max(1, Math.ceil(documents / DOCUMENTS_PER_PROGRAMME));
  const data = path.join(work, 'scale-data');
  await generateDataset(data, programmes);
  const lists = await writePrintedHtml(data, path.join(work, 'scale-html'));
  const tool: number[] = [];
  const limit: number[] = [];
  let peakMiB = 0;
  const cpuNode: number[] = [];
  const cpuBrowser: number[] = [];
  const limitWhole: number[] = [];
  let docs = 0;
  for (let run = 1; run <= runs; run++) {
    const out = path.join(work, `scale-out-${run}`);
    const build = await brief(['build', '--data', data, '--out', out, '--force', '--quiet', '--format', 'brief', '--format', 'one-pager', ...browserArgs]);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { files: unknown[] };
    docs = manifest.files.length;
    if (docs !== lists.printed.count) throw new Error(`the tool built ${docs} documents, the print limit has ${lists.printed.count}`);
    // A pack of thousands of documents is hundreds of MB: only the manifest is kept.
    await rm(out, { recursive: true, force: true });
    tool.push(build.seconds);
    peakMiB = Math.max(peakMiB, build.peakMiB);
    cpuNode.push(build.cpu.own);
    cpuBrowser.push(build.cpu.descendants);
    const limitRun = await printLimit(lists.printed.listFile, browser, lanes, path.join(work, 'scale-limit-profile'));
    limit.push(limitRun.limit.seconds);
    limitWhole.push(limitRun.seconds);
  }
  const toolSeconds = median(tool);
  const limitSeconds = median(limit);
  return { programmes, docs, toolSeconds, toolPerDoc: toolSeconds / docs, limitSeconds, limitPerDoc: limitSeconds / docs, peakMiB,
    toolCpu: { node: median(cpuNode), browser: median(cpuBrowser) },
    limitWhole: median(limitWhole),
    runs: { tool, printLimit: limit } };
}
