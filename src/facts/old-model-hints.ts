// What a schema error means when the data was written for the first data model: the message says
// so and names `brief migrate`, which rewrites it, instead of leaving a reader to guess.

const MIGRATE = 'run brief migrate to rewrite it';

/** Fields of the first data model, and the field that took each one's place. */
export const OLD_FIELDS: Readonly<Record<string, string>> = { usdAsReported: 'reported', usdPerUnit: 'rate' };

/** The message for an old field, an old scale object or the old "thousands" qualifier; else undefined. */
export function describeOldForm(keyword: string, field: string | undefined, path: ReadonlyArray<string | number>, value: unknown): string | undefined {
  if (keyword === 'additionalProperties' && field !== undefined && field in OLD_FIELDS) {
    return `"${field}" is the first data model's form of "${OLD_FIELDS[field]}"; ${MIGRATE}`;
  }
  const last = path[path.length - 1];
  if (keyword === 'type' && last === 'scale' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return `scale is a mapping (targets, applicants, recruited), the first data model's form; it is now a list of labelled figures: ${MIGRATE}`;
  }
  if (last === 'qualifier' && value === 'thousands') {
    return `qualifier "thousands" is the first data model's form; write value: thousands without it, or ${MIGRATE}`;
  }
  return undefined;
}
