// Audiences (issue 14), planned: which documents each receives, and which of them must be printed
// again with its marking. A document whose audience's marking is the run's is shared (one file,
// in the pack of everyone who receives it); one whose marking differs is a copy of its own under
// audiences/<id>/, since the marking is printed in every page's running header and the title block.
import { SAFE_AUDIENCE_ID, type Audience } from '../contracts/audience.js';
import { FORMATS, type DocumentSpec, type SubjectKind } from '../contracts/document.js';
import { UsageError } from '../errors.js';
import { suggestName } from '../text/closest-name.js';
import { PACK_NAME, ZIP_NAME } from './manifest.js';

/** A document of the plan, and the marking it is printed with where it is not the run's. */
export interface PlannedSpec extends DocumentSpec {
  /** An audience's own marking, printed on this copy; absent: the run's. */
  distribution?: string;
  /** The audience this copy is for; absent: a document of the plan, for everyone. */
  audience?: string;
}

/** A pack the run makes: the whole plan's, or an audience's. */
export interface PackPlan {
  /** `briefing-pack.pdf`, or `audiences/<id>/briefing-pack.pdf`. */
  path: string;
  /** Its archive with --zip. */
  zipPath: string;
  /** Keys of its documents, PDF and HTML, in plan order. */
  keys: string[];
  /** Who it is for; absent: everyone. */
  audience?: { id: string; title: string };
  /** Its marking, on its cover and on every page of its documents; null for none. */
  distribution: string | null;
}

/** What the data holds that an audience may name. */
export interface KnownSubjects {
  programmes: readonly string[];
  topics: readonly string[];
}

const LIST = { programme: 'programmes', topic: 'topics' } as const satisfies Record<SubjectKind, string>;

/** The folder of an audience's outputs. */
export const audienceFolder = (id: string) => `audiences/${id}`;

/** Whether a key is an audience's own copy of a document (its keys start with its folder). */
export const isAudienceCopy = (key: string) => key.startsWith('audiences/');

/**
 * Each audience's documents and pack, and the copies printed with its marking. `base` is the
 * whole plan at the run's marking `marking`. Throws one line per audience that names what the
 * data lacks, at its place in the config file.
 */
export function planAudiences(
  base: readonly DocumentSpec[],
  audiences: readonly Audience[],
  known: KnownSubjects,
  marking: string | null,
): { variants: PlannedSpec[]; packs: PackPlan[] } {
  const problems = audiences.flatMap((audience, i) => checkAudience(audience, i, known, audiences));
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const variants: PlannedSpec[] = [];
  const packs = audiences.map((audience): PackPlan => {
    const own = audience.distribution ?? marking;
    const shared = own === marking;
    const folder = audienceFolder(audience.id);
    const keys: string[] = [];
    for (const spec of base.filter((s) => receives(audience, s))) {
      if (shared) {
        keys.push(spec.key);
        continue;
      }
      const copy: PlannedSpec = { ...spec, key: `${folder}/${spec.key}`, outputPath: `${folder}/${spec.outputPath}`, distribution: own ?? '', audience: audience.id };
      variants.push(copy);
      keys.push(copy.key);
    }
    return { path: `${folder}/${PACK_NAME}`, zipPath: `${folder}/${ZIP_NAME}`, keys, audience: { id: audience.id, title: audience.title }, distribution: own || null };
  });
  return { variants, packs };
}

/** Whether an audience receives a document: its subject and format are among those it lists, or it lists none. */
function receives(audience: Audience, spec: DocumentSpec): boolean {
  const ids = audience[LIST[spec.subject.kind]];
  return (!ids || ids.includes(spec.subject.id)) && (!audience.formats || audience.formats.includes(spec.format));
}

/** What is wrong with one audience, one line each, at its place in the config where known. */
function checkAudience(audience: Audience, index: number, known: KnownSubjects, all: readonly Audience[]): string[] {
  const name = audience.at?.path ?? `audiences[${index}]`;
  const entry = audience.at ? `${audience.at.entry}  ` : '';
  const problems: string[] = [];
  // The config checks these as it is read; a library caller's audiences are checked here, as a path's safety depends on them.
  if (!SAFE_AUDIENCE_ID.test(audience.id)) problems.push(`${entry}${name}.id ${JSON.stringify(audience.id)} is not a safe folder name: use lowercase letters, digits and hyphens`);
  else if (all.findIndex((a) => a.id === audience.id) !== index) problems.push(`${entry}${name}.id "${audience.id}" is the id of another audience too`);
  for (const kind of ['programme', 'topic'] as const) {
    const list = LIST[kind];
    (audience[list] ?? []).forEach((id, j) => {
      if (known[list].includes(id)) return;
      const place = audience.at?.[list][j];
      problems.push(`${place ? `${place}  ` : entry}${name}.${list}[${j}]: no ${kind} "${id}" in the data; ${suggestName(id, known[list])}`);
    });
  }
  if (problems.length > 0) return problems;
  const formats = audience.formats ?? FORMATS;
  const subjects = (known.programmes.length > 0 && audience.programmes?.length !== 0) || (known.topics.length > 0 && audience.topics?.length !== 0);
  if (!subjects || !formats.some((f) => f !== 'html')) problems.push(`${entry}${name} (${audience.id}) receives no PDF of the data: its pack would be empty`);
  return problems;
}
