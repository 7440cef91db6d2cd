// The proof's warnings (issue 18) name a PDF and a page: a test about something else reads the
// warnings without them, since the small fixtures' one-pagers are rightly found more than a third empty.
const FINDING = /^(warning: )?\S+\.pdf p\. \d+: /;

/** The command's stderr without the proof's warning lines. */
export function withoutProof(stderr: string): string {
  return stderr
    .split(/(?<=\n)/)
    .filter((line) => !FINDING.test(line))
    .join('');
}

/** A run's warnings without the proof's findings. */
export function warningsWithoutProof(warnings: string[]): string[] {
  return warnings.filter((warning) => !FINDING.test(warning));
}
