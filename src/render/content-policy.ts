// Content-Security-Policy for the HTML a build writes: a user template that prints data raw
// (`{{{ }}}`) must not make a <script> or an onerror= in the data run when the file is opened
// (issue 11). Pages need only their inline styles, their data: fonts and the images allowed.

/** Directives as `name value...`, joined the way the header and the meta tag carry them. */
export function formatPolicy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/**
 * The policy of a self-contained `.html` file: no script at all, styles inline, fonts embedded,
 * images only as data: URLs or, with `--allow-remote`, from http(s) as the PDF may show them.
 */
export function documentPolicy(options: { allowRemote?: boolean }): string {
  return formatPolicy({
    'default-src': "'none'",
    'style-src': "'unsafe-inline'",
    'font-src': 'data:',
    'img-src': options.allowRemote ? 'data: http: https:' : 'data:',
    'base-uri': "'none'",
    'form-action': "'none'",
  });
}

/** The policy as the first thing in <head>, so it covers all that follows. */
export function policyMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
}
