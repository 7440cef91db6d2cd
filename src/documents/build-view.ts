// The view model of any document of the plan: what its template shows, from the facts alone.
import type { DocumentSpec } from '../contracts/document.js';
import type { FactRecord } from '../contracts/editions.js';
import type { Facts } from '../facts/facts.js';
import { buildProgrammeView } from './programme-view.js';
import { buildTopicView } from './topic-view.js';
import type { DocumentView } from './view-types.js';

/** The view of `spec`'s subject in `spec`'s layout; the marking and author may be given over the data's. */
export function buildView(facts: Facts, spec: DocumentSpec, options: { distribution?: string; author?: string; citeFirst?: readonly string[] }): DocumentView {
  const viewOptions = { layout: spec.layout, distribution: options.distribution, author: options.author, citeFirst: options.citeFirst };
  return spec.subject.kind === 'programme'
    ? buildProgrammeView(facts, spec.subject.id, viewOptions)
    : buildTopicView(facts, spec.subject.id, viewOptions);
}

/** The records the document `spec` draws on, as its view gives them (issue 22): for a build that compares before it renders. */
export function documentRecords(facts: Facts, spec: DocumentSpec): FactRecord[] {
  return buildView(facts, spec, {}).evidence.records;
}
