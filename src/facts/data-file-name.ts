/** A data file is named *.yaml or *.yml, in any case. */
export function isDataFileName(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}
