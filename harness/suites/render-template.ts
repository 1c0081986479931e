const placeholderPattern = /\{\{\s*([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*)\s*\}\}/g;

/** The distinct `{{var}}` names used by a template, in order of first use. */
export function findPlaceholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(placeholderPattern), (match) => match[1] ?? ''))];
}

/** Looks up a dotted name (`customer.name`) in the vars; `undefined` when absent. */
export function lookupVar(vars: Readonly<Record<string, unknown>>, name: string): unknown {
  let value: unknown = vars;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Replaces every `{{var}}` with its value: strings as they are, other values as JSON.
 * Callers check for missing vars first (`findPlaceholders` + `lookupVar`); a missing one throws.
 */
export function renderTemplate(template: string, vars: Readonly<Record<string, unknown>>): string {
  return template.replace(placeholderPattern, (_match, name: string) => {
    const value = lookupVar(vars, name);
    if (value === undefined) throw new Error(`missing template variable ${name}`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
