// Handlebars renders synchronously, so a runaway loop cannot be stopped from outside: loops check
// the clock and the size of what they made as they go (issue 11: a nested {{#each}} ran 78 s).
import Handlebars from 'handlebars';

/** Bounds on rendering one document's templates. */
export interface RenderLimits {
  /** Give up after this many milliseconds (`--timeout`); default RENDER_LIMITS.timeoutMs. */
  timeoutMs?: number;
  /** Give up when the HTML grows past this many characters; default RENDER_LIMITS.maxHtmlChars. */
  maxHtmlChars?: number;
}

/** The defaults: --timeout's 30 s, and an HTML size a hundred times that of the largest real brief. */
export const RENDER_LIMITS = { timeoutMs: 30_000, maxHtmlChars: 32_000_000 } as const;

/** One rendering's limits and what its loops have spent of them. */
export interface RenderBudget {
  deadline: number;
  timeoutMs: number;
  maxHtmlChars: number;
  /** Characters made by loop items so far, each counted once however deep the loops nest. */
  chars: number;
  /** Loops entered so far: an item during which none was entered is an innermost one. */
  loops: number;
  /** Innermost items so far: the clock is read on every CLOCK_EVERY-th. */
  leaves: number;
}

// Reading the clock costs about as much as the rest of an item's checks: every 16th is soon enough.
const CLOCK_EVERY = 16;

export function startBudget(limits: RenderLimits = {}): RenderBudget {
  const timeoutMs = limits.timeoutMs ?? RENDER_LIMITS.timeoutMs;
  return {
    deadline: performance.now() + timeoutMs,
    timeoutMs,
    maxHtmlChars: limits.maxHtmlChars ?? RENDER_LIMITS.maxHtmlChars,
    chars: 0,
    loops: 0,
    leaves: 0,
  };
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** The message for HTML past the size limit, shared with the check of the whole page. */
export function describeTooLarge(budget: RenderBudget): string {
  return `the HTML grew past ${grouped(budget.maxHtmlChars)} characters, the limit for one document`;
}

function fail(message: string, options: Handlebars.HelperOptions): never {
  throw new Handlebars.Exception(`${message}, and was stopped in this loop`, options as never);
}

/**
 * `each` whose items are checked against the budget of the rendering under way. The clock is read
 * only by the innermost loop (after every 16th item in which no loop started, or when a loop ran
 * no item), so the loop named is the one spending the time.
 */
export function boundLoops(each: Handlebars.HelperDelegate, current: () => RenderBudget | undefined): Handlebars.HelperDelegate {
  return function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const budget = current();
    if (!budget || typeof options?.fn !== 'function') return each.call(this, context, options);
    budget.loops++;
    const render = options.fn;
    let items = 0;
    options.fn = (item: unknown, frame?: unknown) => {
      const chars = budget.chars;
      const loops = budget.loops;
      const html = render(item, frame as never);
      items++;
      // This item's HTML holds whatever nested loops made during it: counted once, here.
      budget.chars = chars + html.length;
      if (budget.chars > budget.maxHtmlChars) fail(describeTooLarge(budget), options);
      if (budget.loops === loops && ++budget.leaves % CLOCK_EVERY === 0 && performance.now() > budget.deadline) {
        fail(describeTimeout(budget), options);
      }
      return html;
    };
    const html = each.call(this, context, options) as string;
    if (items === 0 && performance.now() > budget.deadline) fail(describeTimeout(budget), options);
    return html;
  };
}

function describeTimeout(budget: RenderBudget): string {
  return `rendering took longer than ${budget.timeoutMs} ms (--timeout)`;
}
