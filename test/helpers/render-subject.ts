// A document of the plan to HTML as the batch renders it: its view from the facts (src/documents),
// then the view through the templates (src/render).
import type { DocumentSpec, RenderedDocument } from '../../src/contracts/document.js';
import { buildView } from '../../src/documents/build-view.js';
import { characterSource } from '../../src/documents/character-source.js';
import type { Facts } from '../../src/facts/facts.js';
import { renderDocument } from '../../src/render/render-document.js';
import type { RenderOptions } from '../../src/render/render-options.js';
import type { Renderer } from '../../src/render/renderer.js';

export function renderSubject(renderer: Renderer, facts: Facts, spec: DocumentSpec, options: RenderOptions): RenderedDocument {
  return renderDocument(renderer, buildView(facts, spec, options), spec, options, characterSource(facts, spec.subject, options));
}
