// Numbered endnotes and the source list (issue 13, item 3): each claim gets one number, in the
// order the document first cites it; each source is listed in full once, and a note names only
// what differs from it (who stands behind the claim, the excerpt, where in the source).
import type { Facts } from '../facts/facts.js';
import type { EndnoteView, SourceView } from './view-types.js';

/** Collects the claims and sources a document cites, numbering both. */
export class Endnotes {
  private readonly numbers = new Map<string, number>();
  private readonly sourceNumbers = new Map<string, number>();
  constructor(private readonly facts: Facts) {}

  /** The endnote numbers for these claims, ascending (unknown ids are skipped; the loader has checked them). */
  cite(...claimIds: (string | undefined)[]): number[] {
    const out: number[] = [];
    for (const id of claimIds) {
      if (!id || !this.facts.claims.has(id)) continue;
      let n = this.numbers.get(id);
      if (n === undefined) {
        n = this.numbers.size + 1;
        this.numbers.set(id, n);
        const source = this.facts.claims.get(id)!.source;
        if (source !== undefined) this.citeSource(source);
      }
      if (!out.includes(n)) out.push(n);
    }
    // Several notes cited together read in order: "3, 4, 5", not "4, 5, 3".
    return out.sort((a, b) => a - b);
  }

  /** Puts a source on the list (a quote's, say), once; its entry, or null for an id the data lacks. */
  citeSource(id: string): SourceView | null {
    if (!this.facts.sources.has(id)) return null;
    if (!this.sourceNumbers.has(id)) this.sourceNumbers.set(id, this.sourceNumbers.size + 1);
    return this.sourceView(id);
  }

  private sourceView(id: string): SourceView {
    const source = this.facts.sources.get(id)!;
    return {
      number: this.sourceNumbers.get(id)!,
      publisher: source.publisher,
      headline: source.headline,
      date: source.date,
      dateline: source.dateline ?? null,
      byline: source.byline?.length ? source.byline.join(', ') : null,
      url: source.url ? source.url : null,
    };
  }

  /**
   * The source that backs most notes, outside facts aside (issue 18, item 4): a one-pager names it
   * once ("All facts: X unless noted"); null where none backs more than half of the notes.
   */
  mainSourceId(): string | null {
    const counts = new Map<string, number>();
    for (const id of this.numbers.keys()) {
      const claim = this.facts.claims.get(id)!;
      if (claim.source === undefined || claim.attribution.kind === 'outside-fact') continue;
      counts.set(claim.source, (counts.get(claim.source) ?? 0) + 1);
    }
    const [top] = [...counts].sort((a, b) => b[1] - a[1]);
    return top && top[1] * 2 > this.numbers.size ? top[0] : null;
  }

  /** The main source's entry in the source list, or null (see mainSourceId). */
  mainSource(): SourceView | null {
    const id = this.mainSourceId();
    return id === null ? null : this.sourceView(id);
  }

  list(): EndnoteView[] {
    const main = this.mainSourceId();
    return [...this.numbers].map(([id, number]) => {
      const claim = this.facts.claims.get(id)!;
      const source = claim.source !== undefined && this.sourceNumbers.has(claim.source) ? this.sourceView(claim.source) : null;
      return {
        namesOwnSource: source !== null && (main === null || claim.source !== main || claim.attribution.kind === 'outside-fact'),
        number,
        claimId: id,
        attribution: `attribution.${claim.attribution.kind}`,
        attributionKind: claim.attribution.kind,
        who: claim.attribution.who,
        statement: claim.statement,
        source,
        excerpt: claim.excerpt ?? null,
        locator: claim.locator ?? null,
        confidence: `confidence.${claim.confidence}`,
        confidenceLevel: claim.confidence,
      };
    });
  }

  /**
   * True where a note must name its own source: the document cites more than one, or some of its
   * notes (outside facts) cite none, so "every note cites this source" would not be true.
   */
  citesPerNote(): boolean {
    return this.sourceNumbers.size > 1;
  }

  /** Whether some note is on a claim with no source document (only an outside fact may have none). */
  hasUnsourced(): boolean {
    return [...this.numbers.keys()].some((id) => this.facts.claims.get(id)!.source === undefined);
  }

  /** The source list: every source cited, in the order first cited. */
  sources(): SourceView[] {
    return [...this.sourceNumbers.keys()].map((id) => this.sourceView(id));
  }
}
