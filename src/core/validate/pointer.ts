/** JSON pointers (RFC 6901). */

/** Escape one reference token: `~` → `~0`, `/` → `~1`. */
export function escapeToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  // Most tokens need no escaping; skip the regular expressions for them (hot in large documents).
  if (token.indexOf('~') < 0 && token.indexOf('/') < 0) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A pointer from its tokens: `pointer('rules', 0, 'where')` → `/rules/0/where`. */
export function pointer(...tokens: (string | number)[]): string {
  let out = '';
  for (const t of tokens) out += '/' + escapeToken(t);
  return out;
}

/** Append tokens to a pointer. */
export function child(base: string, ...tokens: (string | number)[]): string {
  let out = base;
  for (const t of tokens) out += '/' + escapeToken(t);
  return out;
}

/** The tokens of a pointer (`""` → `[]`). */
export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
