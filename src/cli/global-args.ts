/** Options every command takes. */
export interface GlobalArgs {
  /** The data folder. */
  data: string;
  /** The output folder. */
  out: string;
  quiet: boolean;
}
