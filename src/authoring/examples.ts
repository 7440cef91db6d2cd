// The example projects `brief init` starts from, by name: read by the command's help without
// loading the code that copies them.

/** Each example by name, with what it holds; examples/<name>/ holds its data, sources, config and README. */
export const EXAMPLES = {
  northvale: 'two programmes in a fictional province, one fictional news article, amounts in euros',
  'korean-fellowships': 'three fictional Korean programmes, two sources with their own texts, won compared in euros, Hangul names',
  'island-teachers': 'two fictional Japanese schemes from one fictional news article, written in Japanese: Japanese labels, native names first, yen',
} as const;

export type ExampleName = keyof typeof EXAMPLES;

export const DEFAULT_EXAMPLE: ExampleName = 'northvale';
