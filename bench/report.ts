// The benchmark's report: a table a reader compares by eye, then one JSON line with the ratios
// (issue 4 item 9, issue 21). The targets the issue sets are printed beside the ratios.
import type { ScaleResult } from './scale.js';
import { PEER } from './peer.js';

/** Everything the runs saw, each time a list over the interleaved runs. */
export interface Measured {
  browser: { path: string; headless: unknown };
  concurrency: number;
  runCount: number;
  runs: Record<
    | 'tool' | 'noop' | 'noopInherited' | 'floor' | 'naive' | 'naiveInParallel' | 'bundledPdf' | 'startupTax' | 'printLimit' | 'toolBriefs' | 'mdToPdf'
    | 'toolCpuNode' | 'toolCpuBrowser' | 'toolBriefsCpuNode' | 'toolBriefsCpuBrowser' | 'printLimitWhole' | 'printLimitCpuNode' | 'printLimitCpuBrowser',
    number[]
  >;
  counts: { toolDocs: number; printed: number; briefs: number; limitPages: number; toolBriefPages: number; toolPdfPages: number; mdToPdfPages: number };
  bundledPeakMiB: number;
  /** Whether the print-only limit printed on pages whose frames nobody draws, as the tool's are. */
  limitFrameless: boolean;
  scale: ScaleResult | undefined;
  /** Absent without --peer; an error where md-to-pdf could not be installed; else its runs that failed. */
  peer: { failures: string[] } | { error: string } | undefined;
  median: (values: number[]) => number;
}

/** The medians and what is derived from them, in seconds. */
type Figures = ReturnType<typeof figuresOf>;

const r = (n: number, digits = 3) => Number(n.toFixed(digits));
const ms = (seconds: number, digits = 0) => `${(seconds * 1000).toFixed(digits)} ms`;
const orNull = <T>(value: T | undefined, f: (v: T) => unknown) => (value === undefined ? null : f(value));

function figuresOf({ runs, counts, median }: Measured) {
  const tool = median(runs.tool);
  const noop = median(runs.noop);
  const bundledPdf = median(runs.bundledPdf);
  const mdToPdf = runs.mdToPdf.length ? median(runs.mdToPdf) : undefined;
  return {
    tool,
    floor: median(runs.floor),
    naive: median(runs.naive),
    naiveInParallel: median(runs.naiveInParallel),
    noop,
    // Without the extra certificates to leave out, the inherited environment is the measured one.
    noopInherited: runs.noopInherited.length ? median(runs.noopInherited) : noop,
    startupTax: runs.startupTax.length ? median(runs.startupTax) : undefined,
    bundledPdf,
    bundledPerDoc: bundledPdf / counts.printed,
    limit: median(runs.printLimit),
    toolBriefs: median(runs.toolBriefs),
    mdToPdf,
    mdPerPage: mdToPdf === undefined ? undefined : mdToPdf / counts.mdToPdfPages,
    toolPerPage: bundledPdf / counts.toolPdfPages,
    toolCpu: { node: median(runs.toolCpuNode), browser: median(runs.toolCpuBrowser) },
    toolBriefsCpu: { node: median(runs.toolBriefsCpuNode), browser: median(runs.toolBriefsCpuBrowser) },
    limitWhole: median(runs.printLimitWhole),
    limitCpu: { node: median(runs.printLimitCpuNode), browser: median(runs.printLimitCpuBrowser) },
  };
}

