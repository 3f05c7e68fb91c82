/**
 * How a member's date reads in the preview: a calendar day as a day, whether the provider
 * gives it as "YYYY-MM-DD" (the memory provider) or as UTC midnight (a `date` or `timestamptz`
 * column over SQL or HTTP comes back as an instant); an instant with a time of day with its time.
 */
import { expect } from '@open-wc/testing';
import { formatMemberValue } from '../../src/elements/member-preview/format.js';

describe('member-preview: dates', () => {
  it('a day given as UTC midnight reads as the day, as "YYYY-MM-DD" does', () => {
    const day = formatMemberValue('1990-05-01', 'date');
    expect(day).to.equal('May 1, 1990');
    expect(formatMemberValue('1990-05-01T00:00:00.000Z', 'date')).to.equal(day);
    expect(formatMemberValue('1990-05-01T00:00:00Z', 'date')).to.equal(day);
    expect(formatMemberValue(new Date(Date.UTC(1990, 4, 1)), 'date')).to.equal(day);
    expect(formatMemberValue('1969-12-31T00:00:00.000Z', 'date'), 'before 1970 too').to.equal('Dec 31, 1969');
  });

  it('an instant with a time of day keeps its time (UTC)', () => {
    expect(formatMemberValue('2026-11-01T12:30:00Z', 'date')).to.equal('Nov 1, 2026, 12:30 PM');
    expect(formatMemberValue('2026-11-01T00:00:01Z', 'date')).to.equal('Nov 1, 2026, 12:00 AM');
  });
});
