/**
 * Saving a file the kit writes (a segment's members as CSV) in the browser, chunk by
 * chunk: through the File System Access save picker where the browser has one, else as a
 * download of a Blob made of the chunks. The CSV itself is `core/csv`, which runs in Node
 * too; this is the DOM half.
 */
import { membersCsv, type MembersCsvOptions } from '../../core/csv/index.js';
import type { SegmentDocument } from '../../core/model/types.js';
import { throwIfAborted, type SegmentProvider } from '../../core/provider/types.js';

export type SaveResult = 'saved' | 'cancelled';

export interface SaveFileOptions {
  /** Stops the save: the promise rejects with the abort error, and nothing is downloaded (a picked file is discarded). */
  signal?: AbortSignal;
  /** The file's MIME type (default `text/csv;charset=utf-8`). */
  type?: string;
  /** `false`: never use the save picker, always download a Blob (tests, or a host that wants plain downloads). */
  picker?: boolean;
  /** Milliseconds before the Blob path's object URL is revoked (default 10 s: the download must have started by then). */
  revokeAfter?: number;
}

/** The parts of the File System Access API `saveFile` uses (not in TypeScript's DOM library yet). */
interface SaveFilePickerOptions {
  suggestedName?: string;
  types?: { description?: string; accept: Record<string, string[]> }[];
}
interface PickedFile {
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> }>;
}
type ShowSaveFilePicker = (options?: SaveFilePickerOptions) => Promise<PickedFile>;

const DEFAULT_TYPE = 'text/csv;charset=utf-8';
const isNamed = (e: unknown, name: string) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name;

/**
 * Save `chunks` as a file named `filename`, without ever joining them into one string.
 *
 * Where the browser offers `showSaveFilePicker` (File System Access: Chromium), it asks
 * where to save (`filename` suggested), then writes each chunk to the file as it comes;
 * on an error or an abort the write is aborted (the file keeps what it had) and the
 * promise rejects. A person dismissing the picker resolves `'cancelled'`. The picker
 * needs a recent user gesture: call `saveFile` from a click handler, before any slow
 * await. When the picker cannot be shown (no gesture, a cross-origin frame), and in
 * browsers without it, the chunks are collected as Blob parts and downloaded through a
 * temporary `<a download>` with an object URL (revoked after `revokeAfter` ms): the
 * browser's download settings then decide where the file goes.
 */
export async function saveFile(filename: string, chunks: AsyncIterable<string>, options: SaveFileOptions = {}): Promise<SaveResult> {
  const { signal } = options;
  const type = options.type ?? DEFAULT_TYPE;
  throwIfAborted(signal);
  const show = options.picker === false ? undefined : (globalThis as { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker;
  if (typeof show === 'function') {
    let file: PickedFile | undefined;
    try {
      file = await show.call(globalThis, pickerOptions(filename, type));
    } catch (e) {
      if (isNamed(e, 'AbortError')) return 'cancelled';
      // SecurityError, NotAllowedError (no user gesture, a cross-origin frame): download instead.
    }
    if (file) {
      await writeTo(file, chunks, signal);
      return 'saved';
    }
  }
  const parts: string[] = [];
  for await (const chunk of chunks) {
    throwIfAborted(signal);
    parts.push(chunk);
  }
  throwIfAborted(signal);
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), Math.max(0, options.revokeAfter ?? 10_000));
  }
  return 'saved';
}

async function writeTo(file: PickedFile, chunks: AsyncIterable<string>, signal: AbortSignal | undefined): Promise<void> {
  const writable = await file.createWritable();
  try {
    throwIfAborted(signal);
    for await (const chunk of chunks) {
      throwIfAborted(signal);
      await writable.write(chunk);
    }
    throwIfAborted(signal);
  } catch (e) {
    await writable.abort(e).catch(() => undefined);
    throw e;
  }
  await writable.close();
}

function pickerOptions(filename: string, type: string): SaveFilePickerOptions {
  const mime = type.split(';')[0]!.trim();
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(filename)?.[0];
  return {
    suggestedName: filename,
    ...(mime && ext ? { types: [{ description: ext === '.csv' ? 'CSV file' : `${ext.slice(1)} file`, accept: { [mime]: [ext] } }] } : {}),
  };
}

/**
 * A file name (without extension) for a segment: its display name, else its name, else
 * its id, lower-cased, accents dropped, anything but letters and digits turned into `-`
 * ("VIP – Zoë's list" → `vip-zoe-s-list`); `segment` when nothing is left.
 */
export function segmentFileName(doc: Pick<SegmentDocument, 'displayName' | 'name' | 'id'>): string {
  for (const text of [doc.displayName, doc.name, doc.id]) {
    const slug = (text ?? '')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1-$2')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '');
    if (slug) return slug;
  }
  return 'segment';
}

export interface DownloadMembersOptions extends Pick<MembersCsvOptions, 'pageSize' | 'columns' | 'labels' | 'onProgress'> {
  signal?: AbortSignal;
  /** The file name, without `.csv` (default: `segmentFileName` of the segment). */
  filename?: string;
  /** See `SaveFileOptions.picker`. */
  picker?: boolean;
}

/**
 * Save one saved segment's members as `<name>.csv` (see `membersCsv` and `saveFile`): what
 * the Segments page does for each selected segment, one file each. Rejects with the
 * provider's error (`not-found`, `invalid-segment` for a draft, `aborted`).
 */
export async function downloadMembersCsv(
  provider: SegmentProvider,
  segmentId: string,
  options: DownloadMembersOptions = {},
): Promise<SaveResult> {
  const { signal, filename, picker, ...csv } = options;
  const segment = await provider.getSegment(segmentId, signal ? { signal } : {});
  const name = filename?.replace(/\.csv$/i, '') || segmentFileName({ ...segment, id: segment.id ?? segmentId });
  return saveFile(`${name}.csv`, membersCsv(provider, segment, { ...csv, ...(signal ? { signal } : {}) }), {
    ...(signal ? { signal } : {}),
    ...(picker !== undefined ? { picker } : {}),
  });
}
