// The library API: the same pipeline the CLI drives, as values in and values out.
// files -> facts -> documents -> HTML -> PDF -> outputs.

export { BriefError, DataError, TemplateError, UsageError, RenderError, FitError, OutputError, InterruptedError, EXIT, formatProblem } from './errors.js';
export type { Problem, ExitCode } from './errors.js';

export { loadFacts, checkDataFolder, checkFiles } from './facts/load.js';
export { findMissingExcerpts } from './facts/check-excerpts.js';
export { jsonSchemaText } from './facts/json-schema.js';
export type { Facts, Located, Origin } from './facts/facts.js';
export type * from './facts/schema.js';

export { planDocuments, type Selection } from './documents/plan.js';
export { buildView } from './documents/build-view.js';
export { renderDocument } from './render/render-document.js';
export type { DocumentSpec, Format, RenderedDocument, PdfMetadata, FitPolicy } from './contracts/document.js';
export type { Paper } from './contracts/paper.js';
export type { RenderOptions } from './render/render-options.js';

export { createRenderer, type Renderer } from './render/renderer.js';
export { readTemplateSet, bundledTemplatesDir, type TemplateSet } from './render/template-set.js';
export { renderShell, composeHtml } from './render/skeleton.js';

export { createPdfRenderer, findBrowser } from './pdf/index.js';
export type { PdfRenderer, PrintedPdf, PoolOptions, Shell } from './pdf/index.js';

export { build } from './build/build.js';
export type { BuildOptions, BuildEvents, BuildResult, DocumentOutcome } from './build/build.js';

export { initProject } from './authoring/init-project.js';
export { startPreviewServer } from './preview/server.js';
export { TOOL } from './package.js';
