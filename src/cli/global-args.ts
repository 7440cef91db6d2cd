import type { Audience } from '../contracts/audience.js';
import type { Format } from '../contracts/layouts.js';
import type { Paper } from '../contracts/paper.js';

/** Options every command takes; the settings below may also come from a config file. */
export interface GlobalArgs {
  /** The data folder. */
  data: string;
  /** The output folder. */
  out: string;
  quiet: boolean;
  /** A templates folder whose files override the bundled ones. */
  templates?: string;
  /** The config file, where one was named. */
  config?: string;
  /** Absent: the run applies its default (contracts/run-defaults.ts). */
  paper?: Paper;
  distribution?: string;
  author?: string;
  format?: Format[];
  concurrency?: number;
  browser?: string;
  'browser-ws-endpoint'?: string;
  'allow-remote': boolean;
  /** The config file's audiences (only a config file gives them). */
  audiences?: Audience[];
}
