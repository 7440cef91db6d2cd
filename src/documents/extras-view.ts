// The parts issue 18 added to a view: key figures chosen (none "unknown", none twice, at most the
// layout's cap), "What happens next" on a one-pager, and what a one-pager shows where it has room.
import { LAYOUTS, type Layout } from '../contracts/layouts.js';
import type { Facts } from '../facts/facts.js';
import { compareDates } from '../facts/date-value.js';
import type { Endnotes } from './endnotes.js';
import { chooseKeyFigures, type ChosenFigures, type FigureCandidate } from './key-figures.js';
import { eventViews, quotesFor, timelineEvents, type TimelineMatch } from './view-parts.js';
import type { ExtrasView, QuoteView } from './view-types.js';

/** The key figures a layout shows, cited in reading order; the brief lists (and cites) those past its cap. */
export function keyFiguresFor(layout: Layout, candidates: FigureCandidate[], notes: Endnotes): ChosenFigures {
  const { limits, parts } = LAYOUTS[layout];
  return chooseKeyFigures(candidates, limits.keyFigures, notes, !parts.fill);
}

/**
 * Events after the as-of date (issue 18, item 4): a one-pager says what happens next rather than
 * dropping them; at most its timeline's limit, the soonest first. The brief's timeline has them all.
 */
function nextEvents(facts: Facts, layout: Layout, match: TimelineMatch, notes: Endnotes) {
  const { limits } = LAYOUTS[layout];
  if (limits.timeline === Infinity) return [];
  const after = timelineEvents(facts, match).filter((e) => compareDates(e.date, facts.meta.asOf) > 0);
  return eventViews(after.slice(0, limits.timeline), notes);
}

/** The source named once ("All facts: X unless noted") and the others; read once every note is cited. */
export function mainSourceOf(notes: Endnotes): Pick<ExtrasView, 'mainSource' | 'otherSources'> {
  const mainSource = notes.mainSource();
  return { mainSource, otherSources: mainSource ? notes.sources().filter((s) => s.number !== mainSource.number) : [] };
}

/** What a view shows besides its main parts; the main source is named once every note is cited. */
export function extrasFor(
  facts: Facts,
  layout: Layout,
  input: { match: TimelineMatch; figures: ChosenFigures; takeaways: string[]; openQuestions: string[]; sections: { heading: string; body: string }[] },
  notes: Endnotes,
): Omit<ExtrasView, 'mainSource' | 'otherSources'> {
  const { limits, parts } = LAYOUTS[layout];
  const next = nextEvents(facts, layout, input.match, notes);
  // A one-pager's room is filled from what the brief has, before anything is counted as left out.
  const quote: QuoteView | null = parts.fill ? quotesFor(facts, input.match, notes)[0] ?? null : null;
  return {
    moreFigures: parts.fill ? [] : input.figures.more,
    notKnown: input.figures.notKnown,
    hasNotKnown: input.figures.notKnown.length + input.openQuestions.length > 0,
    next,
    moreTakeaways: parts.fill ? input.takeaways.slice(limits.takeaways) : [],
    sections: parts.fill ? input.sections.map((s) => ({ heading: s.heading, body: s.body, notes: [] })) : [],
    quote,
  };
}
