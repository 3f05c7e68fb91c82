/**
 * Persistence for the segment store: anything with getItem/setItem (e.g. localStorage).
 * One JSON value under one key: `{ version, segments, history }`.
 */
import type { SegmentDocument } from '../../core/model/types.js';
import {
  REFRESH_SCHEDULES,
  SegmentProviderError,
  type RefreshSchedule,
  type SegmentStatus,
  type TrendPoint,
} from '../../core/provider/types.js';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** One saved segment with what the store knows about it. */
export interface StoredSegment {
  doc: SegmentDocument;
  status: SegmentStatus;
  memberCount: number | null;
  lastRefreshed: string | null;
  createdAt: string;
  updatedAt: string;
  /** The message of the last failed refresh (absent in values saved before it existed: null). */
  lastError?: string | null;
  /** The refresh schedule a person chose; absent or null: the default for the segment's type. */
  schedule?: RefreshSchedule | null;
  /** A scheduled activation (ISO instant), cleared once applied. */
  activateAt?: string | null;
  /** A scheduled deactivation (ISO instant), cleared once applied. */
  deactivateAt?: string | null;
}

export interface StoreState {
  segments: StoredSegment[];
  history: Record<string, TrendPoint[]>;
}

export const STORE_VERSION = 1;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nullableText = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/** The fields added after version 1 was first written: optional, but of the right type when present. */
function extrasValid(s: Record<string, unknown>): boolean {
  return (
    nullableText(s.lastError) &&
    nullableText(s.activateAt) &&
    nullableText(s.deactivateAt) &&
    (s.schedule === undefined || s.schedule === null || REFRESH_SCHEDULES.includes(s.schedule as RefreshSchedule))
  );
}

/**
 * Read the saved state. Returns undefined when nothing is stored; throws a
 * `SegmentProviderError('storage')` naming what is wrong when the value is corrupt.
 */
export function readStore(storage: StorageLike, key: string): StoreState | undefined {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (e) {
    throw new SegmentProviderError(
      'storage',
      `Saved segments could not be read from storage: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new SegmentProviderError('storage', `The saved segments under "${key}" are not valid JSON.`);
  }
  if (!isObj(value) || value.version !== STORE_VERSION || !Array.isArray(value.segments) || !isObj(value.history)) {
    throw new SegmentProviderError('storage', `The saved segments under "${key}" are not in a format this version understands.`);
  }
  const segments: StoredSegment[] = [];
  value.segments.forEach((s, i) => {
    if (
      !isObj(s) ||
      !isObj(s.doc) ||
      typeof s.doc.id !== 'string' ||
      typeof s.status !== 'string' ||
      typeof s.createdAt !== 'string' ||
      !extrasValid(s)
    ) {
      throw new SegmentProviderError('storage', `Saved segment #${i + 1} under "${key}" is damaged.`);
    }
    segments.push(s as unknown as StoredSegment);
  });
  const history: Record<string, TrendPoint[]> = {};
  for (const [id, points] of Object.entries(value.history)) {
    if (!Array.isArray(points) || !points.every((p) => isObj(p) && typeof p.date === 'string' && typeof p.count === 'number')) {
      throw new SegmentProviderError('storage', `The refresh history of "${id}" under "${key}" is damaged.`);
    }
    Object.defineProperty(history, id, { value: points as TrendPoint[], enumerable: true, writable: true, configurable: true });
  }
  return { segments, history };
}

export function writeStore(storage: StorageLike, key: string, state: StoreState): void {
  try {
    storage.setItem(key, JSON.stringify({ version: STORE_VERSION, segments: state.segments, history: state.history }));
  } catch (e) {
    throw new SegmentProviderError('storage', `Segments could not be saved to storage: ${e instanceof Error ? e.message : String(e)}`);
  }
}
