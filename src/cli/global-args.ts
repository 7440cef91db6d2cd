/** Options every command takes. */
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
}
