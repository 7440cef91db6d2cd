// The preview's own HTML: the index of documents, the error overlay, and what is added to each page.
import { displayPath } from '../fs/display-path.js';
import type { Facts } from '../facts/facts.js';
import { escapeHtml } from '../render/format/html.js';
import type { PreviewFailure } from './describe-failure.js';
import { documentPath } from './routes.js';
import { LAYOUT_NAMES } from '../contracts/layouts.js';
import type { SubjectKind } from '../contracts/document.js';

const PAGE_STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem}li{margin:.3rem 0}a{color:#0645ad}.muted{color:#666}`;

const OVERLAY_STYLE = `#brief-error-overlay{position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.88);color:#fff;
font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;overflow:auto}
#brief-error-overlay h2{font:600 18px/1.3 system-ui,sans-serif;color:#ff8a80;margin:0 0 1rem}
#brief-error-overlay li{margin:.4rem 0;list-style:none}#brief-error-overlay ul{padding:0}
#brief-error-overlay .where{color:#ffd180}#brief-error-overlay p{font-family:system-ui,sans-serif;color:#ccc}`;

/** A full-screen overlay naming each problem's file:line:col; the page under it is the last good rendering. */
export function renderOverlay(failure: PreviewFailure): string {
  const items = failure.lines
    .map((l) => `<li>${l.where ? `<span class="where">${escapeHtml(l.where)}</span>  ` : ''}${escapeHtml(l.message)}</li>`)
    .join('\n');
  return `<style>${OVERLAY_STYLE}</style>
<div id="brief-error-overlay" role="alert">
<h2>${escapeHtml(failure.title)}</h2>
<ul>
${items}
</ul>
<p>Fix the file and save: this page reloads by itself.</p>
</div>`;
}

/** Adds the reload script, and the overlay if there is one, at the end of the body. */
export function injectPreview(html: string, parts: { script: string; overlay?: string }): string {
  const added = `${parts.overlay ?? ''}\n${parts.script}\n`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + added : `${html.slice(0, at)}${added}${html.slice(at)}`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function links(subject: SubjectKind, id: string): string {
  return LAYOUT_NAMES.map((layout) => `<a href="${documentPath(subject, id, layout)}">${layout}</a>`).join(' · ');
}

/** Every programme and topic, each with links to its brief and its one-pager. */
export function renderIndexPage(facts: Facts | undefined, dataDir: string, cwd?: string): string {
  if (!facts) return page('brief preview', `<h1>brief preview</h1>\n<p class="muted">No data could be read from ${escapeHtml(displayPath(dataDir, cwd))} yet.</p>`);
  const programmes = [...facts.programmes.values()]
    .map((p) => `<li><span class="name">${escapeHtml(p.name.en ?? p.name.native?.text ?? p.id)}${p.name.native ? ` (${escapeHtml(p.name.native.text)})` : ''}</span>: ${links('programme', p.id)}</li>`)
    .join('\n');
  const topics = [...facts.topics.values()]
    .map((t) => `<li><span class="name">${escapeHtml(t.title)}</span>: ${links('topic', t.id)}</li>`)
    .join('\n');
  return page(
    `${facts.meta.title}: preview`,
    `<h1>${escapeHtml(facts.meta.title)}</h1>
<p class="muted">Preview of ${escapeHtml(displayPath(dataDir, cwd))}, as of ${escapeHtml(String(facts.meta.asOf))}. Pages reload when a data file or template changes.</p>
<h2 id="programmes">Programmes (${facts.programmes.size})</h2>
<ul>
${programmes || '<li class="muted">none</li>'}
</ul>
<h2 id="topics">Topics (${facts.topics.size})</h2>
<ul>
${topics || '<li class="muted">none</li>'}
</ul>`,
  );
}

/** A page that says a document is not (or no longer) in the data. */
export function renderNotFoundPage(what: string): string {
  return page('Not found', `<h1>Not found</h1>\n<p>${escapeHtml(what)}</p>\n<p><a href="/">Back to the index</a></p>`);
}
