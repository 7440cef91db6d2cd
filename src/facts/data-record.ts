// A record of the data as the dataset check holds it, before it becomes Facts: what the content
// checks, and the count of cited claims beside them, read.
import type { Origin } from './facts.js';
import type { CollectionName } from './names.js';
import type { YamlFile } from './yaml-document.js';

/** A record as the dataset check holds it: its value and where it stands. */
export interface DataRecord {
  id: string;
  origin: Origin;
  yaml: YamlFile;
  path: Array<string | number>;
  value: { id: string };
}

/** Every record, by collection and id. */
export type RecordIndex = Map<CollectionName, Map<string, DataRecord>>;
