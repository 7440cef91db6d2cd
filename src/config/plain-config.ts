// A JS config's default export as plain data (what a JSON or YAML config could say), or why not.

/** The export's settings, or a sentence saying what about it is not plain data. */
export type PlainConfig = { value: Record<string, unknown> } | { problem: string };

const ALLOWED = 'a config holds only strings, numbers, true or false, lists and mappings';

/** Reads every value once (a getter runs here, not later), refusing what JSON could not hold. */
export function toPlainConfig(exported: unknown, hasDefault: boolean): PlainConfig {
  if (!hasDefault) return { problem: 'it has no default export; write `export default { paper: "a4", ... }`' };
  if (!isPlainObject(exported)) return { problem: `its default export is ${kindOf(exported)}; export a mapping of settings: \`export default { paper: "a4", ... }\`` };
  const copy = copyPlain(exported, '', new Set());
  return 'problem' in copy ? copy : { value: copy.value as Record<string, unknown> };
}

/** A copy made of the values as read, so that each getter runs once. */
function copyPlain(value: unknown, at: string, open: Set<object>): { value: unknown } | { problem: string } {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return { value };
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { problem: `${at} is ${String(value)}; ${ALLOWED}` };
  if (!Array.isArray(value) && !isPlainObject(value)) return { problem: `${at} is ${kindOf(value)}; ${ALLOWED}` };
  if (open.has(value)) return { problem: `${at} holds itself` };
  open.add(value);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  for (const key of Object.keys(value)) {
    const where = Array.isArray(value) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch (error) {
      return { problem: `reading ${where} threw: ${firstLine(error)}` };
    }
    const copied = copyPlain(item, where, open);
    if ('problem' in copied) return copied;
    (copy as Record<string, unknown>)[key] = copied.value;
  }
  open.delete(value);
  return { value: copy };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** "a function", "a class", "a Map", "a list": what a person calls the value. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'function') return /^class\b/.test(Function.prototype.toString.call(value)) ? 'a class' : 'a function';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name ? `a ${name}` : 'an object that is not a plain mapping';
  }
  return typeof value === 'symbol' ? 'a symbol' : `a ${typeof value} (${String(value)})`;
}

/** The first line of an error's message: a config's own error, shown in one line. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.split('\n')[0] ?? text;
}
