/**
 * CSV export: RFC 4180 cells and rows, the formula-injection guard, and members streamed
 * page by page from the memory provider over the sample dataset.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CSV_BOM,
  SegmentProviderError,
  csvCell,
  csvRow,
  isAbortError,
  membersCsv,
  type MembersOptions,
  type SegmentDocument,
  type SegmentProvider,
} from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleDataset } from '../../src/sample/index.js';
import { rejects } from './helpers/provider.js';

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF inside quotes), to read back what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  assert.equal(field, '', 'the text ends with CRLF');
  assert.equal(row.length, 0, 'the text ends with CRLF');
  return rows;
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

describe('csvCell and csvRow', () => {
  it('quotes a field with a quote, comma, CR or LF, doubling its quotes; leaves others as they are', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('"'), '""""');
    assert.equal(csvCell('line 1\nline 2'), '"line 1\nline 2"');
    assert.equal(csvCell('line 1\r\nline 2'), '"line 1\r\nline 2"');
    assert.equal(csvCell('a\rb'), '"a\rb"');
    assert.equal(csvCell('semi;colon and space'), 'semi;colon and space');
    assert.equal(csvCell(''), '');
  });

  it('writes null and undefined empty, numbers plainly, booleans, dates as ISO, lists joined, objects as JSON', () => {
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell(1234567.5), '1234567.5', 'no locale grouping');
    assert.equal(csvCell(0), '0');
    assert.equal(csvCell(10n), '10');
    assert.equal(csvCell(true), 'true');
    assert.equal(csvCell(false), 'false');
    assert.equal(csvCell(new Date('2026-11-01T12:00:00Z')), '2026-11-01T12:00:00.000Z');
    assert.equal(csvCell(new Date('nope')), '');
    assert.equal(csvCell(['Gold', 'VIP']), '"Gold, VIP"', 'a list joined with ", " is then quoted for its comma');
    assert.equal(csvCell(['solo']), 'solo');
    assert.equal(csvCell([]), '');
    assert.equal(csvCell({ a: 1, b: 'x' }), '"{""a"":1,""b"":""x""}"');
    assert.equal(csvCell({ big: 2n }), '"{""big"":""2""}"');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(csvCell(cycle), '', 'an object that contains itself: empty, not a failed export');
  });

  it('keeps unicode as it is: accents, CJK, emoji (a surrogate pair and a ZWJ sequence)', () => {
    for (const s of ['Zoë Müller-Lüdenscheidt', 'Łódź', '東京都', '🎉', '👩‍👩‍👧']) assert.equal(csvCell(s), s);
    assert.equal(csvCell('Émilie, 🎉'), '"Émilie, 🎉"');
  });

  it('prefixes a formula with a single quote, for each trigger character', () => {
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+33 1 23 45 67 89'), "'+33 1 23 45 67 89");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1:A2)'), "'@SUM(A1:A2)");
    assert.equal(csvCell('\tcmd'), "'\tcmd");
    assert.equal(csvCell('\rcmd'), '"\'\rcmd"', 'CR: prefixed, then quoted for the CR');
    assert.equal(csvCell('=HYPERLINK("http://x","a,b")'), '"\'=HYPERLINK(""http://x"",""a,b"")"', 'prefixed, then quoted');
    assert.equal(csvCell('a=b'), 'a=b', 'only at the start');
    assert.equal(csvCell(' =1'), ' =1');
  });

  it('does not prefix a finite number, but does the same text as a string, a list and a non-finite number', () => {
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(+3), '3');
    assert.equal(csvCell(-0.25), '-0.25');
    assert.equal(csvCell(-10n), '-10');
    assert.equal(csvCell('-5'), "'-5");
    assert.equal(csvCell('+3'), "'+3");
    assert.equal(csvCell([-5, 3]), '"\'-5, 3"');
    assert.equal(csvCell(-Infinity), "'-Infinity");
  });

  it('joins cells with commas and ends a row with CRLF', () => {
    assert.equal(csvRow(['a', 1, null, 'b,c', -5, '=x']), 'a,1,,"b,c",-5,\'=x\r\n');
    assert.equal(csvRow([]), '\r\n');
  });

  it('keeps a hostile name as literal text', () => {
    const name = '<img src=x onerror=alert(1)>';
    assert.equal(csvCell(name), name);
    assert.deepEqual(parseCsv(csvRow([name, 'x'])), [[name, 'x']]);
  });
});

const dataset = createSampleDataset({ customers: 60, seed: 7 });
const everyone: SegmentDocument = {
  schemaVersion: 1,
  name: 'Everyone',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CustomerId', operator: 'isNotEmpty' } }],
};
const sample = () => createMemoryProvider({ catalog: dataset.catalog, data: dataset.data, now: dataset.now });

/** Records each members call. */
function spied(p: SegmentProvider) {
  const calls: MembersOptions[] = [];
  const members = p.members.bind(p);
  p.members = (segment, opts = {}) => {
    calls.push(opts);
    return members(segment, opts);
  };
  return calls;
}

