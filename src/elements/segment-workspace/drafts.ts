/**
 * The draft in progress, kept in `sessionStorage` (or `localStorage`) so a reload restores
 * it: one JSON value per workspace, under a key with the workspace's `storage-key`. What is
 * read back is checked; a damaged value is dropped, never thrown.
 */
import type { SegmentDocument } from '../../core/model/types.js';
import type { SegmentWorkspaceRoute } from '../shared/events.js';
import { isEditorRoute } from './routes.js';

export type DraftStorageKind = 'session' | 'local' | 'none';

export interface StoredDraft {
  /** Where it was being edited (`edit` of a saved segment, or `new`). */
  route: SegmentWorkspaceRoute;
  /** The document as the person left it (not validated: it may be a draft). */
  segment: SegmentDocument;
  /** Where the builder was opened from (where Save and Cancel go back to). */
  origin: SegmentWorkspaceRoute;
  /** When it was kept (ISO). */
  at: string;
}

const VERSION = 1;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const draftKey = (storageKey: string): string => `segment-kit:workspace:${storageKey || 'default'}:draft`;

function storageOf(kind: DraftStorageKind): Storage | undefined {
  if (kind === 'none') return undefined;
  try {
    return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return undefined; // blocked (a sandboxed frame, privacy settings)
  }
}

function validRoute(v: unknown): v is SegmentWorkspaceRoute {
  if (!isObject(v)) return false;
  if (v.view === 'list') return true;
  if (v.view === 'details' || v.view === 'edit') return typeof v.id === 'string' && v.id !== '';
  return v.view === 'new' && (v.kind === 'blank' || v.kind === 'quick' || v.kind === 'compound');
}

/** The draft kept for this workspace, if there is a readable one. */
export function readDraft(kind: DraftStorageKind, storageKey: string): StoredDraft | undefined {
  const storage = storageOf(kind);
  if (!storage) return undefined;
  try {
    const raw = storage.getItem(draftKey(storageKey));
    if (raw === null) return undefined;
    const v: unknown = JSON.parse(raw);
    if (!isObject(v) || v.version !== VERSION || !validRoute(v.route) || !isEditorRoute(v.route) || !isObject(v.segment)) {
      storage.removeItem(draftKey(storageKey));
      return undefined;
    }
    return {
      route: v.route,
      segment: v.segment as unknown as SegmentDocument,
      origin: validRoute(v.origin) ? v.origin : { view: 'list' },
      at: typeof v.at === 'string' ? v.at : '',
    };
  } catch {
    return undefined;
  }
}

/** Keep the draft. Returns the problem's text when it could not be kept (storage full or blocked). */
export function writeDraft(kind: DraftStorageKind, storageKey: string, draft: StoredDraft): string | undefined {
  if (kind === 'none') return undefined;
  const storage = storageOf(kind);
  if (!storage) return 'storage is not available on this page.';
  try {
    storage.setItem(draftKey(storageKey), JSON.stringify({ version: VERSION, ...draft }));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export function clearDraft(kind: DraftStorageKind, storageKey: string): void {
  try {
    storageOf(kind)?.removeItem(draftKey(storageKey));
  } catch {
    // blocked: nothing was kept
  }
}
