// Which claims the data cites, and which programmes and topics cite any: read from REFERENCES,
// so a field that names a claim is counted wherever the schema puts one.
import { matchPath, REFERENCES } from './references.js';
import type { RecordIndex } from './data-record.js';

/** Every claim something cites, and the programmes and topics that cite at least one. */
export function claimsCitedBy(records: RecordIndex): { claims: Set<string>; byProgramme: Set<string>; byTopic: Set<string> } {
  const claims = new Set<string>();
  const byProgramme = new Set<string>();
  const byTopic = new Set<string>();
  const citing = REFERENCES.filter((r) => r.target === 'claims');
  for (const collection of ['programmes', 'topics', 'people', 'timeline', 'claims'] as const) {
    for (const record of records.get(collection)!.values()) {
      for (const { path } of citing) {
        const [head, , ...rest] = path.split('.');
        if (head !== collection) continue;
        for (const { value } of matchPath(record.value, rest.join('.'))) {
          if (typeof value !== 'string' || (collection === 'claims' && value === record.id)) continue;
          claims.add(value);
          if (collection === 'programmes') byProgramme.add(record.id);
          if (collection === 'topics') byTopic.add(record.id);
        }
      }
    }
  }
  return { claims, byProgramme, byTopic };
}
