import { Ajv, type ValidateFunction } from 'ajv';
import { addDataKeywords, AJV_OPTIONS } from './ajv-options.js';
import { DataFile } from './schema.js';

/** The data-file validator compiled now; scripts/compile-validator.mjs does the same at build time. */
export function compileValidator(): ValidateFunction {
  return addDataKeywords(new Ajv(AJV_OPTIONS)).compile(DataFile);
}