function tableRows(m: Measured, f: Figures): [string, string, string][] {
  const { counts, scale } = m;
  const rows: [string, string, string][] = [
    ['tool: brief build --force (bundled)', `${f.tool.toFixed(2)} s`, `${counts.toolDocs} files + pack, ${ms(f.tool / counts.toolDocs)}/file`],
    cpuRow(f.toolCpu, m.concurrency, f.floor, 'the floor'),
    ['print-only limit: briefs, pdf() alone', `${f.limit.toFixed(2)} s`, `${counts.briefs} briefs preloaded${m.limitFrameless ? '' : ' (ordinary pages)'}, ${counts.limitPages} pages, ${ms(f.limit / counts.briefs)}/doc`],
    ['tool: --force --format brief', `${f.toolBriefs.toFixed(2)} s`, `${counts.toolBriefPages} pages, ${(f.toolBriefs / f.limit).toFixed(2)}x the print-only limit (target <= 2.0)`],
    ...cpuRows(m, f),
    ['floor: bare Puppeteer, same HTML', `${f.floor.toFixed(2)} s`, `${counts.printed} PDFs, ${ms(f.floor / counts.printed)}/doc`],
    ['naive: a browser per document', `${f.naive.toFixed(2)} s`, `${counts.printed} PDFs, one at a time (a loop over files)`],
    [`naive, ${m.concurrency} browsers at once`, `${f.naiveInParallel.toFixed(2)} s`, `${counts.printed} PDFs, ${(f.naiveInParallel / f.tool).toFixed(2)}x the tool`],
    ['no-op: brief build, nothing changed', `${f.noop.toFixed(2)} s`, 'no browser'],
    ['no-op, environment as inherited', `${f.noopInherited.toFixed(2)} s`, f.startupTax !== undefined ? `NODE_EXTRA_CA_CERTS: +${ms(f.startupTax)} to start Node` : 'the same environment'],
    ['bundled, brief + one-pager only', `${f.bundledPdf.toFixed(2)} s`, `${ms(f.bundledPerDoc)}/doc, ${counts.toolPdfPages} pages, peak ${m.bundledPeakMiB.toFixed(0)} MiB`],
  ];
  if (scale) {
    const scaleBound = (scale.toolCpu.node + scale.toolCpu.browser) / scale.docs / m.concurrency;
    const perDoc = `${ms(scale.toolPerDoc)}/doc, ${(scale.toolPerDoc / f.bundledPerDoc).toFixed(2)}x bundled/doc (target <= 1.2)`;
    rows.push(
      [`scale: tool, ${scale.docs} docs`, `${scale.toolSeconds.toFixed(2)} s`, `${scale.programmes} programmes, ${perDoc}, peak ${scale.peakMiB.toFixed(0)} MiB (target < 1536)`],
      ['scale: print-only limit, same HTML', `${scale.limitSeconds.toFixed(2)} s`, `${ms(scale.limitPerDoc)}/doc; the tool ${(scale.toolSeconds / scale.limitSeconds).toFixed(2)}x it (target <= 1.5)`],
      [
        'scale: the tool\'s CPU a document',
        ms((scale.toolCpu.node + scale.toolCpu.browser) / scale.docs),
        `Node ${ms(scale.toolCpu.node / scale.docs)} + browser ${ms(scale.toolCpu.browser / scale.docs)}; on ${m.concurrency} cores never idle, ${ms(scaleBound)}/doc (${(scaleBound / scale.limitPerDoc).toFixed(2)}x the limit)`,
      ],
      ['scale: print-only limit, whole run', `${scale.limitWhole.toFixed(2)} s`, 'launch and loading (untimed) included'],
    );
  }
  if (m.peer && 'error' in m.peer) rows.push([`peer: ${PEER}`, 'n/a', m.peer.error]);
  const failures = m.peer && 'failures' in m.peer ? m.peer.failures : [];
  if (failures.length) rows.push([`peer: ${PEER}, runs failed`, `${failures.length} of ${m.runCount}`, failures[0]!]);
  if (f.mdToPdf !== undefined && f.mdPerPage !== undefined) {
    const slower = `md-to-pdf ${(f.mdPerPage / f.toolPerPage).toFixed(2)}x the tool's time a page (target >= 3)`;
    rows.push(
      [`peer: ${PEER}, 30 files at once`, `${f.mdToPdf.toFixed(2)} s`, `${counts.mdToPdfPages} pages, ${ms(f.mdPerPage, 1)}/page`],
      ['tool: per page, brief + one-pager', `${f.bundledPdf.toFixed(2)} s`, `${counts.toolPdfPages} pages, ${ms(f.toolPerPage, 1)}/page; ${slower}`],
    );
  }
  return rows;
}

/**
 * Where the time goes, in CPU seconds: the tool's whole run against the limit's whole run (its
 * browser launched, every page loaded, then printed), and the least time the tool's CPU could take
 * on this machine's cores were they never idle.
 */
function cpuRows(m: Measured, f: Figures): [string, string, string][] {
  return [
    cpuRow(f.toolBriefsCpu, m.concurrency, f.limit, 'the limit'),
    ['print-only limit: its whole run', `${f.limitWhole.toFixed(2)} s`, `launch and loading (untimed) included; browser ${f.limitCpu.browser.toFixed(2)} s CPU, Node ${f.limitCpu.node.toFixed(2)} s`],
  ];
}

/** A run's CPU, and the least time it takes on `cores` cores never idle, as a ratio to `reference`. */
function cpuRow(cpu: { node: number; browser: number }, cores: number, reference: number, name: string): [string, string, string] {
  const total = cpu.node + cpu.browser;
  const allCores = total / cores;
  const split = `Node ${cpu.node.toFixed(2)} s + browser ${cpu.browser.toFixed(2)} s`;
  return ['  its CPU: Node + browser', `${total.toFixed(2)} s`, `${split}; on ${cores} cores never idle, ${allCores.toFixed(2)} s (${(allCores / reference).toFixed(2)}x ${name})`];
}

