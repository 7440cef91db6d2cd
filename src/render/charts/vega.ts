// Charts are drawn once per process each, on a worker thread where the compiled tool runs, and in
// this thread where there is no compiled worker (running from source, in tests) or it failed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { CODE_DIR } from '../../package-paths.js';
import { drawSvg } from './draw-svg.js';
import { WARM_UP, type ChartAnswer, type ChartRequest } from './chart-messages.js';

/** The fonts the charts are set in: the document's sans face, Chinese falling back to Noto Sans SC. */
export const CHART_FONT = "'Noto Sans', 'Noto Sans SC', sans-serif";

/** Compiles a Vega-Lite spec and draws it as SVG in Node, without a browser or a script in the page. */
export async function renderVegaLiteSvg(spec: TopLevelSpec, label: string): Promise<string> {
  // A subject's brief and its HTML draw the same charts: draw each once per process.
  const key = `${label}\u0000${JSON.stringify(spec)}`;
  const cached = drawn.get(key);
  if (cached) return cached;
  const svg = chartWorker.draw(spec, label);
  drawn.set(key, svg);
  if (drawn.size > MAX_CACHED) drawn.delete(drawn.keys().next().value!);
  svg.catch(() => drawn.delete(key));
  return svg;
}

/**
 * Starts the chart worker and has it load Vega, so that the first documents do not wait for it:
 * a build calls this before it reads the data. Without a compiled worker it does nothing.
 */
export function warmUpCharts(): void {
  chartWorker.warmUp();
}

const MAX_CACHED = 64;
const drawn = new Map<string, Promise<string>>();

const chartWorker = (() => {
  const entry = pathToFileURL(join(CODE_DIR, 'render/charts/vega-worker.js'));
  let worker: Worker | null | undefined = existsSync(fileURLToPath(entry)) ? undefined : null;
  const pending = new Map<number, { request: ChartRequest; resolve(svg: string): void; reject(error: Error): void }>();
  let nextId = 0;

  // A worker that fails or exits hands its charts back: they are drawn here instead.
  const drawPendingHere = () => {
    worker = null;
    for (const { request, resolve, reject } of pending.values()) drawSvg(request.spec, request.label).then(resolve, reject);
    pending.clear();
  };
  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      const started = new Worker(entry);
      started.on('message', (answer: ChartAnswer) => {
        const waiting = pending.get(answer.id);
        pending.delete(answer.id);
        if ('svg' in answer) waiting?.resolve(answer.svg);
        else waiting?.reject(new Error(answer.error));
        // An idle worker must not keep the process alive.
        if (pending.size === 0) started.unref();
      });
      started.on('error', drawPendingHere);
      started.on('exit', drawPendingHere);
      started.unref();
      worker = started;
    } catch {
      worker = null;
    }
    return worker;
  };
  return {
    warmUp(): void {
      const thread = start();
      if (!thread) return;
      thread.postMessage(WARM_UP);
    },
    draw(spec: TopLevelSpec, label: string): Promise<string> {
      const thread = start();
      if (!thread) return drawSvg(spec, label);
      const id = nextId++;
      thread.ref();
      const request: ChartRequest = { id, spec, label };
      return new Promise<string>((resolve, reject) => {
        pending.set(id, { request, resolve, reject });
        thread.postMessage(request);
      });
    },
  };
})();
