/**
 * The regions of two or three segments (a Venn diagram's areas), each as a compound
 * segment document: segment references joined left to right by `intersect` and `except`
 * (SPEC section 3). "In A and B, not C" is `[A, intersect B, except C]`. Pure: no DOM, no
 * provider; `computeOverlap` (`./compute.ts`) counts them.
 */
import { overlap as overlapWords } from '../messages/en/overlap.js';
import { addEnglish, english, type Translator } from '../messages/translator.js';
import type { SegmentDocument, SegmentRule } from '../model/types.js';
import { IDENTIFIER } from '../validate/validate.js';

addEnglish(overlapWords);

/** One segment compared: its id and, for the regions' names, its names. */
export interface OverlapSet {
  id: string;
  /** Its identifier (`name` of the document), used in the regions' identifiers. */
  name?: string;
  /** Shown in the regions' names (default: `name`, else `id`). */
  displayName?: string;
}

/** One region: the members of the segments in `included` who are in none of `excluded`. */
export interface OverlapRegion {
  /** The letters of the segments it is in, in order: `"AB"` is A and B (and not C). */
  key: string;
  /** Bit i is set when the region is in segment i (1 = A, 2 = B, 4 = C). */
  mask: number;
  /** Ids of the segments it is in, in the order given. */
  included: string[];
  /** Ids of the segments it is not in. */
  excluded: string[];
  /** "A and B, not C", from the segments' display names. */
  label: string;
  /** The compound segment of this region, ready to open in the builder and save (it has no id). */
  segment: SegmentDocument;
}

export interface OverlapRegionsOptions {
  /** The audience of the documents (the catalog's `audience`). */
  audience: string;
  /** The language of the names (default: English). */
  translator?: Translator;
}

/** The letters of the sets, A, B and C. */
export const OVERLAP_LETTERS = ['A', 'B', 'C'] as const;

/**
 * The region masks in the order they are listed: in all of them, in each pair only (in the
 * order AB, AC, BC), in each one only.
 */
export function regionMasks(n: 2 | 3): number[] {
  return n === 2 ? [0b11, 0b01, 0b10] : [0b111, 0b011, 0b101, 0b110, 0b001, 0b010, 0b100];
}

const shownName = (s: OverlapSet) => s.displayName || s.name || s.id;

/** Letters, digits and `_` only, starting with a letter (or `_`), never empty. */
function identifier(text: string): string {
  const cleaned = text.normalize('NFKD').replace(/[^A-Za-z0-9_]/g, '');
  const id = /^[A-Za-z_]/.test(cleaned) ? cleaned : `Segment${cleaned}`;
  return IDENTIFIER.test(id) ? id : 'Segment';
}

/** A set's part of a region's identifier: its `name` when that is an identifier, else its id or display name cleaned. */
function identifierPart(s: OverlapSet): string {
  if (s.name && IDENTIFIER.test(s.name)) return s.name;
  const words = `${s.id} ${s.displayName ?? ''}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return identifier(words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''));
}

/**
 * Every region of two or three segments, in the order of `regionMasks`. Throws a
 * `RangeError` for another number of sets (`computeOverlap` checks its input and rejects
 * with a `SegmentProviderError` instead).
 */
export function overlapRegions(sets: readonly OverlapSet[], options: OverlapRegionsOptions): OverlapRegion[] {
  if (sets.length !== 2 && sets.length !== 3) throw new RangeError(`Compare two or three segments (${sets.length} given).`);
  const t = options.translator ?? english;
  return regionMasks(sets.length).map((mask) => {
    const inSets = sets.filter((_, i) => mask & (1 << i));
    const outSets = sets.filter((_, i) => !(mask & (1 << i)));
    const rules: SegmentRule[] = [
      { segment: inSets[0]!.id },
      ...inSets.slice(1).map((s): SegmentRule => ({ setOperator: 'intersect', segment: s.id })),
      ...outSets.map((s): SegmentRule => ({ setOperator: 'except', segment: s.id })),
    ];
    const names = { included: inSets.map(shownName), excluded: outSets.map(shownName) };
    const label = t.t('overlap.region.name', names);
    const segment: SegmentDocument = {
      schemaVersion: 1,
      name: identifier(t.t('overlap.region.identifier', { included: inSets.map(identifierPart), excluded: outSets.map(identifierPart) })),
      displayName: label,
      description: t.t('overlap.region.description', names),
      type: 'dynamic',
      audience: options.audience,
      rules,
    };
    return {
      key: OVERLAP_LETTERS.filter((_, i) => mask & (1 << i)).join(''),
      mask,
      included: inSets.map((s) => s.id),
      excluded: outSets.map((s) => s.id),
      label,
      segment,
    };
  });
}