function jsonLine(m: Measured, f: Figures): Record<string, unknown> {
  const { counts, scale, runs } = m;
  return {
    tool_s: r(f.tool),
    floor_s: r(f.floor),
    naive_s: r(f.naive),
    noop_s: r(f.noop),
    tool_vs_floor: r(f.tool / f.floor),
    naive_vs_tool: r(f.naive / f.tool),
    naive_in_parallel_s: r(f.naiveInParallel),
    naive_in_parallel_vs_tool: r(f.naiveInParallel / f.tool),
    noop_vs_tool: r(f.noop / f.tool),
    noop_inherited_env_s: r(f.noopInherited),
    print_limit_s: r(f.limit),
    print_limit_docs: counts.briefs,
    print_limit_pages: counts.limitPages,
    print_limit_frameless: m.limitFrameless,
    tool_brief_pages: counts.toolBriefPages,
    tool_briefs_s: r(f.toolBriefs),
    tool_vs_print_limit: r(f.toolBriefs / f.limit),
    tool_cpu_node_s: r(f.toolCpu.node),
    tool_cpu_browser_s: r(f.toolCpu.browser),
    tool_cpu_bound_s: r((f.toolCpu.node + f.toolCpu.browser) / m.concurrency),
    tool_briefs_cpu_node_s: r(f.toolBriefsCpu.node),
    tool_briefs_cpu_browser_s: r(f.toolBriefsCpu.browser),
    tool_briefs_cpu_bound_s: r((f.toolBriefsCpu.node + f.toolBriefsCpu.browser) / m.concurrency),
    print_limit_whole_run_s: r(f.limitWhole),
    print_limit_cpu_browser_s: r(f.limitCpu.browser),
    print_limit_cpu_node_s: r(f.limitCpu.node),
    scale_docs: scale?.docs ?? null,
    scale_programmes: scale?.programmes ?? null,
    scale_tool_s: orNull(scale, (s) => r(s.toolSeconds)),
    scale_tool_per_doc_ms: orNull(scale, (s) => r(s.toolPerDoc * 1000, 1)),
    scale_print_limit_s: orNull(scale, (s) => r(s.limitSeconds)),
    scale_print_limit_per_doc_ms: orNull(scale, (s) => r(s.limitPerDoc * 1000, 1)),
    scale_tool_vs_print_limit: orNull(scale, (s) => r(s.toolSeconds / s.limitSeconds)),
    scale_per_doc_vs_bundled: orNull(scale, (s) => r(s.toolPerDoc / f.bundledPerDoc)),
    scale_peak_rss_mib: orNull(scale, (s) => r(s.peakMiB, 1)),
    scale_tool_cpu_node_s: orNull(scale, (s) => r(s.toolCpu.node)),
    scale_tool_cpu_browser_s: orNull(scale, (s) => r(s.toolCpu.browser)),
    scale_print_limit_whole_run_s: orNull(scale, (s) => r(s.limitWhole)),
    bundled_per_doc_ms: r(f.bundledPerDoc * 1000, 1),
    md_to_pdf_s: orNull(f.mdToPdf, (s) => r(s)),
    md_to_pdf_pages: f.mdToPdf === undefined ? null : counts.mdToPdfPages,
    md_to_pdf_ms_per_page: orNull(f.mdPerPage, (s) => r(s * 1000, 1)),
    tool_pdf_pages: counts.toolPdfPages,
    tool_ms_per_page: r(f.toolPerPage * 1000, 1),
    md_to_pdf_vs_tool: orNull(f.mdPerPage, (s) => r(s / f.toolPerPage)),
    peer_error: m.peer && 'error' in m.peer ? m.peer.error : null,
    md_to_pdf_failed_runs: m.peer && 'failures' in m.peer ? m.peer.failures.length : null,
    tool_docs: counts.toolDocs,
    runs_s: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((x) => r(x))])),
    scale_runs_s: orNull(scale, (s) => ({ tool: s.runs.tool.map((x) => r(x)), printLimit: s.runs.printLimit.map((x) => r(x)) })),
    floor_docs: counts.printed,
  };
}

/** Prints the table, then the JSON line. */
export function printReport(m: Measured): void {
  const f = figuresOf(m);
  const scaleRuns = m.scale ? ` (scale step: ${m.scale.runs.tool.length})` : '';
  console.log(`browser: ${m.browser.path} (headless: ${m.browser.headless}), concurrency ${m.concurrency}; medians of ${m.runCount} interleaved runs${scaleRuns}`);
  if (process.env.NODE_EXTRA_CA_CERTS) console.log('measured without NODE_EXTRA_CA_CERTS (no measured command uses TLS); the no-op is also shown with it');
  for (const [what, time, note] of tableRows(m, f)) console.log(`${what.padEnd(40)} ${time.padStart(9)}  ${note}`);
  console.log(JSON.stringify(jsonLine(m, f)));
}
