import type { Ajv, KeywordDefinition, Options } from 'ajv';
import addFormats from 'ajv-formats';

/** The one set of Ajv options, for the validator compiled at build time and at run time alike. */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const satisfies Options;

/** `errorMessage` carries a schema's own wording of what it expects; Ajv only has to accept it. */
export const ERROR_MESSAGE_KEYWORD: KeywordDefinition = { keyword: 'errorMessage', schemaType: 'string' };

/** What the data-file schema needs beyond Ajv's own keywords, at build time and at run time alike. */
export function addDataKeywords(ajv: Ajv): Ajv {
  ajv.addKeyword(ERROR_MESSAGE_KEYWORD);
  // Only `date`: the full-date check, with month lengths and leap years. A standalone validator
  // requires ajv-formats' formats module for it at run time.
  addFormats.default(ajv, ['date']);
  return ajv;
}
