// Who a pack is for: an audience of the config file's `audiences:`, with its own marking and the
// documents it receives (issue 14). The config reads it; the batch plans its documents and pack.
import type { Format } from './layouts.js';

/** An audience id is one safe path segment: no slash, no dot-dot, no upper case to clash on case-blind disks. */
export const SAFE_AUDIENCE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The longest id that becomes a file or folder name (issue 20): an audience's id, as a programme's
 * or a topic's (facts/schema.ts), so that no name it makes passes a file system's 255 bytes.
 */
export const MAX_ID_LENGTH = 80;

/** One audience of the config file. */
export interface Audience {
  /** A folder name: the audience's outputs go in audiences/<id>/. */
  id: string;
  /** Shown on its pack's cover, e.g. "Board of Trustees". */
  title: string;
  /** The marking on every page of its documents; default: the run's. */
  distribution?: string;
  /** Programme ids it receives; omitted: all of them. */
  programmes?: string[];
  /** Topic ids it receives; omitted: all of them. */
  topics?: string[];
  /** Formats it receives; omitted: all of them. */
  formats?: Format[];
  /** Where the config file gives it, for messages ("brief.config.yaml:4:5"); no part of what is built. */
  at?: AudiencePlaces;
}

/** Where an audience and the ids it lists stand in its config file, as `file:line:col`. */
export interface AudiencePlaces {
  /** The audience itself, e.g. `audiences[1]`. */
  path: string;
  entry: string;
  /** Its title and marking, where given: their characters are checked before anything is printed. */
  title?: string;
  distribution?: string;
  programmes: string[];
  topics: string[];
}

/** What an audience is, without where it was written: what the run hash and the manifest record. */
export function describeAudience(audience: Audience): Omit<Audience, 'at'> {
  const { at: _at, ...rest } = audience;
  return rest;
}
