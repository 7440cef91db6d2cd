// Editions (issue 22): what an earlier build or data folder held, and what changed since. The build
// (--since), the documents' change part and the pack's What-changed page read only this face.
export { readEdition } from './read-edition.js';
export { readDataEdition } from './data-edition.js';
export { diffEditions, diffRecords, countChanges } from './diff-editions.js';
export { documentChanges } from './document-changes.js';
export { describeChange, showValue, summariseChanges } from './describe-change.js';
export { recordsOfFacts } from '../documents/facts-as-records.js';
export { recordsDrawnOn } from '../documents/document-records.js';
export { documentRecords } from '../documents/build-view.js';
export { compareRecords, recordHash, recordKey, sortRecords } from '../documents/fact-records.js';
