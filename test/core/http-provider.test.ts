/**
 * The provider over HTTP: `createProviderHandler` served by node:http on loopback, and
 * `createHttpProvider` calling it with the global fetch. Every method answers what the
 * provider behind it answers; every bad request gets a 4xx with a message; an abort
 * reaches the provider; parallel clients never get each other's answers.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SegmentProviderError, type SegmentDocument, type SegmentProvider } from '../../src/core/index.js';
import { createHttpProvider } from '../../src/providers/http/client.js';
import { createProviderHandler, type ProviderHandlerOptions } from '../../src/providers/http/handler.js';
import { createSampleProvider } from '../../src/sample/index.js';
import { toNodeListener } from '../../server/node.js';

const servers: Server[] = [];
after(() => {
  for (const s of servers) s.close();
});

async function serve(provider: SegmentProvider, options: ProviderHandlerOptions = {}) {
  const errors: unknown[] = [];
  const server = createServer(toNodeListener(createProviderHandler(provider, { onError: (e) => errors.push(e), ...options })));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return { url, errors };
}

const rejectsWith = (p: Promise<unknown>, code: string, message?: RegExp) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof SegmentProviderError, `a SegmentProviderError, not ${String(e)}`);
    assert.equal(e.code, code, `code ${code}: ${e.message}`);
    if (message) assert.match(e.message, message);
    return true;
  });

const byCity = (city: string): SegmentDocument => ({
  schemaVersion: 1,
  name: `In_${city.replace(/\W/g, '_')}`,
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'equals', value: city } }],
});

describe('the provider over HTTP', () => {
  const local = createSampleProvider({ customers: 400, historyDays: 30 });
  let remote: SegmentProvider;
  let base: string;

  before(async () => {
    const s = await serve(local);
    base = s.url;
    remote = createHttpProvider({ baseUrl: base });
  });

  it('answers every method as the provider behind it does', async () => {
    const segment = local.dataset.segments[0]!;
    assert.deepEqual(await remote.getCatalog(), await local.getCatalog());
    assert.deepEqual(await remote.count(segment), await local.count(segment));
    assert.deepEqual(
      await remote.members(segment, { offset: 5, limit: 10, sort: { key: 'City', direction: 'desc' } }),
      await local.members(segment, { offset: 5, limit: 10, sort: { key: 'City', direction: 'desc' } }),
    );
    assert.deepEqual(
      await remote.suggestValues('Customer', 'City', { query: 'a', limit: 5 }),
      await local.suggestValues('Customer', 'City', { query: 'a', limit: 5 }),
    );
    assert.deepEqual(await remote.attributeStats!('Order', 'TotalAmount'), await local.attributeStats('Order', 'TotalAmount'));
    const listed = await remote.listSegments({ sort: 'name', limit: 3 });
    assert.deepEqual(listed, await local.listSegments({ sort: 'name', limit: 3 }));
    const id = listed.items[0]!.id;
    assert.deepEqual(await remote.getSegment(id), await local.getSegment(id));
    assert.deepEqual(await remote.trend(id, { from: '2020-01-01' }), await local.trend(id, { from: '2020-01-01' }));
    const key = (await local.members(segment, { limit: 1 })).rows[0]!.CustomerId as string;
    assert.deepEqual(await remote.explain!(segment, key), await local.explain(segment, key));
  });

  it('writes through it: save, update, refresh and delete reach the store', async () => {
    const saved = await remote.saveSegment(byCity('Lyon'));
    assert.equal((await local.getSegment(saved.id)).name, 'In_Lyon');
    const [updated] = await remote.updateSegments([saved.id], { tags: ['from-http'] });
    assert.deepEqual(updated?.tags, ['from-http']);
    const [refreshed] = await remote.refreshSegments([saved.id]);
    assert.equal(refreshed?.id, saved.id);
    assert.equal(await remote.deleteSegments([saved.id]), undefined, 'deleteSegments resolves with nothing');
    await rejectsWith(local.getSegment(saved.id), 'not-found');
  });

  it("the provider's errors keep their code and message, an invalid document its JSON paths", async () => {
    await rejectsWith(remote.getSegment('no-such-segment'), 'not-found', /no-such-segment/);
    const bad = {
      ...byCity('Lyon'),
      rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'Nope', operator: 'equals', value: 1 } }],
    };
    await assert.rejects(remote.count(bad as SegmentDocument), (e: unknown) => {
      assert.ok(e instanceof SegmentProviderError && e.code === 'invalid-segment', String(e));
      assert.match(JSON.stringify(e.details), /\/rules\/0\/where\/attribute/, 'the details name the JSON path');
      return true;
    });
  });

  it('bad requests get a 4xx with a message, and the server keeps serving', async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    const cases: [Promise<Response>, number, RegExp][] = [
      [fetch(`${base}/count`), 405, /POST/],
      [post('nothing', '{}'), 404, /no endpoint/],
      [post('count', '{"segment": '), 400, /not valid JSON/],
      [post('count', '[1, 2]'), 400, /JSON object/],
      [post('count', '{}'), 400, /needs "segment"/],
      [post('getSegment', JSON.stringify({ id: 'x'.repeat(2 * 1024 * 1024) })), 413, /larger than/],
      [post('count', '{"segment": 42}'), 422, /./],
    ];
    for (const [response, status, message] of cases) {
      const r = await response;
      assert.equal(r.status, status, `${r.url}: status`);
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.match(body.error.message, message, `${r.url}: message`);
    }
    assert.equal((await remote.count(byCity('Paris'))).total, (await local.count(byCity('Paris'))).total, 'still serving');
  });

  it('a bearer token, when set, is needed on every request', async () => {
    const s = await serve(local, { token: 's3cret' });
    await rejectsWith(createHttpProvider({ baseUrl: s.url }).getCatalog(), 'unauthorized', /bearer token/);
    await rejectsWith(createHttpProvider({ baseUrl: s.url, token: 'wrong' }).getCatalog(), 'unauthorized');
    const ok = await createHttpProvider({ baseUrl: s.url, token: () => 's3cret' }).getCatalog();
    assert.equal(ok.audience, 'Customer');
  });

  it('CORS is off unless an origin is given', async () => {
    const off = await fetch(`${base}/getCatalog`, { method: 'POST', body: '{}', headers: { origin: 'https://app.example' } });
    assert.equal(off.headers.get('access-control-allow-origin'), null);
    const s = await serve(local, { cors: 'https://app.example' });
    const on = await fetch(`${s.url}/getCatalog`, { method: 'POST', body: '{}', headers: { origin: 'https://app.example' } });
    assert.equal(on.headers.get('access-control-allow-origin'), 'https://app.example');
    const other = await fetch(`${s.url}/getCatalog`, { method: 'POST', body: '{}', headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('an aborted call closes its request, and the provider call on the server is cancelled', async () => {
    const seen: AbortSignal[] = [];
    const slow = createSampleProvider({ customers: 100, historyDays: 0, latency: 2000 });
    const watched = Object.assign(Object.create(slow) as SegmentProvider, {
      count: (segment: SegmentDocument, opts: { signal?: AbortSignal } = {}) => {
        if (opts.signal) seen.push(opts.signal);
        return slow.count(segment, opts);
      },
    });
    const s = await serve(watched);
    const abort = new AbortController();
    const pending = createHttpProvider({ baseUrl: s.url }).count(byCity('Paris'), { signal: abort.signal });
    await new Promise((r) => setTimeout(r, 100));
    abort.abort();
    await rejectsWith(pending, 'aborted');
    for (let i = 0; i < 50 && !seen[0]?.aborted; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(seen[0]?.aborted, true, "the server's call was aborted");
  });

  it('50 parallel counts each get their own answer', async () => {
    const cities = [...new Set((await local.suggestValues('Customer', 'City', { limit: 50 })).map((v) => String(v.value)))];
    const docs = Array.from({ length: 50 }, (_, i) => byCity(cities[i % cities.length]!));
    const remoteTotals = await Promise.all(docs.map((d) => remote.count(d).then((c) => c.total)));
    const localTotals = await Promise.all(docs.map((d) => local.count(d).then((c) => c.total)));
    assert.deepEqual(remoteTotals, localTotals);
  });

  it("another copy's provider errors keep their code; anything else is a 500 that shows no stack", async () => {
    const foreign = Object.assign(new Error('No segment "x" here.'), { name: 'SegmentProviderError', code: 'not-found' });
    const broken = Object.assign(Object.create(local) as SegmentProvider, {
      getSegment: () => Promise.reject(foreign),
      listSegments: () => Promise.reject(new TypeError('secret internals at /srv/app.js:12')),
    });
    const s = await serve(broken);
    const client = createHttpProvider({ baseUrl: s.url });
    await rejectsWith(client.getSegment('x'), 'not-found', /No segment "x" here/);
    await assert.rejects(client.listSegments(), (e: unknown) => {
      assert.ok(e instanceof SegmentProviderError && e.code === 'internal', String(e));
      assert.doesNotMatch(e.message, /secret|app\.js/, 'no internals in the answer');
      return true;
    });
    assert.equal(s.errors.length, 1, 'the server was told about the 500');
  });

  it('a server that is not there is `unavailable`, with the address', async () => {
    const gone = await serve(local);
    servers.pop()!.close();
    await new Promise((r) => setTimeout(r, 50));
    await rejectsWith(createHttpProvider({ baseUrl: gone.url }).getCatalog(), 'unavailable', /could not be reached/);
  });
});
