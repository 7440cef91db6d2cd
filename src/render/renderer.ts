// One isolated Handlebars instance per renderer; templates compiled strictly so a missing field fails.
import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';
import { createHelpers } from './helpers.js';
import type { Labels } from './labels.js';
import { boundLoops, describeTooLarge, startBudget, type RenderBudget, type RenderLimits } from './render-limits.js';
import { toTemplateError } from './template-error.js';
import type { TemplateFile, TemplateSet } from './template-set.js';

/** How one rendering goes: its limits, and the language its numbers, dates and labels are written in. */
export interface RenderCall extends RenderLimits {
  /** BCP 47; default "en". */
  lang?: string;
}

/** Renders a layout with a view model to HTML; pure: no file I/O. */
export interface Renderer {
  /**
   * The HTML of `layout` (a file in `layouts/`, or `pack/cover` and `pack/contents`) rendered with
   * `view`; throws TemplateError, also when rendering runs past the call's limits (by default 30 s
   * and 32 million characters).
   */
  render(layout: string, view: object, call?: RenderCall): string;
  layouts: string[];
  /** The labels the templates print, for what is worded outside them (charts, page furniture). */
  labels: Labels;
}

type Compiled = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

// Strict: a field the view model lacks is an error, not an empty string (issue 3).
const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

function compileFile(hb: typeof Handlebars, template: TemplateFile): Compiled {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(template.source); // Parse now, so a syntax error fails before any document renders.
  } catch (error) {
    throw toTemplateError(error, template.file, 'compile', template.source);
  }
  // Compiled from the tree just parsed: given the source, Handlebars would parse it again.
  const compiled = hb.compile(ast, COMPILE_OPTIONS);
  // Each template names itself on the way out; the innermost partial to fail wins.
  return (context, options) => {
    try {
      return compiled(context, options);
    } catch (error) {
      throw toTemplateError(error, template.file, 'render', template.source);
    }
  };
}

// Handlebars' strict mode checks `{{field}}` but not helper arguments (`{{#if field}}`,
// `{{money field}}`): a typo there would silently read as empty. View models use null, never
// undefined, for an absent value, so an undefined argument can only be a field that is not there.
function requireDefinedArguments(name: string, helper: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    const options = args.at(-1) as Handlebars.HelperOptions & { loc?: unknown };
    if (args.slice(0, -1).some((arg) => arg === undefined)) {
      throw new Handlebars.Exception(`an argument of "${name}" is not in the view model`, options as never);
    }
    return helper.apply(this, args as never);
  };
}

export function createRenderer(templates: TemplateSet): Renderer {
  const hb = Handlebars.create();
  // The limits of the rendering under way: renders are synchronous, so one at a time.
  let budget: RenderBudget | undefined;
  let lang = 'en';
  const helpers = { ...createHelpers((html) => new hb.SafeString(html), () => ({ labels: templates.labels, lang })) };
  for (const name of ['if', 'unless', 'with'] as const) helpers[name] = hb.helpers[name]!;
  // `{{#list}}...{{/list}}` over an array goes through `each` too (Handlebars' blockHelperMissing).
  helpers.each = boundLoops(hb.helpers.each!, () => budget);
  for (const [name, helper] of Object.entries(helpers)) hb.registerHelper(name, requireDefinedArguments(name, helper));
  for (const partial of Object.values(templates.partials)) {
    hb.registerPartial(partial.name, compileFile(hb, partial) as Handlebars.Template);
  }
  // The documents' layouts and the pack's front matter: one instance, the same helpers and checks.
  const files = new Map<string, TemplateFile>([
    ...Object.values(templates.layouts).map((t) => [t.name, t] as const),
    ...Object.values(templates.pack).map((t) => [`pack/${t.name}`, t] as const),
  ]);
  const layouts = new Map([...files].map(([name, t]) => [name, compileFile(hb, t)]));
  return {
    render(layout, view, call) {
      const template = layouts.get(layout);
      if (!template) {
        throw new TemplateError(`no layout "${layout}"; known: ${[...layouts.keys()].join(', ') || '(none)'}`);
      }
      budget = startBudget(call);
      lang = call?.lang ?? 'en';
      try {
        const html = template(view);
        // Loops check as they go; this catches what was made outside them.
        if (html.length > budget.maxHtmlChars) {
          throw new TemplateError(`${files.get(layout)!.file}  template failed: ${describeTooLarge(budget)}`);
        }
        return html;
      } finally {
        budget = undefined;
      }
    },
    layouts: [...layouts.keys()],
    labels: templates.labels,
  };
}
