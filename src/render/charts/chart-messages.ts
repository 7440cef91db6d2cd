// What the main thread and the chart worker (vega-worker.ts) say to each other.
import type { TopLevelSpec } from 'vega-lite';

/** A request to the worker, and its answer. */
export interface ChartRequest {
  id: number;
  spec: TopLevelSpec;
  label: string;
}
export type ChartAnswer = { id: number; svg: string } | { id: number; error: string };

/** Sent first by a build that will draw charts: load Vega now, while the main thread reads the data. */
export const WARM_UP = 'warm-up';
