/** Ids of rules and nodes: unique within a document (SPEC section 3). */

/** A fresh id of the form `prefix + n` that `taken` does not hold; adds it to `taken`. */
export function freshId(taken: Set<string> | Map<string, unknown>, prefix: string): string {
  let n = taken.size + 1;
  while (taken.has(prefix + String(n))) n++;
  const id = prefix + String(n);
  if (taken instanceof Set) taken.add(id);
  else taken.set(id, '');
  return id;
}
