// How the pack's contents, printed before the pack exists, name the page each entry links to
// (issue 19): the batch puts this address in the contents' view, src/pdf/pack-links.ts turns it
// into a link to that page of the pack.

/** What every such address starts with: no page of the web or file is named so. */
export const PACK_PAGE_SCHEME = 'briefing-pack:page/';

/** The address of the pack's page `page` (from 1). */
export function packPageUri(page: number): string {
  return `${PACK_PAGE_SCHEME}${page}`;
}
