// Names of the data model that code reads at run time. Kept apart from schema.ts, whose TypeBox
// import (some 200 modules) only the schema tools need: reading a dataset loads none of it.

/** Ids name output paths, so they may hold only lowercase letters, digits and hyphens. */
export const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';

/** The collections a data file may hold, in the order a dataset is read. */
export const COLLECTIONS = [
  'sources',
  'organisations',
  'people',
  'programmes',
  'topics',
  'claims',
  'quotes',
  'timeline',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
