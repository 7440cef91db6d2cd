// The pack's cover and table of contents: Handlebars templates in templates/pack/, printed through
// the same PdfRenderer as the documents so they share fonts and styles.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PAPER_SIZES, type Paper } from '../contracts/paper.js';
import type { PdfMetadata, RenderedDocument } from '../contracts/document.js';
import { TemplateError } from '../errors.js';
import { BUNDLED_TEMPLATES } from './tool.js';

/** One line of the table of contents. */
export interface ContentsEntry {
  title: string;
  /** "Brief" or "One-pager". */
  format: string;
  /** The page in the pack where the document starts, from 1. */
  page: number;
}

/** What the cover and the contents show. */
export interface FrontMatterView {
  title: string;
  subtitle: string;
  asOf: string;
  edition?: string;
  author: string;
  distribution?: string;
  documentCount: number;
  groups: { heading: string; entries: ContentsEntry[] }[];
}

const TEMPLATE_NAMES = ['cover.hbs', 'contents.hbs', 'pack.css'] as const;

/** The front matter as a document the PdfRenderer prints. */
export async function renderFrontMatter(
  templates: PackTemplates,
  view: FrontMatterView,
  paper: Paper,
  metadata: PdfMetadata,
): Promise<RenderedDocument> {
  const { default: Handlebars } = await import('handlebars');
  const hbs = Handlebars.create();
  const { cover, contents, css } = templates;
  const compile = (name: string, source: string) => {
    try {
      return hbs.compile(source, { strict: true })(view);
    } catch (error) {
      throw new TemplateError(`templates/pack/${name}: ${(error as Error).message}`, error);
    }
  };
  const body = `${compile('cover.hbs', cover)}\n${compile('contents.hbs', contents)}`;
  return {
    spec: {
      key: 'pack/front-matter',
      subject: { kind: 'topic', id: 'briefing-pack' },
      format: 'brief',
      layout: 'brief',
      outputPath: 'briefing-pack.pdf',
    },
    title: view.title,
    lang: metadata.language,
    bodyClass: `pack-front paper-${paper}`,
    body,
    pageCss: `@page { size: ${PAPER_SIZES[paper].css}; }\n${css}`,
    metadata,
  };
}

/** The texts of the pack's templates. */
export interface PackTemplates {
  cover: string;
  contents: string;
  css: string;
}

/** Reads the pack's templates from `templatesDir/pack`, each falling back to the bundled one. */
export async function readPackTemplates(templatesDir: string): Promise<PackTemplates> {
  const [cover, contents, css] = await Promise.all(TEMPLATE_NAMES.map((name) => readTemplate(templatesDir, name)));
  return { cover: cover!, contents: contents!, css: css! };
}

async function readTemplate(templatesDir: string, name: string): Promise<string> {
  for (const folder of [join(templatesDir, 'pack'), join(BUNDLED_TEMPLATES, 'pack')]) {
    try {
      return await readFile(join(folder, name), 'utf8');
    } catch {
      // fall back to the bundled template
    }
  }
  throw new TemplateError(`the pack template ${name} is missing from ${join(templatesDir, 'pack')}`);
}
