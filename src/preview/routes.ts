// The preview's routes: a request the server answers is one of these, and anything else is a 404.
import { LAYOUT_NAMES, type Layout } from '../contracts/layouts.js';
import type { SubjectKind } from '../contracts/document.js';
import { ID_PATTERN } from '../facts/names.js';
import { FONT_PREFIX } from './served-fonts.js';

/** The Server-Sent Events stream that tells open pages to reload. */
export const EVENTS_PATH = '/_brief/events';

export type Route =
  | { kind: 'index' }
  | { kind: 'document'; subject: SubjectKind; id: string; layout: Layout }
  | { kind: 'events' }
  | { kind: 'font'; path: string };

const ID = ID_PATTERN.slice(1, -1);
// Every layout of the table has a page.
const DOCUMENT = new RegExp(`^/(programmes|topics)/(${ID})/(${LAYOUT_NAMES.join('|')})$`);
const FONT = /^\/_brief\/fonts\/[a-z0-9-]+\/[a-z0-9-]+\.woff2$/;

/** The route of a URL path (already normalised by the URL parser), or undefined. */
export function matchRoute(pathname: string): Route | undefined {
  if (pathname === '/' || pathname === '/index.html') return { kind: 'index' };
  if (pathname === EVENTS_PATH) return { kind: 'events' };
  if (pathname.startsWith(FONT_PREFIX)) return FONT.test(pathname) ? { kind: 'font', path: pathname } : undefined;
  const doc = DOCUMENT.exec(pathname);
  if (doc) {
    return {
      kind: 'document',
      subject: doc[1] === 'programmes' ? 'programme' : 'topic',
      id: doc[2]!,
      layout: doc[3] as Layout,
    };
  }
  return undefined;
}

/** The URL path of a document page. */
export function documentPath(subject: SubjectKind, id: string, layout: Layout): string {
  return `/${subject === 'programme' ? 'programmes' : 'topics'}/${id}/${layout}`;
}
