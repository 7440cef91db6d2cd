// What the preview shows, kept current: the last good facts and templates, and what is wrong now.
import path from 'node:path';
import { renderOptionsFor } from '../render/render-options.js';
import { BUNDLED_TEMPLATES } from '../package.js';
import type { Paper } from '../contracts/paper.js';
import { withRunDefaults } from '../contracts/run-defaults.js';
import { documentDate } from '../documents/document-date.js';
import { renderDocument } from '../render/render-document.js';
import { buildView } from '../documents/build-view.js';
import { characterSource } from '../documents/character-source.js';
import { screenSpec } from '../documents/plan.js';
import type { Facts } from '../facts/facts.js';
import { loadFacts } from '../facts/load.js';
import { createRenderer, type Renderer } from '../render/renderer.js';
import { composeHtml, renderSkeleton } from '../render/skeleton.js';
import { readTemplateSet } from '../render/template-set.js';
import { describeFailure, joinFailures, type PreviewFailure } from './describe-failure.js';
import { injectPreview, renderIndexPage, renderNotFoundPage, renderOverlay } from './preview-pages.js';
import { reloadScript } from './live-reload.js';
import type { Route } from './routes.js';

export interface PreviewOptions {
  dataDir: string;
  /** The user's templates folder; files missing there come from the bundled set. */
  templatesDir?: string;
  /** The date documents carry, in seconds since 1970 (SOURCE_DATE_EPOCH); default: the data's as-of date. */
  sourceDateEpoch?: number;
  /** The folder paths in messages are shown from (the command's working folder). */
  cwd?: string;
  paper?: Paper;
  distribution?: string;
  author?: string;
  /** @font-face rules with the server's font URLs. */
  fontCss: string;
}

export interface PreviewPage {
  status: number;
  html: string;
}

export interface PreviewSite {
  /** Reads the data and templates again; keeps the last good of each when one fails. */
  reload(): Promise<PreviewFailure | undefined>;
  /** The page of an index or document route, with the reload script and any overlay. */
  render(route: Extract<Route, { kind: 'index' | 'document' }>): Promise<PreviewPage>;
  /** Goes up by one on every reload; pages reload when theirs is behind. */
  readonly version: number;
}

/** The templates as the preview renders with them: a renderer, and the page documents go in. */
interface PreviewTemplates {
  renderer: Renderer;
  skeleton: string;
}

const FONTS_STYLE = /<style id="fonts">[\s\S]*?<\/style>/;

function loadTemplates(options: PreviewOptions, paper: Paper): PreviewTemplates {
  const templates = readTemplateSet(options.templatesDir ?? BUNDLED_TEMPLATES, BUNDLED_TEMPLATES);
  const renderer = createRenderer(templates);
  // The print skeleton loads fonts by file://, which a page served over http may not; swap in served URLs.
  const skeleton = renderSkeleton(templates, { paper, assets: 'file' }).replace(FONTS_STYLE, () => `<style id="fonts">\n${options.fontCss}\n</style>`);
  return { renderer, skeleton };
}

export function createPreviewSite(options: PreviewOptions): PreviewSite {
  const { paper } = withRunDefaults(options);
  const dataDir = path.resolve(options.dataDir);
  let facts: Facts | undefined;
  let templates: PreviewTemplates | undefined;
  let failure: PreviewFailure | undefined;
  let version = 0;
  // The last good HTML of each document, shown under the overlay when a template fails on it.
  const lastGood = new Map<string, string>();

  const finish = (html: string, status: number, extra?: PreviewFailure): PreviewPage => {
    const shown = joinFailures([failure, extra].filter((f): f is PreviewFailure => Boolean(f)));
    return { status, html: injectPreview(html, { script: reloadScript(version), overlay: shown && renderOverlay(shown) }) };
  };

  return {
    get version() {
      return version;
    },
    async reload() {
      const failures: PreviewFailure[] = [];
      try {
        facts = await loadFacts(dataDir, { cwd: options.cwd });
      } catch (error) {
        failures.push(describeFailure(error, options.cwd));
      }
      try {
        templates = loadTemplates(options, paper);
      } catch (error) {
        failures.push(describeFailure(error, options.cwd));
      }
      failure = joinFailures(failures);
      version++;
      return failure;
    },
    async render(route) {
      if (route.kind === 'index') return finish(renderIndexPage(facts, path.resolve(options.dataDir), options.cwd), 200);
      const known = route.subject === 'programme' ? facts?.programmes : facts?.topics;
      if (!facts || !templates) return finish(renderNotFoundPage('Nothing can be shown until the data and templates load.'), failure ? 500 : 404);
      if (!known?.has(route.id)) return finish(renderNotFoundPage(`There is no ${route.subject} "${route.id}" in the data.`), 404);
      const date = documentDate(facts.meta.asOf, options.sourceDateEpoch);
      const renderOptions = renderOptionsFor({ paper, date, distribution: options.distribution, author: options.author });
      // The screen styles apply to `html`-format bodies: the page as a sheet of paper, for either layout.
      const spec = screenSpec(route.subject, route.id, route.layout);
      try {
        const view = buildView(facts, spec, renderOptions);
        const doc = renderDocument(templates.renderer, view, spec, renderOptions, characterSource(facts, spec.subject, renderOptions));
        const html = composeHtml(templates.skeleton, doc);
        lastGood.set(spec.key, html);
        return finish(html, 200);
      } catch (error) {
        return finish(lastGood.get(spec.key) ?? renderNotFoundPage('This document failed to render.'), 500, describeFailure(error, options.cwd));
      }
    },
  };
}
