// `{{label key}}`: a label from the labels file (issue 13, item 6), checked like every helper: a key
// no labels file has fails with the template's file and line.
import Handlebars from 'handlebars';
import { describeValue } from './helper-arguments.js';
import { FormatError } from './format/format-error.js';
import type { LabelValues } from './labels.js';
import type { Wording } from './format/wording.js';

/**
 * The helper: its string arguments are joined with "." into the key (`{{label "status" status}}`
 * reads "status.active"), a number last is the count that fills {count} and chooses the plural form,
 * and name=value arguments fill the other placeholders.
 */
export function labelHelper(wording: () => Wording): Handlebars.HelperDelegate {
  return (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions;
    const { labels, lang } = wording();
    const values: LabelValues = {};
    if (typeof args.at(-1) === 'number') values.count = args.pop() as number;
    const parts = args;
    if (parts.length === 0 || !parts.every((p) => typeof p === 'string' && p.length > 0)) {
      const wrong = parts.find((p) => typeof p !== 'string' || p.length === 0);
      throw new Handlebars.Exception(`label wants a key (text such as "heading.notes"), then a count where it takes one; got ${describeValue(wrong)}`, options as never);
    }
    for (const [name, value] of Object.entries(options.hash ?? {})) {
      if (typeof value === 'number' || typeof value === 'string') values[name] = value;
      else throw new Handlebars.Exception(`label ${name}= wants text or a number; got ${describeValue(value)}`, options as never);
    }
    const key = parts.join('.');
    try {
      return labels.text(key, values, lang);
    } catch (error) {
      if (error instanceof FormatError) throw new Handlebars.Exception(`label ${error.message}`, options as never);
      throw error;
    }
  };
}
