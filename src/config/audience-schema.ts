// The shape of one audience in the config file's `audiences:` (issue 14); what it may name is
// checked against the data when a build has read it.
import { Type, type Static } from '@sinclair/typebox';
import { MAX_ID_LENGTH } from '../contracts/audience.js';
import { FORMATS } from '../contracts/layouts.js';

export const AudienceEntry = Type.Object(
  {
    id: Type.String({ description: `Its folder name under audiences/: lowercase letters, digits and hyphens, at most ${MAX_ID_LENGTH} characters` }),
    title: Type.String({ minLength: 1, description: "Shown on its pack's cover" }),
    distribution: Type.Optional(Type.String({ description: "The marking on every page of its documents (default: the build's)" })),
    programmes: Type.Optional(Type.Array(Type.String(), { description: 'Programme ids it receives (omitted: all)' })),
    topics: Type.Optional(Type.Array(Type.String(), { description: 'Topic ids it receives (omitted: all)' })),
    formats: Type.Optional(Type.Array(Type.Union(FORMATS.map((f) => Type.Literal(f))), { description: 'Formats it receives (omitted: all)' })),
  },
  { additionalProperties: false },
);
export type AudienceEntry = Static<typeof AudienceEntry>;
