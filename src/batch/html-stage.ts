// The HTML stage of a batch, loaded lazily: a run where nothing changed imports none of it (no
// Handlebars, no markdown-it, no views), which keeps a no-op cheap (issue 4).
import type { DocumentSpec, PdfMetadata, RenderedDocument, Skeleton } from '../contracts/document.js';
import type { Paper } from '../contracts/paper.js';
import type { Facts } from '../facts/facts.js';
import type { FrontMatterView, PackWording } from '../render/front-matter.js';
import type { RenderOptions } from '../render/render-options.js';
import type { TemplateSet } from '../render/template-set.js';
import type { SinceStage } from './since.js';

/** Facts into HTML with one set of templates: documents, the pack's front matter, the print skeleton. */
export interface HtmlStage {
  /** The page documents are printed in: fonts and styles by file:// URL. */
  skeleton(paper: Paper): Skeleton;
  /** With `since` (a build with --since), the document carries its edition and what changed (issue 22). */
  renderDocument(facts: Facts, spec: DocumentSpec, options: RenderOptions, since?: SinceStage): RenderedDocument;
  /**
   * The self-contained HTML the `html` format writes, as bytes: fonts inlined, only the slices it
   * uses, and a Content-Security-Policy that runs no script (images from http(s) with allowRemote).
   */
  standaloneHtml(doc: RenderedDocument, options: Pick<RenderOptions, 'paper' | 'allowRemote'>): Uint8Array;
  /** The pack's cover and contents as a document to print. */
  renderFrontMatter(view: FrontMatterView, paper: Paper, metadata: PdfMetadata): RenderedDocument;
  /** The texts the front matter is made from, for the pack's input hash. */
  frontMatterSources(): { cover: string; contents: string; css: string };
  /** The pack's own words: its PDF title and subject, its contents' bookmark, its page numbers and contents links. */
  packWording(pack: Parameters<typeof import('../render/front-matter.js').packWording>[1]): PackWording;
}

/**
 * The templates of `templatesDir`, each file missing there taken from the bundled set: read once a
 * run, and shared by the print skeleton and the HTML stage (reading them twice had cost a build
 * ~200 ms of label parsing before its first print).
 */
export async function readTemplates(templatesDir: string): Promise<TemplateSet> {
  const [{ readTemplateSet }, { BUNDLED_TEMPLATES }] = await Promise.all([import('../render/template-set.js'), import('../package.js')]);
  return readTemplateSet(templatesDir, BUNDLED_TEMPLATES);
}

/** The stage for a set of templates (readTemplates). */
export async function loadHtmlStage(templates: TemplateSet): Promise<HtmlStage> {
  const [{ createRenderer }, skeletons, { renderDocument, inFormat }, { documentPolicy }, frontMatter, { buildView }, { characterSource }] = await Promise.all([
    import('../render/renderer.js'),
    import('../render/skeleton.js'),
    import('../render/render-document.js'),
    import('../render/content-policy.js'),
    import('../render/front-matter.js'),
    import('../documents/build-view.js'),
    import('../documents/character-source.js'),
  ]);
  const renderer = createRenderer(templates);
  // A subject's brief PDF and its HTML share one rendering: the second is only relabelled.
  const byLayout = new Map<string, RenderedDocument>();
  const emptySkeletons = new Map<string, string>();
  return {
    skeleton: (paper) => printSkeleton(templates, paper, skeletons.renderSkeleton),
    renderDocument(facts, spec, options, since) {
      const key = `${spec.subject.kind}/${spec.subject.id}/${spec.layout}\0${JSON.stringify(options)}${since ? '\0since' : ''}`;
      const shared = byLayout.get(key);
      if (shared) {
        byLayout.delete(key);
        return inFormat(shared, spec, options);
      }
      // The batch hands render a view: the facts stop at src/documents.
      const built = buildView(facts, spec, options);
      const view = since ? since.applyTo(built, spec, facts, (citeFirst) => buildView(facts, spec, { ...options, citeFirst })) : built;
      const rendered = renderDocument(renderer, view, spec, options, characterSource(facts, spec.subject, options));
      // The plan lists a subject's formats together, so only the latest few are kept: memory stays
      // flat over thousands of documents.
      byLayout.set(key, rendered);
      if (byLayout.size > 32) byLayout.delete(byLayout.keys().next().value!);
      return rendered;
    },
    standaloneHtml(doc, { paper, allowRemote }) {
      const key = `${paper}/${Boolean(allowRemote)}`;
      let empty = emptySkeletons.get(key);
      if (!empty) {
        empty = skeletons.renderSkeleton(templates, { paper, assets: 'none', contentPolicy: documentPolicy({ allowRemote }) });
        emptySkeletons.set(key, empty);
      }
      return skeletons.standaloneHtml(empty, doc);
    },
    renderFrontMatter: (view, paper, metadata) => frontMatter.renderFrontMatter(renderer, templates, view, paper, metadata),
    frontMatterSources: () => frontMatter.frontMatterSources(templates),
    packWording: (pack) => frontMatter.packWording(templates.labels, pack),
  };
}

/**
 * The print skeleton alone, as the stage's skeleton() gives it, without loading what renders
 * documents (Handlebars, markdown-it, the views): a full build starts printing pages on it at once.
 */
export async function loadSkeleton(templates: TemplateSet, paper: Paper): Promise<Skeleton> {
  const { renderSkeleton } = await import('../render/skeleton.js');
  return printSkeleton(templates, paper, renderSkeleton);
}

/** The skeleton documents are printed in: fonts and styles by file:// URL. */
function printSkeleton(templates: TemplateSet, paper: Paper, render: typeof import('../render/skeleton.js').renderSkeleton): Skeleton {
  return { paper, html: render(templates, { paper, assets: 'file' }) };
}
