// Types of scripts/api-docs.mjs, for the test that checks docs/elements.md.
export interface ManifestMember {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  description?: string;
}
/** Is this manifest member public API (not private, protected, static, `#…` or `@internal`)? */
export function isPublic(member: ManifestMember): boolean;
/** The exported types of events.ts before the event map: name → declaration text. */
export function eventTypes(source: string): Map<string, string>;
/** The event names in events.ts's CANCELABLE set. */
export function cancelableEvents(source: string): Set<string>;
/** docs/elements.md's text from a manifest and events.ts's source. */
export function apiDocs(manifest: unknown, eventsSource: string): Promise<string>;
/** The theme file's tokens: name, light and dark value, and the comment above it. */
export function themeTokens(css: string): { name: string; description: string; light: string; dark: string }[];
/** docs/theming.md's text with its generated sections filled in. */
export function themingDocs(current: string, manifest: unknown, css: string): Promise<string>;
