import { expect } from '@open-wc/testing';
import { CSV_BOM, isAbortError, type SegmentDocument } from '../../src/core/index.js';
import { downloadMembersCsv, saveFile, segmentFileName } from '../../src/elements/shared/download.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleDataset } from '../../src/sample/index.js';

const dataset = createSampleDataset({ customers: 40, seed: 3 });
const everyone: SegmentDocument = {
  schemaVersion: 1,
  id: 'everyone',
  name: 'Everyone',
  displayName: 'Every Customer – Zoë’s list',
  state: 'active',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CustomerId', operator: 'isNotEmpty' } }],
};
const provider = () => createMemoryProvider({ catalog: dataset.catalog, data: dataset.data, now: dataset.now, segments: [everyone] });

async function* chunks(list: string[], between?: (i: number) => void) {
  for (let i = 0; i < list.length; i++) {
    await Promise.resolve();
    between?.(i);
    yield list[i]!;
  }
}

/** Spies on the Blob path: the Blob handed to URL.createObjectURL, the anchor clicked (not followed), the URL revoked. */
function spyDownloads() {
  const seen = {
    blobs: [] as Blob[],
    clicks: [] as { href: string; download: string; connected: boolean }[],
    revoked: [] as string[],
  };
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    seen.blobs.push(obj as Blob);
    return create.call(URL, obj);
  };
  URL.revokeObjectURL = (url: string) => {
    seen.revoked.push(url);
    revoke.call(URL, url);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    seen.clicks.push({ href: this.href, download: this.download, connected: this.isConnected });
  };
  const restore = () => {
    URL.createObjectURL = create;
    URL.revokeObjectURL = revoke;
    HTMLAnchorElement.prototype.click = click;
  };
  return { seen, restore };
}

