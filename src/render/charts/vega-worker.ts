// A worker thread that draws charts, so that Vega's work runs beside the main thread's
// (HTML, hashing, writing, driving the browser) instead of in front of it.
import { parentPort } from 'node:worker_threads';
import { WARM_UP, type ChartAnswer, type ChartRequest } from './chart-messages.js';
import { drawSvg, loadVega } from './draw-svg.js';

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
