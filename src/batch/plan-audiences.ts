// Audiences (issue 14), planned: which documents each receives, and which of them must be printed
// again with its marking. A document whose audience's marking is the run's is shared (one file,
// in the pack of everyone who receives it); one whose marking differs is a copy of its own under
// audiences/<id>/, since the marking is printed in every page's running header and the title block.
import type { Audience } from '../contracts/audience.js';
import { checkAudienceList, type AudienceField, type KnownSubjects } from '../contracts/audience-checks.js';
import type { DocumentSpec, SubjectKind } from '../contracts/document.js';
import { UsageError } from '../errors.js';
import { undrawableAudienceWords } from './check-pack-words.js';
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
  /** This run prints every PDF it holds, so it is written (plan-build.ts). */
  selected: boolean;
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
  const problems = [...checkAudienceList(audiences, known).map(({ index, at, message }) => `${placeOf(audiences[index]!, at)}${message}`), ...undrawableAudienceWords(audiences)];
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
    return { path: `${folder}/${PACK_NAME}`, zipPath: `${folder}/${ZIP_NAME}`, keys, audience: { id: audience.id, title: audience.title }, distribution: own || null, selected: false };
  });
  return { variants, packs };
}

/** Whether an audience receives a document: its subject and format are among those it lists, or it lists none. */
function receives(audience: Audience, spec: DocumentSpec): boolean {
  const ids = audience[LIST[spec.subject.kind]];
  return (!ids || ids.includes(spec.subject.id)) && (!audience.formats || audience.formats.includes(spec.format));
}

/** Where a problem stands in the config file, followed by two spaces; nothing for a library caller's audience. */
function placeOf(audience: Audience, at: AudienceField): string {
  const place = at.field === 'programmes' || at.field === 'topics' ? audience.at?.[at.field][at.item] ?? audience.at?.entry : audience.at?.entry;
  return place ? `${place}  ` : '';
}