describe('membersCsv', () => {
  it('yields the BOM and header first, then one chunk per page, exactly total data rows', async () => {
    const p = sample();
    const calls = spied(p);
    const { total, columns } = await p.members(everyone, { limit: 0 });
    assert.equal(total, 60);
    calls.length = 0;
    const progress: [number, number][] = [];
    const chunks = await collect(membersCsv(p, everyone, { pageSize: 7, onProgress: (d, t) => progress.push([d, t]) }));
    assert.ok(chunks[0]!.startsWith(CSV_BOM), 'the BOM first');
    assert.equal(chunks[0], CSV_BOM + csvRow(columns.map((c) => c.label)), 'the first chunk is the header only');
    assert.equal(chunks.length, 1 + Math.ceil(60 / 7), 'one chunk per page');
    assert.deepEqual(
      calls.map((c) => [c.offset, c.limit]),
      Array.from({ length: 9 }, (_, i) => [i * 7, 7]),
      'pages of 7 until total, no call past the end',
    );
    assert.deepEqual(progress.at(-1), [60, 60]);
    assert.deepEqual(
      progress.map((x) => x[0]),
      [7, 14, 21, 28, 35, 42, 49, 56, 60],
    );
    const rows = parseCsv(chunks.join('').slice(CSV_BOM.length));
    assert.equal(rows.length, 1 + 60);
    assert.deepEqual(rows[0], ['Customer ID', 'Full name', ...rows[0]!.slice(2)]);
    // The rows are the members in the provider's order, each cell the value of its column.
    const all = await p.members(everyone, { limit: 100 });
    const id = columns.findIndex((c) => c.key === 'CustomerId');
    assert.deepEqual(
      rows.slice(1).map((r) => r[id]),
      all.rows.map((r) => r.CustomerId),
    );
    assert.equal(new Set(rows.slice(1).map((r) => r[id])).size, 60, 'no member twice');
    for (const r of rows) assert.equal(r.length, columns.length);
  });

  it('writes the columns asked for, in that order, with the labels given', async () => {
    const chunks = await collect(
      membersCsv(sample(), everyone, {
        pageSize: 50,
        columns: ['LoyaltyPoints', 'CustomerId'],
        labels: (c) => `${c.label} (${c.type})`,
      }),
    );
    const rows = parseCsv(chunks.join('').slice(1));
    assert.deepEqual(rows[0], ['Loyalty points (number)', 'Customer ID (string)']);
    assert.equal(rows.length, 61);
    assert.ok(
      rows.slice(1).every((r) => r.length === 2 && /^\d*$/.test(r[0]!) && r[1]!.startsWith('C')),
      'points, then the id',
    );
    await rejects(collect(membersCsv(sample(), everyone, { columns: ['Nope'] })), 'invalid-argument', /"Nope".*"CustomerId"/);
    await rejects(collect(membersCsv(sample(), everyone, { pageSize: 0 })), 'invalid-argument', /pageSize/);
  });

  it('writes the header alone for a segment without members; passes on an invalid segment rejection', async () => {
    const nobody: SegmentDocument = {
      ...everyone,
      rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CustomerId', operator: 'isEmpty' } }],
    };
    const chunks = await collect(membersCsv(sample(), nobody));
    assert.equal(chunks.length, 1);
    assert.equal(parseCsv(chunks[0]!.slice(1)).length, 1);
    await rejects(collect(membersCsv(sample(), { ...everyone, audience: 'Nope' })), 'invalid-segment');
  });

  it('stops on an empty page even when the total says more', async () => {
    const liar = sample();
    const members = liar.members.bind(liar);
    liar.members = async (s, o) => {
      const r = await members(s, o);
      return { ...r, total: 1_000_000 };
    };
    const chunks = await collect(membersCsv(liar, everyone, { pageSize: 25 }));
    assert.equal(parseCsv(chunks.join('').slice(1)).length, 61);
  });

  it('aborts mid-way with the aborted error, fetching no more pages', async () => {
    const p = sample();
    const calls = spied(p);
    const c = new AbortController();
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const chunk of membersCsv(p, everyone, {
          pageSize: 7,
          signal: c.signal,
          onProgress: (done) => {
            if (done === 21) c.abort();
          },
        }))
          seen.push(chunk);
      })(),
      (e: unknown) => isAbortError(e) && e instanceof SegmentProviderError && e.code === 'aborted',
    );
    assert.equal(calls.length, 3);
    assert.ok(
      calls.every((o) => o.signal === c.signal),
      'the provider gets the signal',
    );
    assert.equal(seen.length, 3, 'the header and two pages; the third page is not yielded once aborted');
    const before = new AbortController();
    before.abort();
    await rejects(collect(membersCsv(p, everyone, { signal: before.signal })), 'aborted');
  });

  it('keeps member data as literal text: a hostile name, quotes, commas, newlines, formulas, emoji', async () => {
    const hostile = ['<img src=x onerror=alert(1)>', 'Smith, "Bobby"\r\nTables', '=HYPERLINK("http://evil","click")', 'Zoë 🎉 東京', '-5'];
    const customers = hostile.map((FullName, i) => ({ ...dataset.data.Customer![i]!, FullName }));
    const p = createMemoryProvider({
      catalog: dataset.catalog,
      data: { ...dataset.data, Customer: customers },
      now: dataset.now,
    });
    const text = (await collect(membersCsv(p, everyone, { pageSize: 2, columns: ['CustomerId', 'FullName', 'CreditBalance'] }))).join('');
    const rows = parseCsv(text.slice(1));
    assert.equal(rows.length, 1 + hostile.length);
    assert.deepEqual(
      rows.slice(1).map((r) => r[1]),
      hostile.map((h) => (/^[=+\-@]/.test(h) ? `'${h}` : h)),
    );
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'not escaped as HTML either: CSV is not HTML');
  });
});
