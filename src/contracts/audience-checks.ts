// The one check of a list of audiences (issue 14, issue 17): the config runs it as the file is read,
// the batch runs it again with the data's subjects known (a library caller's audiences never passed
// through a config file). Each problem says which audience and which of its fields it is about, so
// each caller can put it at its place (`brief.config.yaml:6:9`).
import { FORMATS, isPrinted } from './layouts.js';
import { MAX_ID_LENGTH, SAFE_AUDIENCE_ID, type Audience } from './audience.js';
import { suggestName } from '../text/closest-name.js';

/** What the data holds that an audience may name. */
export interface KnownSubjects {
  programmes: readonly string[];
  topics: readonly string[];
}

/** The part of an audience a problem is about. */
export type AudienceField = { field: 'entry' } | { field: 'id' } | { field: 'programmes' | 'topics'; item: number };

export interface AudienceProblem {
  /** The audience's place in the list. */
  index: number;
  at: AudienceField;
  /** One line, naming the audience by its path: `audiences[1].id "Board/x" is not a safe folder name...`. */
  message: string;
}

const LISTS = [
  ['programmes', 'programme'],
  ['topics', 'topic'],
] as const;

/**
 * Every problem of the list; with `known`, also what it names that the data lacks and what receives
 * no PDF of it. An undefined entry (one the config's schema refused) keeps the others at their places.
 */
export function checkAudienceList(audiences: readonly (Audience | undefined)[], known?: KnownSubjects): AudienceProblem[] {
  const problems: AudienceProblem[] = [];
  const idsSeen = new Map<string, number>();
  audiences.forEach((audience, index) => {
    if (!audience) return;
    const name = `audiences[${index}]`;
    const add = (at: AudienceField, message: string) => problems.push({ index, at, message });
    const { id } = audience;
    if (id.length > MAX_ID_LENGTH) add({ field: 'id' }, `${name}.id is ${id.length} characters long: an id is a folder name of at most ${MAX_ID_LENGTH} characters, e.g. "board"`);
    else if (!SAFE_AUDIENCE_ID.test(id)) add({ field: 'id' }, `${name}.id ${JSON.stringify(id)} is not a safe folder name: use lowercase letters, digits and hyphens, e.g. "board"`);
    else if (idsSeen.has(id)) add({ field: 'id' }, `${name}.id "${id}" is already the id of audiences[${idsSeen.get(id)}]: each audience needs an id of its own`);
    else idsSeen.set(id, index);
    const nothing = receivesNothing(audience);
    if (nothing) add({ field: 'entry' }, `${name} (${id}) ${nothing}`);
    if (!known || nothing) return;
    let unknown = false;
    for (const [list, kind] of LISTS) {
      (audience[list] ?? []).forEach((subject, item) => {
        if (known[list].includes(subject)) return;
        unknown = true;
        add({ field: list, item }, `${name}.${list}[${item}]: no ${kind} "${subject}" in the data; ${suggestName(subject, known[list])}`);
      });
    }
    const subjects = LISTS.some(([list]) => known[list].length > 0 && audience[list]?.length !== 0);
    if (!unknown && !subjects) add({ field: 'entry' }, `${name} (${id}) receives no PDF of the data: its pack would be empty`);
  });
  return problems;
}

/** Why an audience can receive nothing whatever the data holds, if it cannot. */
function receivesNothing(audience: Audience): string | undefined {
  if (audience.programmes?.length === 0 && audience.topics?.length === 0) return 'receives nothing: its programmes and topics are both empty';
  if (audience.formats?.length === 0) return 'receives nothing: its formats are empty';
  if (audience.formats && !audience.formats.some(isPrinted)) {
    return `receives no PDF for its pack: add ${FORMATS.filter(isPrinted).join(' or ')} to its formats`;
  }
  return undefined;
}