/** A CSV text split into records (this data has no quoted line breaks). */
const records = (text: string) => text.split('\r\n').slice(0, -1);

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('saveFile and downloadMembersCsv', () => {
  let spy: ReturnType<typeof spyDownloads>;
  const win = window as unknown as { showSaveFilePicker?: unknown };
  beforeEach(() => {
    spy = spyDownloads();
  });
  afterEach(() => {
    spy.restore();
    delete win.showSaveFilePicker;
  });

  it('without a picker, downloads one Blob of the chunks through a temporary <a download>, then revokes its URL', async () => {
    const result = await saveFile('a.csv', chunks([`${CSV_BOM}x,y\r\n`, '1,2\r\n', '3,"é,🎉"\r\n']), {
      picker: false,
      revokeAfter: 0,
    });
    expect(result).to.equal('saved');
    expect(spy.seen.blobs).to.have.length(1);
    expect(spy.seen.clicks).to.have.length(1);
    const [blob] = spy.seen.blobs;
    const [click] = spy.seen.clicks;
    expect(blob!.type).to.equal('text/csv;charset=utf-8');
    expect(click!.download).to.equal('a.csv');
    expect(click!.connected, 'in the document when clicked').to.equal(true);
    expect(document.querySelector('a[download]'), 'removed after').to.equal(null);
    // UTF-8 with the byte order mark (Blob#text() decodes it away, so read the bytes).
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(await blob!.text()).to.equal('x,y\r\n1,2\r\n3,"é,🎉"\r\n');
    await wait(10);
    expect(spy.seen.revoked).to.deep.equal([click!.href]);
  });

  it("downloads a segment's members as <display name>.csv: BOM, header, one row per member", async () => {
    const p = provider();
    const progress: number[] = [];
    const result = await downloadMembersCsv(p, 'everyone', { picker: false, pageSize: 7, onProgress: (done) => progress.push(done) });
    expect(result).to.equal('saved');
    expect(spy.seen.clicks[0]!.download).to.equal('every-customer-zoe-s-list.csv');
    const blob = spy.seen.blobs[0]!;
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = records(await blob.text());
    const { total, columns } = await p.members(everyone, { limit: 0 });
    expect(total).to.equal(40);
    expect(lines[0]).to.equal(columns.map((c) => c.label).join(','));
    expect(lines).to.have.length(1 + 40);
    expect(progress).to.deep.equal([7, 14, 21, 28, 35, 40]);
    await downloadMembersCsv(p, 'everyone', { picker: false, filename: 'mine.csv' });
    expect(spy.seen.clicks[1]!.download).to.equal('mine.csv');
  });

  it('aborted mid-way: rejects with the abort error and downloads nothing', async () => {
    const c = new AbortController();
    let error: unknown;
    try {
      await downloadMembersCsv(provider(), 'everyone', {
        picker: false,
        pageSize: 5,
        signal: c.signal,
        onProgress: (done) => done >= 10 && c.abort(),
      });
    } catch (e) {
      error = e;
    }
    expect(isAbortError(error), String(error)).to.equal(true);
    expect(spy.seen.blobs).to.have.length(0);
    expect(spy.seen.clicks).to.have.length(0);
  });

  it('rejects with the provider error for an unknown segment, downloading nothing', async () => {
    let error: unknown;
    await downloadMembersCsv(provider(), 'nope', { picker: false }).catch((e: unknown) => (error = e));
    expect((error as { code?: string }).code).to.equal('not-found');
    expect(spy.seen.clicks).to.have.length(0);
  });

  /** A fake File System Access picker: records what it was asked and what was written. */
  function fakePicker(behaviour: { dismiss?: boolean; refuse?: boolean; failWrite?: number } = {}) {
    const log = { options: [] as unknown[], written: [] as string[], closed: false, aborted: false };
    win.showSaveFilePicker = (options: unknown) => {
      log.options.push(options);
      if (behaviour.dismiss) return Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
      if (behaviour.refuse) return Promise.reject(new DOMException('Must be handling a user gesture.', 'SecurityError'));
      return Promise.resolve({
        createWritable: () =>
          Promise.resolve({
            write: async (data: string) => {
              await Promise.resolve();
              if (behaviour.failWrite === log.written.length) throw new DOMException('The disk is full.', 'QuotaExceededError');
              log.written.push(data);
            },
            close: () => Promise.resolve(void (log.closed = true)),
            abort: () => Promise.resolve(void (log.aborted = true)),
          }),
      });
    };
    return log;
  }

  it('with showSaveFilePicker, asks for the file and writes the chunks to it in order, no download', async () => {
    const log = fakePicker();
    const list = [`${CSV_BOM}a\r\n`, '1\r\n', '2\r\n', '3\r\n'];
    expect(await saveFile('x.csv', chunks(list))).to.equal('saved');
    expect(log.written).to.deep.equal(list);
    expect(log.closed).to.equal(true);
    expect(log.options[0]).to.deep.equal({
      suggestedName: 'x.csv',
      types: [{ description: 'CSV file', accept: { 'text/csv': ['.csv'] } }],
    });
    expect(spy.seen.clicks).to.have.length(0);

    const members = fakePicker();
    expect(await downloadMembersCsv(provider(), 'everyone', { pageSize: 16 })).to.equal('saved');
    expect(members.written).to.have.length(1 + 3, 'the header, then one write per page');
    expect(records(members.written.join(''))).to.have.length(41);
    expect((members.options[0] as { suggestedName: string }).suggestedName).to.equal('every-customer-zoe-s-list.csv');
  });

  it('the picker dismissed: cancelled, nothing read or downloaded', async () => {
    fakePicker({ dismiss: true });
    let read = 0;
    expect(
      await saveFile(
        'x.csv',
        chunks(['a', 'b'], () => read++),
      ),
    ).to.equal('cancelled');
    expect(read).to.equal(0);
    expect(spy.seen.clicks).to.have.length(0);
  });

  it('the picker refused (no user gesture): downloads instead', async () => {
    fakePicker({ refuse: true });
    expect(await saveFile('x.csv', chunks(['a\r\n']))).to.equal('saved');
    expect(spy.seen.clicks).to.have.length(1);
  });

  it('aborts the writable on an abort or a write error, and rejects', async () => {
    const log = fakePicker();
    const c = new AbortController();
    let error: unknown;
    await saveFile(
      'x.csv',
      chunks(['a', 'b', 'c', 'd'], (i) => i === 2 && c.abort()),
      { signal: c.signal },
    ).catch((e: unknown) => (error = e));
    expect(isAbortError(error)).to.equal(true);
    expect(log.written).to.deep.equal(['a', 'b']);
    expect([log.aborted, log.closed]).to.deep.equal([true, false]);

    const failing = fakePicker({ failWrite: 1 });
    error = undefined;
    await saveFile('x.csv', chunks(['a', 'b', 'c'])).catch((e: unknown) => (error = e));
    expect((error as Error).name).to.equal('QuotaExceededError');
    expect([failing.aborted, failing.closed]).to.deep.equal([true, false]);
  });

  it('names files from the display name, the name or the id', () => {
    expect(segmentFileName({ displayName: 'VIP – Zoë’s list', name: 'Vip' })).to.equal('vip-zoe-s-list');
    expect(segmentFileName({ name: 'HighValueEscalated' })).to.equal('high-value-escalated');
    expect(segmentFileName({ displayName: '  ', name: '', id: 'seg-1' })).to.equal('seg-1');
    expect(segmentFileName({ displayName: '東京の顧客' })).to.equal('東京の顧客');
    expect(segmentFileName({ displayName: '../../etc/passwd' })).to.equal('etc-passwd');
    expect(segmentFileName({})).to.equal('segment');
  });
});
