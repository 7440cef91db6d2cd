// Vega and Vega-Lite take a while to import, so they load on the first chart and never before.
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';
import { escapeHtml } from '../format/html.js';

interface VegaLibraries {
  vega: typeof VegaModule;
  vegaLite: typeof VegaLiteModule;
}

let loading: Promise<VegaLibraries> | undefined;

function loadVega(): Promise<VegaLibraries> {
  loading ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return loading;
}

/** The fonts the charts are set in: the document's sans face, Chinese falling back to Noto Sans SC. */
export const CHART_FONT = "'Noto Sans', 'Noto Sans SC', sans-serif";

/** Compiles a Vega-Lite spec and draws it as SVG in Node, without a browser or a script in the page. */
export async function renderVegaLiteSvg(spec: VegaLiteModule.TopLevelSpec, label: string): Promise<string> {
  // A subject's brief and its HTML draw the same charts: draw each once per process.
  const key = `${label}\u0000${JSON.stringify(spec)}`;
  const cached = drawn.get(key);
  if (cached) return cached;
  const svg = drawSvg(spec, label);
  drawn.set(key, svg);
  if (drawn.size > MAX_CACHED) drawn.delete(drawn.keys().next().value!);
  svg.catch(() => drawn.delete(key));
  return svg;
}

const MAX_CACHED = 64;
const drawn = new Map<string, Promise<string>>();

async function drawSvg(spec: VegaLiteModule.TopLevelSpec, label: string): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // The SVG is inline in the page: give it a role and a name for tagged PDF and screen readers.
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" `);
  } finally {
    view.finalize();
  }
}
