const fence = /```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)```/g;
const javascript = new Set(['', 'js', 'javascript', 'node', 'mjs', 'cjs', 'jsx']);

/**
 * The candidate program in a completion: the last fenced block labelled as JavaScript (or not
 * labelled), else the whole completion. ES module syntax is rewritten to CommonJS so the program
 * and the tests share one scope: `export` keywords are dropped and simple `import`s become `require`s.
 */
export function extractCode(completion: string): string {
  const blocks = [...completion.matchAll(fence)].filter((block) => javascript.has((block[1] ?? '').toLowerCase()));
  const code = blocks.at(-1)?.[2] ?? completion;
  return code
    .replace(/^\s*import\s+\*\s+as\s+([\w$]+)\s+from\s+(['"][^'"]+['"]);?/gm, 'const $1 = require($2);')
    .replace(/^\s*import\s+(\{[^}]*\})\s+from\s+(['"][^'"]+['"]);?/gm, (_match, names: string, from: string) => `const ${names.replace(/\s+as\s+/g, ': ')} = require(${from});`)
    .replace(/^\s*import\s+([\w$]+)\s+from\s+(['"][^'"]+['"]);?/gm, 'const $1 = require($2);')
    .replace(/^\s*export\s+\{[^}]*\};?/gm, '')
    .replace(/^(\s*)export\s+default\s+(?=(?:async\s+)?(?:function|class)\b)/gm, '$1')
    .replace(/^(\s*)export\s+default\s+/gm, '$1module.exports.default = ')
    .replace(/^(\s*)export\s+(?=(?:async\s+)?(?:function|class|const|let|var)\b)/gm, '$1');
}
