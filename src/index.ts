// The library API: the same pipeline the CLI drives, as values in and values out.
// files -> facts -> documents -> HTML -> PDF -> outputs.

export { BriefError, DataError, TemplateError, UsageError, RenderError, FitError, OutputError, InterruptedError, EditionError, EXIT, formatProblem } from './errors.js';
export type { Problem, ExitCode } from './errors.js';

export { loadFacts, checkDataFolder, checkFiles, type LoadOptions } from './facts/load.js';
export { findMissingExcerpts } from './facts/check-excerpts.js';
export { verifySources, type SourceVerification, type SourceTally } from './facts/verify-sources.js';
export { planMigration, writeMigration, type MigrationPlan } from './facts/migrate/migrate-folder.js';
export { jsonSchemaText } from './facts/json-schema.js';
export type { Facts, Located, Origin, ProgrammeFacts, PersonFacts, OrganisationFacts } from './facts/facts.js';
export type * from './facts/schema.js';

export { planDocuments, type Selection } from './documents/plan.js';
export { buildView } from './documents/build-view.js';
export type { DocumentView } from './documents/view-types.js';

export type { DocumentSpec, RenderedDocument, PdfMetadata, Skeleton } from './contracts/document.js';
export type { Format, Layout, FitPolicy } from './contracts/layouts.js';
export { PAPERS, PAPER_SIZES, DEFAULT_PAPER, type Paper } from './contracts/paper.js';

export { renderDocument } from './render/render-document.js';
export { renderOptionsFor, type RenderOptions } from './render/render-options.js';
export { createRenderer, type Renderer } from './render/renderer.js';
export { readTemplateSet, bundledTemplatesDir, type TemplateSet } from './render/template-set.js';
export { renderSkeleton, composeHtml } from './render/skeleton.js';

export { BrowserSession, withBrowser, findBrowser } from './browser/index.js';
export type { SessionOptions, Printer, PrintedPdf, PoolOptions } from './browser/index.js';
export { finishPdf, type FinishedPdf } from './pdf/index.js';

export { readEdition, diffEditions, documentChanges, describeChange, summariseChanges, recordsOfFacts, documentRecords } from './editions/index.js';
export { ENTITY_KINDS, type Edition, type Change, type FactRecord, type EntityKind, type SinceEdition } from './contracts/editions.js';

export { runBatch, assembleShards } from './batch/run-batch.js';
export type { BatchOptions, AssembleOptions } from './batch/options.js';
export type { BatchEvents, BatchResult, DocumentOutcome } from './batch/result.js';
export type { Audience } from './contracts/audience.js';

export { initProject } from './authoring/init-project.js';
export { startPreviewServer } from './preview/server.js';
export { TOOL } from './package.js';
