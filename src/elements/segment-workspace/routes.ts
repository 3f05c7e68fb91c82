/**
 * The workspace's routes as URL hashes: `#/segments`, `#/segments/<id>`,
 * `#/segments/<id>/edit`, `#/new`, `#/new/quick`. An id is percent-encoded in the hash and
 * decoded back to the same string; it is only ever handed to the provider, never read as
 * a path, markup or code. A hash that is not one of these is not the workspace's.
 */
import type { SegmentWorkspaceRoute } from '../shared/events.js';

export type { SegmentWorkspaceRoute } from '../shared/events.js';

export const LIST_ROUTE: SegmentWorkspaceRoute = Object.freeze({ view: 'list' });

/** The hash of a route (ids encoded). */
export function routeHash(route: SegmentWorkspaceRoute): string {
  switch (route.view) {
    case 'list':
      return '#/segments';
    case 'details':
      return `#/segments/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `#/segments/${encodeURIComponent(route.id)}/edit`;
    case 'new':
      return route.kind === 'quick' ? '#/new/quick' : '#/new';
  }
}

/** The route a hash names, or undefined when it is not a workspace route (a host's own anchor, a malformed id). */
export function parseRouteHash(hash: string): SegmentWorkspaceRoute | undefined {
  const path = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!path.startsWith('/')) return undefined;
  const parts = path.slice(1).split('/');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop(); // a trailing slash
  const [first, raw, rest, ...extra] = parts;
  if (extra.length) return undefined;
  if (first === 'new') {
    if (raw === undefined) return { view: 'new', kind: 'blank' };
    return raw === 'quick' && rest === undefined ? { view: 'new', kind: 'quick' } : undefined;
  }
  if (first !== 'segments') return undefined;
  if (raw === undefined) return LIST_ROUTE;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (id === '') return undefined;
  if (rest === undefined) return { view: 'details', id };
  return rest === 'edit' ? { view: 'edit', id } : undefined;
}

/** The same place? (A compound and a blank new segment are both "new".) */
export function sameRoute(a: SegmentWorkspaceRoute, b: SegmentWorkspaceRoute): boolean {
  if (a.view !== b.view) return false;
  if (a.view === 'details' || a.view === 'edit') return a.id === (b as { id: string }).id;
  if (a.view === 'new') return a.kind === (b as { kind: string }).kind;
  return true;
}

/** Does the route show the builder (where unsaved changes live)? */
export const isEditorRoute = (r: SegmentWorkspaceRoute): boolean => r.view === 'edit' || (r.view === 'new' && r.kind !== 'quick');
