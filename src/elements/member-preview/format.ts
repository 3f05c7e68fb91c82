/** How a member's value reads in the preview: by the column's type, through the message table's formatters. */
import type { ColumnDef } from '../../core/provider/types.js';
import { currentTranslator, term } from '../shared/messages.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A member value as the text one cell shows, by the column's type (always text, never markup). */
export function formatMemberValue(value: unknown, type: ColumnDef['type'] | undefined): string {
  const f = currentTranslator().format;
  if (isEmpty(value)) return term('preview.emptyValue');
  if (Array.isArray(value)) return f.list(value.map((v) => formatMemberValue(v, type)));
  if (typeof value === 'boolean') return term(value ? 'preview.yes' : 'preview.no');
  if (typeof value === 'number') return Number.isFinite(value) ? f.number(value) : String(value);
  if (type === 'date' && (typeof value === 'string' || value instanceof Date)) {
    const d = value instanceof Date ? value : new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(d.getTime())) return String(value);
    // A calendar day reads as a day, also when a database gives it back as UTC midnight
    // (a `date` column or a day stored in `timestamptz`, over SQL or HTTP): SPEC section 4
    // compares dates as UTC calendar days.
    const day = (typeof value === 'string' && DATE_ONLY.test(value)) || d.getTime() % 86_400_000 === 0;
    return day ? f.date(d) : f.date(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  }
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      return '';
    }
  }
  return typeof value === 'string' || typeof value === 'bigint' || typeof value === 'symbol' ? value.toString() : '';
}
