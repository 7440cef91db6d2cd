// Where a character in a document comes from, for the message that refuses a character no bundled
// font draws (issue 11): the first data record holding it, as `file:line:col`.
import { decodeHTML } from 'entities';
import type { Subject } from '../contracts/document.js';
import type { Facts } from '../facts/facts.js';

/** What the build was given over the data: its marking and author. */
export interface GivenWords {
  author?: string;
  distribution?: string;
}

/**
 * A function naming where a character of this subject's document comes from: the subject's record
 * first, then its claims, then every record; else the dataset's meta, the options, or, when no
 * data holds it, the templates.
 */
export function characterSource(facts: Facts, subject: Subject, given: GivenWords): (char: string) => string {
  return (char) => {
    const { kind, id } = subject;
    const record = kind === 'programme' ? facts.programmes.get(id) : facts.topics.get(id);
    const claims = (kind === 'programme' ? facts.claimsByProgramme : facts.claimsByTopic).get(id) ?? [];
    const everything = [facts.programmes, facts.topics, facts.claims, facts.quotes, facts.timeline, facts.people, facts.organisations, facts.sources];
    const records = [...(record ? [record] : []), ...claims, ...everything.flatMap((records) => [...records.values()])];
    const found = records.find((r) => holdsCharacter(r, char));
    if (found) return `${found.origin.file}:${found.origin.line}:${found.origin.col}`;
    if (holdsCharacter(facts.meta, char)) return '`meta` in the data';
    if (holdsCharacter([given.author, given.distribution], char)) return 'the author or distribution given to the build';
    return 'the templates (no data holds it)';
  };
}

/** Whether a string in `value` holds `char`, as written or once its character references are decoded. */
function holdsCharacter(value: unknown, char: string): boolean {
  if (typeof value === 'string') return value.includes(char) || (value.includes('&') && decodeHTML(value).includes(char));
  if (Array.isArray(value)) return value.some((item) => holdsCharacter(item, char));
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => key !== 'origin' && holdsCharacter(item, char));
  return false;
}
