// What each chart shows, in words, with its data: the alternative text of its Figure in the
// tagged PDF and its accessible name in HTML (issue 14: "not 'chart'"). A reader who cannot see
// the bars or the dots gets what they show: every range with its amount, every event with its date.

/** One bar as drawn: what it is, the amount its label shows, whether it is the document's own. */
export interface DescribedBar {
  name: string;
  amount: string;
  current: boolean;
}

/** "Bar chart of 9 incentives in US dollars, log scale, …: Qiming: signing bonus, $420k-$700k (this programme); …". */
export function describeIncentivesChart(bars: readonly DescribedBar[], unit = 'US dollars'): string {
  const items = bars.map((bar) => `${bar.name}, ${bar.amount}${bar.current ? ' (this programme)' : ''}`);
  return `Bar chart of ${bars.length} incentives in ${unit} on a log scale, each bar spanning the reported range: ${items.join('; ')}.`;
}

/** One event as drawn: its date as written, what happened, whether the date is approximate. */
export interface DescribedEvent {
  date: string;
  event: string;
  approximate: boolean;
}

/** "Timeline of 9 events, from December 2008 to August 2023: December 2008, …; …". */
export function describeTimelineChart(events: readonly DescribedEvent[]): string {
  const items = events.map((e) => `${e.approximate ? 'about ' : ''}${e.date}, ${e.event.replace(/[.;]\s*$/, '')}`);
  const span = events.length > 0 ? `, from ${events[0]!.date} to ${events.at(-1)!.date}` : '';
  return `Timeline of ${events.length} events${span}: ${items.join('; ')}.`;
}
