import type { KeywordDefinition, Options } from 'ajv';

/** The one set of Ajv options, for the validator compiled at build time and at run time alike. */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const satisfies Options;

/** `errorMessage` carries a schema's own wording of what it expects; Ajv only has to accept it. */
export const ERROR_MESSAGE_KEYWORD: KeywordDefinition = { keyword: 'errorMessage', schemaType: 'string' };
