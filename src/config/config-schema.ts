import { Type, type Static } from '@sinclair/typebox';
import { FORMATS } from '../contracts/layouts.js';
import { PAPERS } from '../contracts/paper.js';
import { AudienceEntry } from './audience-schema.js';

/** The keys of brief.config.{json,yaml,js}; each may also be given as a flag or a BRIEF_* variable. */
export const ConfigFile = Type.Object(
  {
    data: Type.Optional(Type.String({ minLength: 1, description: 'The data folder, relative to the config file' })),
    templates: Type.Optional(Type.String({ minLength: 1, description: 'A templates folder whose files override the bundled ones' })),
    out: Type.Optional(Type.String({ minLength: 1, description: 'The output folder, relative to the config file' })),
    paper: Type.Optional(Type.Union(PAPERS.map((p) => Type.Literal(p)), { description: 'a4 or letter' })),
    distribution: Type.Optional(Type.String({ description: 'The distribution marking on every page' })),
    author: Type.Optional(Type.String({ description: 'The author or office' })),
    format: Type.Optional(Type.Array(Type.Union(FORMATS.map((f) => Type.Literal(f))), { description: 'The formats to build' })),
    concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 64, description: 'Pages rendering at once' })),
    browser: Type.Optional(Type.String({ minLength: 1, description: 'The browser executable' })),
    browserWsEndpoint: Type.Optional(Type.String({ description: 'A running browser to connect to' })),
    allowRemote: Type.Optional(Type.Boolean({ description: 'Let documents load http(s) images' })),
    audiences: Type.Optional(Type.Array(AudienceEntry, { description: 'Who packs are made for: each gets audiences/<id>/briefing-pack.pdf with its marking' })),
  },
  { additionalProperties: false, title: 'brief config' },
);
export type ConfigFile = Static<typeof ConfigFile>;

/** Config keys whose values are paths, resolved against the config file's folder. */
export const PATH_KEYS = ['data', 'templates', 'out', 'browser'] as const satisfies ReadonlyArray<keyof ConfigFile>;
