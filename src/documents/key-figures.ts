// Key figures that are figures (issue 18, item 2): a figure the data reports as unknown is not a
// headline (it goes under "What is not known"); the same value and unit under two labels is shown
// once; a caption that names its year is not followed by the same year again; at most the layout's
// cap in the grid, the rest listed in the brief's table and counted on a one-pager.
import type { Figure } from '../facts/schema.js';
import type { Endnotes } from './endnotes.js';
import type { KeyFigureView, NotKnownView } from './view-types.js';


/** A figure a subject reports, with the label it is reported under and the claim that bears it out. */
export interface FigureCandidate {
  caption: string;
  figure: Pick<Figure, 'value' | 'qualifier' | 'unit' | 'asOf' | 'note'>;
  claim: string | undefined;
}

/** The figures a document shows: the grid's, those past its cap, and those not known. */
export interface ChosenFigures {
  shown: KeyFigureView[];
  /** Past the cap: the brief lists them in a table, a one-pager counts them. */
  more: KeyFigureView[];
  notKnown: NotKnownView[];
}

/** True for a figure that states no quantity: "unknown" is an open question, not a headline figure. */
export function isUnknownFigure(figure: Pick<Figure, 'value'>): boolean {
  return figure.value === 'unknown';
}

const sameQuantity = (a: FigureCandidate['figure'], b: FigureCandidate['figure']) =>
  a.value === b.value && (a.unit ?? '') === (b.unit ?? '') && (a.qualifier ?? 'exactly') === (b.qualifier ?? 'exactly');

/** The year of a date value, as digits: "2020" of "2020-06". */
const yearOf = (date: string | number) => String(date).slice(0, 4);

/**
 * The figures, in data order, sorted into the grid (at most `cap`), the rest, and those not known.
 * `cite` says whether the figures past the cap are cited (the brief lists them; a one-pager only counts them).
 */
export function chooseKeyFigures(candidates: FigureCandidate[], cap: number, notes: Endnotes, citeMore: boolean): ChosenFigures {
  const known: FigureCandidate[] = [];
  const unknown: FigureCandidate[] = [];
  for (const candidate of candidates) {
    if (isUnknownFigure(candidate.figure)) {
      if (!unknown.some((u) => u.caption === candidate.caption)) unknown.push(candidate);
    } else if (!known.some((k) => sameQuantity(k.figure, candidate.figure))) {
      known.push(candidate);
    }
  }
  const view = ({ caption, figure, claim }: FigureCandidate, cite: boolean): KeyFigureView => {
    const asOf = figure.asOf ?? null;
    return {
      caption,
      figure: { value: figure.value, qualifier: figure.qualifier, unit: figure.unit },
      // "HNCs and HNDs in 2020", not "HNCs and HNDs in 2020 (2020)".
      asOf: asOf !== null && caption.includes(yearOf(asOf)) ? null : asOf,
      note: figure.note ?? null,
      notes: cite ? notes.cite(claim) : [],
    };
  };
  const shown = known.slice(0, cap).map((c) => view(c, true));
  const more = known.slice(cap).map((c) => view(c, citeMore));
  return { shown, more, notKnown: unknown.map((u) => ({ caption: u.caption, notes: citeMore ? notes.cite(u.claim) : [] })) };
}
