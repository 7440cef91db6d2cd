// Values as a message shows them: short, and in the spelling the YAML file used where JSON has none.

/** A value in a message: JSON, cut to 60 characters; `.nan`, `.inf` and `-.inf` as YAML spells them. */
export function show(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return yamlNumber(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What kind of value it is: "a list", "a mapping", "a string ("x")", or `.nan` itself. */
export function kindOf(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && !Number.isFinite(value)) return yamlNumber(value);
  return `${article(typeof value)} (${show(value)})`;
}

/** "a string", "an integer", "a mapping" for JSON Schema's type names. */
export function article(type: string): string {
  const name = type === 'object' ? 'mapping' : type === 'array' ? 'list' : type;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

/** True for NaN and the infinities, which YAML has (.nan, .inf) and JSON Schema's numbers refuse. */
export function isNonFinite(value: unknown): value is number {
  return typeof value === 'number' && !Number.isFinite(value);
}

function yamlNumber(value: number): string {
  return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
}
