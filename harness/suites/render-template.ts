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

/**
 * `renderTemplate` for one template, split once into its text and placeholders: a run renders
 * every task's prompt on every pass over the tasks, and a regular-expression replace per task cost
 * most of a pass. Same output as `renderTemplate`, and the same throw on a missing var.
 */
export function compileTemplate(template: string): (vars: Readonly<Record<string, unknown>>) => string {
  const texts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholderPattern)) {
    texts.push(template.slice(last, match.index));
    names.push(match[1] ?? '');
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  if (names.length === 0) return () => template;
  return (vars) => {
    let out = '';
    for (let index = 0; index < names.length; index += 1) {
      const name = names[index] ?? '';
      const value = name.includes('.') ? lookupVar(vars, name) : Object.hasOwn(vars, name) ? vars[name] : undefined;
      if (value === undefined) throw new Error(`missing template variable ${name}`);
      out += (texts[index] ?? '') + (typeof value === 'string' ? value : JSON.stringify(value));
    }
    return out + tail;
  };
}
