/**
 * Registers a custom element once. A tag already taken (two copies of the kit on one
 * page) gets a warning, not an exception.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`segment-kit: <${tag}> is already defined by another script; keeping the first definition.`);
  }
}
