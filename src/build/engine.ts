// The pieces the batch drives, loaded lazily: a run where nothing changed imports none of them
// (no YAML parser, no Handlebars, no Puppeteer), which keeps a no-op run cheap (issue 4).
import type { Facts } from '../facts/facts.js';
import type { DocumentSpec, PdfMetadata, RenderedDocument } from '../contracts/document.js';
import type { FrontMatterView } from '../render/front-matter.js';
import type { Paper } from '../contracts/paper.js';
import type { RenderOptions } from '../render/render-options.js';
import type { BrowserManager } from '../pdf/browsers.js';
import type { PdfRenderer, PoolOptions, Shell } from '../pdf/types.js';
import type { renderShell as RenderShell } from '../render/skeleton.js';
import type { TemplateSet } from '../render/template-set.js';

/** Turns facts into HTML, with one set of templates. */
export interface Engine {
  /** The shell documents are printed in: fonts and styles by file:// URL. */
  renderShell(paper: Paper): Shell;
  renderDocument(facts: Facts, spec: DocumentSpec, options: RenderOptions): Promise<RenderedDocument>;
  /**
   * The self-contained HTML the `html` format writes, as bytes: fonts inlined, only the slices it
   * uses, and a Content-Security-Policy that runs no script (images from http(s) with allowRemote).
   */
  standaloneHtml(doc: RenderedDocument, options: Pick<RenderOptions, 'paper' | 'allowRemote'>): Uint8Array;
  /** A document inside a shell, as one HTML file (the benchmark's floor opens these). */
  composeHtml(shell: Shell, doc: RenderedDocument): string;
  /** The pack's cover and contents as a document to print. */
  renderFrontMatter(view: FrontMatterView, paper: Paper, metadata: PdfMetadata): RenderedDocument;
  /** The texts the front matter is made from, for the pack's input hash. */
  frontMatterSources(): { cover: string; contents: string; css: string };
}

/** What a build needs from the rest of the tool; tests pass fakes for the parts they do not test. */
export interface BuildDeps {
  loadFacts(dataDir: string): Promise<Facts>;
  loadEngine(templatesDir: string): Promise<Engine>;
  /**
   * The shell alone, as the engine's renderShell gives it, without loading what renders documents
   * (Handlebars, markdown-it, the views): a full build starts the browser on it at once.
   */
  loadShell?(templatesDir: string, paper: Paper): Promise<Shell>;
  /**
   * Launches the browser at once, before the shell it prints in is ready: launching it (loading
   * Puppeteer, starting Chromium) no longer waits for the templates. The next renderer prints on it.
   */
  startBrowser?(options: PoolOptions): Promise<BrowserManager>;
  createPdfRenderer(shell: Shell, options: PoolOptions, browsers?: BrowserManager): Promise<PdfRenderer>;
  /** Starts loading the heavy modules while the data is read; only runs that will render call it. */
  prefetch?(): void;
}

export const defaultDeps: BuildDeps = {
  async loadFacts(dataDir) {
    // On a worker thread: meanwhile this thread loads the templates and starts the browser.
    const { loadFactsInWorker } = await import('../facts/load-facts-in-worker.js');
    return loadFactsInWorker(dataDir);
  },
  loadEngine,
  async loadShell(templatesDir, paper) {
    const [{ readTemplateSet, bundledTemplatesDir }, { renderShell }] = await Promise.all([
      import('../render/template-set.js'),
      import('../render/skeleton.js'),
    ]);
    return shellOf(readTemplateSet(templatesDir, bundledTemplatesDir()), paper, renderShell);
  },
  prefetch() {
    // Module loading reads many files; started now, it overlaps with reading the data.
    for (const load of [() => import('../pdf/printer.js'), () => import('../render/render-document.js')]) {
      load().catch(() => {});
    }
  },
  async startBrowser(options) {
    const { startBrowser } = await import('../pdf/browsers.js');
    return startBrowser(options);
  },
  async createPdfRenderer(shell, options, browsers) {
    const { createPdfRenderer } = await import('../pdf/printer.js');
    return createPdfRenderer(shell, options, browsers);
  },
};

/** The real engine: the templates of `templatesDir`, each missing file taken from the bundled set. */
export async function loadEngine(templatesDir: string): Promise<Engine> {
  const [
    { readTemplateSet, bundledTemplatesDir },
    { createRenderer },
    { renderShell, composeHtml, standaloneHtml },
    { renderDocument, inFormat },
    { documentPolicy },
    frontMatter,
  ] = await Promise.all([
    import('../render/template-set.js'),
    import('../render/renderer.js'),
    import('../render/skeleton.js'),
    import('../render/render-document.js'),
    import('../render/content-policy.js'),
    import('../render/front-matter.js'),
  ]);
  const templates = readTemplateSet(templatesDir, bundledTemplatesDir());
  const renderer = createRenderer(templates);
  // A subject's brief PDF and its HTML share one rendering: the second is only relabelled.
  const byLayout = new Map<string, RenderedDocument>();
  const emptyShells = new Map<string, string>();
  return {
    renderShell: (paper) => shellOf(templates, paper, renderShell),
    async renderDocument(facts, spec, options) {
      const key = `${spec.subject.kind}/${spec.subject.id}/${spec.layout}\0${JSON.stringify(options)}`;
      const shared = byLayout.get(key);
      if (shared) {
        byLayout.delete(key);
        return inFormat(shared, spec, options);
      }
      const rendered = renderDocument(renderer, facts, spec, options);
      // The plan lists a subject's formats together, so only the latest few are kept: memory stays
      // flat over thousands of documents.
      byLayout.set(key, rendered);
      if (byLayout.size > 32) byLayout.delete(byLayout.keys().next().value!);
      return rendered;
    },
    standaloneHtml(doc, { paper, allowRemote }) {
      const key = `${paper}/${Boolean(allowRemote)}`;
      let shell = emptyShells.get(key);
      if (!shell) {
        shell = renderShell(templates, { paper, assets: 'none', contentPolicy: documentPolicy({ allowRemote }) });
        emptyShells.set(key, shell);
      }
      return standaloneHtml(shell, doc);
    },
    composeHtml: (shell, doc) => composeHtml(shell.html, doc),
    renderFrontMatter: (view, paper, metadata) => frontMatter.renderFrontMatter(renderer, templates, view, paper, metadata),
    frontMatterSources: () => frontMatter.frontMatterSources(templates),
  };
}

/** The shell documents are printed in: fonts and styles by file:// URL. */
function shellOf(templates: TemplateSet, paper: Paper, render: typeof RenderShell): Shell {
  return { paper, html: render(templates, { paper, assets: 'file' }) };
}
