// Numbered endnotes: each claim gets one number, in the order the document first cites it.
import type { Facts } from '../facts/facts.js';
import type { AttributionKind, Source } from '../facts/schema.js';
import type { EndnoteView, SourceView } from './view-types.js';

/** How each attribution kind is named in an endnote. */
export const ATTRIBUTION_LABELS = {
  'government-documents': 'Review of government documents',
  'anonymous-sources': 'Anonymous sources',
  'named-official': 'Named official',
  'named-expert': 'Named expert',
  'state-media': 'State media',
  'official-document': 'Official document',
  advertisement: 'Advertisement',
  publication: 'Publication',
  'news-report': 'News report',
  'outside-fact': 'Outside fact',
} as const satisfies Record<AttributionKind, string>;

export function toSourceView(source: Source): SourceView {
  return {
    publisher: source.publisher,
    headline: source.headline,
    date: source.date,
    dateline: source.dateline ?? null,
    byline: source.byline?.length ? source.byline.join(', ') : null,
  };
}

/** Collects the claims a document cites and numbers them. */
export class Endnotes {
  private readonly numbers = new Map<string, number>();
  constructor(private readonly facts: Facts) {}

  /** The endnote numbers for these claims (unknown ids are skipped; the loader has checked them). */
  cite(...claimIds: (string | undefined)[]): number[] {
    const out: number[] = [];
    for (const id of claimIds) {
      if (!id || !this.facts.claims.has(id)) continue;
      let n = this.numbers.get(id);
      if (n === undefined) {
        n = this.numbers.size + 1;
        this.numbers.set(id, n);
      }
      if (!out.includes(n)) out.push(n);
    }
    return out;
  }

  list(): EndnoteView[] {
    return [...this.numbers].map(([id, number]) => {
      const claim = this.facts.claims.get(id)!;
      const source = this.facts.sources.get(claim.source);
      return {
        number,
        claimId: id,
        attributionLabel: ATTRIBUTION_LABELS[claim.attribution.kind],
        attributionKind: claim.attribution.kind,
        who: claim.attribution.who,
        statement: claim.statement,
        source: source
          ? toSourceView(source)
          : { publisher: claim.source, headline: '', date: claim.date ?? '', dateline: null, byline: null },
        excerpt: claim.excerpt ?? null,
        confidence: claim.confidence,
      };
    });
  }

  /** The distinct sources cited, in the order first cited. */
  sources(): SourceView[] {
    const ids = [...new Set([...this.numbers.keys()].map((id) => this.facts.claims.get(id)!.source))];
    return ids.flatMap((id) => {
      const source = this.facts.sources.get(id);
      return source ? [toSourceView(source)] : [];
    });
  }
}
