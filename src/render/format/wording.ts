// What formatting needs besides the value: the labels in force and the dataset's language.
import type { Labels } from '../labels.js';

export interface Wording {
  labels: Labels;
  /** BCP 47: numbers, dates, plural forms and currency names follow it. */
  lang: string;
}
