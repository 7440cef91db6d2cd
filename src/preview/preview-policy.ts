// The preview's Content-Security-Policy (issue 11): a page runs its own live-reload script, by
// hash, and reads its event stream; a <script> or an onerror= printed raw from the data does not run.
import { formatPolicy } from '../render/content-policy.js';
import { RELOAD_SCRIPT_SOURCE } from './live-reload.js';

/** The header every preview response carries; `allowRemote` lets http(s) images load, as in a build. */
export function previewPolicy(options: { allowRemote?: boolean }): string {
  return formatPolicy({
    'default-src': "'none'",
    'script-src': RELOAD_SCRIPT_SOURCE,
    // The event stream, which EventSource opens on the page's own origin.
    'connect-src': "'self'",
    'style-src': "'unsafe-inline'",
    // The bundled fonts, served under /_brief/fonts/.
    'font-src': "'self'",
    'img-src': options.allowRemote ? 'data: http: https:' : 'data:',
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  });
}
