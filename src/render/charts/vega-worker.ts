// A worker thread that draws charts, so that Vega's work runs beside the main thread's
// (HTML, hashing, writing, driving the browser) instead of in front of it.
import { parentPort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { drawSvg, loadVega } from './draw-svg.js';

/** A request to the worker, and its answer. */
export interface ChartRequest {
  id: number;
  spec: TopLevelSpec;
  label: string;
}
export type ChartAnswer = { id: number; svg: string } | { id: number; error: string };

/** Sent first by a build that will draw charts: load Vega now, while the main thread reads the data. */
export const WARM_UP = 'warm-up';

parentPort?.on('message', (request: ChartRequest | typeof WARM_UP) => {
  if (request === WARM_UP) {
    loadVega();
    return;
  }
  drawSvg(request.spec, request.label).then(
    (svg) => parentPort?.postMessage({ id: request.id, svg } satisfies ChartAnswer),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies ChartAnswer),
  );
});
