import { Ajv, type ValidateFunction } from 'ajv';
import { AJV_OPTIONS, ERROR_MESSAGE_KEYWORD } from './ajv-options.js';
import { DataFile } from './schema.js';

/** The data-file validator compiled now; scripts/compile-validator.mjs does the same at build time. */
export function compileValidator(): ValidateFunction {
  const ajv = new Ajv(AJV_OPTIONS);
  ajv.addKeyword(ERROR_MESSAGE_KEYWORD);
  return ajv.compile(DataFile);
}
