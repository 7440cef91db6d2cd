// A worker thread that draws charts, so that Vega's work runs beside the main thread's
// (HTML, hashing, writing, driving the browser) instead of in front of it.
import { parentPort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { drawSvg } from './draw-svg.js';

/** A request to the worker, and its answer. */
export interface ChartRequest {
  id: number;
  spec: TopLevelSpec;
  label: string;
}
export type ChartAnswer = { id: number; svg: string } | { id: number; error: string };

parentPort?.on('message', (request: ChartRequest) => {
  drawSvg(request.spec, request.label).then(
    (svg) => parentPort?.postMessage({ id: request.id, svg } satisfies ChartAnswer),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies ChartAnswer),
  );
});
