// Vega and Vega-Lite take a while to import, so they load on the first chart and never before.
import { createRequire } from 'node:module';
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';
import { escapeHtml } from '../format/html.js';

interface VegaLibraries {
  vega: typeof VegaModule;
  vegaLite: typeof VegaLiteModule;
}

let loaded: VegaLibraries | undefined;

/** Both are CommonJS: require() loads them ~40 % faster than import(), which scans them for exports. */
export function loadVega(): VegaLibraries {
  const require = createRequire(import.meta.url);
  loaded ??= { vega: require('vega') as typeof VegaModule, vegaLite: require('vega-lite') as typeof VegaLiteModule };
  return loaded;
}

/** Compiles a Vega-Lite spec and draws it as SVG, without a browser or a script in the page. */
export async function drawSvg(spec: VegaLiteModule.TopLevelSpec, label: string): Promise<string> {
  const { vega, vegaLite } = loadVega();
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
