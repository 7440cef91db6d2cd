import path from 'node:path';
import { DataError, type Problem } from '../errors.js';
import { checkDataset } from './check-dataset.js';
import { checkMarkdownNesting } from './check-markdown-nesting.js';
import { decodeUtf8 } from './decode-utf8.js';
import type { Facts } from './facts.js';
import { readDataFolder, type RawDataFile } from './read-data-folder.js';
import { prepareValidator, validateSchema } from './validate-schema.js';
import { parseYamlFile, type YamlFile } from './yaml-document.js';

/** Parsed files and every problem found in them, for `brief check` and for loading. */
export interface DatasetCheck {
  facts?: Facts;
  files: YamlFile[];
  problems: Problem[];
  /** Questionable but not wrong: a build still runs (issue 13). */
  warnings: Problem[];
}

/**
 * Parse and check files already read: every problem in every file, none stops the others.
 * `readProblems` are those met reading the folder (a file that could not be read, a bad link).
 */
export async function checkFiles(dataDir: string, raw: RawDataFile[], readProblems: Problem[] = []): Promise<DatasetCheck> {
  const validate = await prepareValidator();
  const problems: Problem[] = [...readProblems];
  const files: YamlFile[] = [];
  for (const { file, absolute, bytes } of raw) {
    const decoded = decodeUtf8(file, bytes);
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    const { parsed, problems: syntax } = parseYamlFile(file, decoded.text);
    problems.push(...syntax);
    if (!parsed) continue;
    const schemaProblems = validateSchema(validate, parsed);
    problems.push(...schemaProblems);
    if (schemaProblems.length > 0) continue;
    files.push({ ...parsed, absolute });
    problems.push(...(await checkMarkdownNesting(parsed)));
  }
  // Cross-references are checked only when every file is well-formed, so that one typo
  // does not show up again as a dangling reference elsewhere.
  if (problems.length > 0) return { files, problems, warnings: [] };
  const { facts, problems: dataset, warnings } = checkDataset(dataDir, files);
  return { files, problems: dataset, warnings, ...(facts ? { facts } : {}) };
}

/** How messages show the data's files. */
export interface LoadOptions {
  /** Paths are shown relative to this folder (a command's working folder) where they lie inside it; else absolute. */
  cwd?: string;
}

/** Read, parse and check the data folder; every problem, or the facts. */
export async function checkDataFolder(dataDir: string, options: LoadOptions = {}): Promise<DatasetCheck> {
  const absolute = path.resolve(dataDir);
  const [{ files, problems }] = await Promise.all([readDataFolder(absolute, options.cwd), prepareValidator()]);
  return checkFiles(absolute, files, problems);
}

/** The facts of a data folder; a DataError listing every problem if there is any. */
export async function loadFacts(dataDir: string, options: LoadOptions = {}): Promise<Facts> {
  const { facts, problems } = await checkDataFolder(dataDir, options);
  if (!facts || problems.length > 0) throw new DataError(problems);
  return facts;
}
