// The fields the schema marks as Markdown (contentMediaType text/markdown in schema.ts), as paths:
// read at run time without loading the schema. test/facts/markdown-nesting.test.ts walks the
// schema and fails if this list and the schema part ways.

/** Every Markdown field of a data file: `*` stands for each item of a list. */
export const MARKDOWN_FIELDS: readonly string[] = [
  'claims.*.statement',
  'programmes.*.summary',
  'programmes.*.bottomLine',
  'programmes.*.takeaways.*',
  'programmes.*.target.eligibility.*',
  'programmes.*.sections.*.body',
  'programmes.*.openQuestions.*',
  'topics.*.summary',
  'topics.*.bottomLine',
  'topics.*.takeaways.*',
  'topics.*.sections.*.body',
  'topics.*.openQuestions.*',
  'timeline.*.event',
];
