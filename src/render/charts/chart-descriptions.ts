// What each chart shows, in words, with its data: the alternative text of its Figure in the
// tagged PDF and its accessible name in HTML (issue 14: "not 'chart'"). A reader who cannot see
// the bars or the dots gets what they show: every range with its amount, every event with its date.
// The words are the labels' (issue 13), so a translated labels file translates them too.
import type { Wording } from '../format/wording.js';

/** One bar as drawn: what it is, the amount its label shows, whether it is the document's own. */
export interface DescribedBar {
  name: string;
  amount: string;
  current: boolean;
}

/** "Bar chart of 9 incentives in USD on a log scale, …: Lantern: Signing bonus, US$140–280k (this programme); …". */
export function describeIncentivesChart(bars: readonly DescribedBar[], currency: string, { labels, lang }: Wording, log = true): string {
  const items = bars.map((bar) => labels.text(bar.current ? 'chart.bar-this-programme' : 'chart.bar', { name: bar.name, amount: bar.amount }, lang));
  const key = log ? 'chart.incentives-description' : 'chart.incentives-description-linear';
  return labels.text(key, { count: bars.length, currency, items: items.join('; ') }, lang);
}

/** One event as drawn: its date as written, what happened, whether the date is approximate. */
export interface DescribedEvent {
  date: string;
  event: string;
  approximate: boolean;
}

/** "Timeline of 9 events, from Dec 2008 to 24 Aug 2023: Dec 2008, …; …". */
export function describeTimelineChart(events: readonly DescribedEvent[], { labels, lang }: Wording): string {
  const items = events.map((e) =>
    labels.text(e.approximate ? 'chart.event-approximate' : 'chart.event', { date: e.date, event: e.event.replace(/[.;]\s*$/, '') }, lang),
  );
  const span = { count: events.length, first: events[0]?.date ?? '', last: events.at(-1)?.date ?? '' };
  return labels.text('chart.timeline-description', { ...span, items: items.join('; ') }, lang);
}
