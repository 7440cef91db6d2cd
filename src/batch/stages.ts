// What a batch loads on its way, each when it is first needed: a no-op loads none of them.
import type { Skeleton } from '../contracts/document.js';
import type { Paper } from '../contracts/paper.js';
import type { Facts } from '../facts/facts.js';
import type { HtmlStage } from './html-stage.js';
import type { TemplateSet } from '../render/template-set.js';

/** The stages before printing, as the batch loads them. */
export interface BatchStages {
  /** The facts of the data folder, paths in messages shown from `cwd`. */
  loadFacts(dataDir: string, cwd: string | undefined): Promise<Facts>;
  /** The templates of a folder (the bundled set behind it), read once a run. */
  readTemplates(templatesDir: string): Promise<TemplateSet>;
  loadHtmlStage(templates: TemplateSet): Promise<HtmlStage>;
  /** The print skeleton alone, sooner than the whole HTML stage: printing can start on it. */
  loadSkeleton(templates: TemplateSet, paper: Paper): Promise<Skeleton>;
  /** Starts loading the heavy modules while the data is read; only runs that will render call it. */
  prefetch(): void;
}

export const STAGES: BatchStages = {
  async loadFacts(dataDir, cwd) {
    // On a worker thread: meanwhile this thread loads the templates and starts the browser.
    const { loadFactsInWorker } = await import('../facts/load-facts-in-worker.js');
    return loadFactsInWorker(dataDir, { cwd });
  },
  async readTemplates(templatesDir) {
    return (await import('./html-stage.js')).readTemplates(templatesDir);
  },
  async loadHtmlStage(templates) {
    return (await import('./html-stage.js')).loadHtmlStage(templates);
  },
  async loadSkeleton(templates, paper) {
    return (await import('./html-stage.js')).loadSkeleton(templates, paper);
  },
  prefetch() {
    // Module loading reads many files; started now, it overlaps with reading the data.
    for (const load of [() => import('../pdf/index.js'), () => import('../render/render-document.js')]) {
      load().catch(() => {});
    }
  },
};
