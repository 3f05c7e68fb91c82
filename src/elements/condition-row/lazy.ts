/**
 * Loads the row's popups (`popups.ts`) on the first need: started when the pointer comes
 * over a row or focus reaches it (intent), so a click usually finds them loaded; an open
 * before then waits for them. Like Floating UI and the virtualizer, a page that never
 * opens a picker or asks for suggestions never downloads them.
 */
export type Popups = typeof import('./popups.js');

let popups: Popups | undefined;
let loading: Promise<Popups> | undefined;

/** The popups, once loaded. */
export function loadedPopups(): Popups | undefined {
  return popups;
}

/** Load the popups (once; a failed load is tried again on the next call). */
export function loadPopups(): Promise<Popups> {
  return (loading ??= import('./popups.js').then(
    (m) => (popups = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  ));
}
