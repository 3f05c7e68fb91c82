/** JSON pointers (RFC 6901). */

/** Escape one reference token: `~` → `~0`, `/` → `~1`. */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A pointer from its tokens: `pointer('rules', 0, 'where')` → `/rules/0/where`. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + escapeToken(t)).join('');
}

/** Append tokens to a pointer. */
export function child(base: string, ...tokens: (string | number)[]): string {
  return base + pointer(...tokens);
}

/** The tokens of a pointer (`""` → `[]`). */
export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
