// The printed page's content box, read in the page itself (issue 3, item 4): the fit check lays a
// document out at this width and compares its height with this height. Both functions run in the
// browser and are installed once per page with the skeleton (print-page.ts), so they are
// self-contained: no closure, no import.

/** The global the `@page` rules reader is installed under. */
export const READ_PAGE_RULES = '__briefReadPageRules';
/** The global the content-box reader is installed under. */
export const READ_PAGE_BOX = '__briefReadPageBox';

/** The `@page` declarations the page can read (`:first` over the plain rule, later rules winning): size and margins. */
export function readPageRules(): Record<string, string> {
  const declared: Record<string, string> = {};
  const firsts: Record<string, string> = {};
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // Not readable (another origin): it cannot be the per-document page CSS.
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSPageRule)) continue;
      const selector = rule.selectorText.trim();
      const target = selector === '' ? declared : selector === ':first' ? firsts : undefined;
      if (!target) continue;
      for (const name of ['size', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left']) {
        const value = rule.style.getPropertyValue(name).trim();
        if (value) target[name] = value;
      }
    }
  }
  return { ...declared, ...firsts };
}

/**
 * The content box in CSS px: `--page-content-width` / `--page-content-height` on :root where the
 * stylesheet defines them, else the `@page` size (the paper's where none) less its margins, each
 * length resolved by the browser itself.
 */
export function readPageBox(paperWidthMm: number, paperHeightMm: number, rulesGlobal: string): { width: number; height: number } {
  const root = document.documentElement;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;left:0;top:0;width:0;height:0;';
  root.appendChild(probe);
  const lengthPx = (value: string, fallback: number): number => {
    if (!value) return fallback;
    probe.style.height = value;
    const px = probe.getBoundingClientRect().height;
    probe.style.height = '0';
    return px > 0 || value.trim().startsWith('0') ? px : fallback;
  };
  try {
    const declaredWidth = lengthPx(getComputedStyle(root).getPropertyValue('--page-content-width').trim(), 0);
    const declaredHeight = lengthPx(getComputedStyle(root).getPropertyValue('--page-content-height').trim(), 0);
    if (declaredWidth > 0 && declaredHeight > 0) return { width: declaredWidth, height: declaredHeight };
    const rules = (globalThis as unknown as Record<string, () => Record<string, string>>)[rulesGlobal]!();
    const named: Record<string, [string, string]> = { a5: ['148mm', '210mm'], a4: ['210mm', '297mm'], a3: ['297mm', '420mm'], letter: ['8.5in', '11in'], legal: ['8.5in', '14in'] };
    const size = (rules.size ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const lengths = size.filter((part) => /^[\d.]/.test(part));
    const dims = named[size.find((part) => part in named) ?? ''];
    let pageWidth = lengthPx(`${paperWidthMm}mm`, 0);
    let pageHeight = lengthPx(`${paperHeightMm}mm`, 0);
    if (lengths.length >= 1) {
      pageWidth = lengthPx(lengths[0] ?? '', pageWidth);
      pageHeight = lengthPx(lengths[1] ?? lengths[0] ?? '', pageHeight);
    } else if (dims) {
      pageWidth = lengthPx(dims[0], pageWidth);
      pageHeight = lengthPx(dims[1], pageHeight);
    }
    if (size.includes('landscape') !== pageWidth > pageHeight) [pageWidth, pageHeight] = [pageHeight, pageWidth];
    const margin = (side: string): number => {
      const value = rules[`margin-${side}`] ?? '0';
      // Percentages of @page margins refer to the page's width (or height, top and bottom).
      if (value.endsWith('%')) return (parseFloat(value) / 100) * (side === 'top' || side === 'bottom' ? pageHeight : pageWidth);
      return lengthPx(value, 0);
    };
    return { width: pageWidth - margin('left') - margin('right'), height: pageHeight - margin('top') - margin('bottom') };
  } finally {
    probe.remove();
  }
}
