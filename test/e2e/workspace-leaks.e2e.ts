/**
 * The workspace mounted and removed 50 times in the built Storybook's page (list, details, a
 * builder with unsaved changes, in turn, with hash history): the listeners on window and
 * document come back to where they were, and the heap stops growing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openHarness, watchedPage, type Harness, type WorkspaceInPage } from './harness.js';

let h: Harness;
before(async () => {
  h = await openHarness();
});
after(() => h?.close());

describe('<segment-workspace> mounted and removed 50 times', { concurrency: false }, () => {
  it('leaves the window’s and the document’s listeners as they were, and the heap stops growing', async () => {
    const kib = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(0)} KiB`;
    const { page: p, errors } = await watchedPage(h.context);
    await p.goto(`${h.storybook.url}/iframe.html?id=workspace--sample-data&viewMode=story&args=history:none`);
    await p.locator('segment-workspace segment-list tbody tr[part~="row"]').first().waitFor({ timeout: 30_000 });
    const cdp = await h.context.newCDPSession(p);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await p.evaluate(() => {
      // Every listener on window and document, net of removals (the same listener twice is one, as the DOM has it).
      const live = new Map<EventTarget, Set<string>>();
      const ids = new WeakMap<object, number>();
      let next = 0;
      const key = (type: string, fn: unknown, options: unknown) => {
        const capture = typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture;
        if (fn && !ids.has(fn)) ids.set(fn, next++);
        return `${type}:${capture}:${fn ? ids.get(fn) : 'null'}`;
      };
      for (const target of [window, document] as EventTarget[]) {
        live.set(target, new Set());
        const add = target.addEventListener.bind(target);
        const remove = target.removeEventListener.bind(target);
        target.addEventListener = (
          type: string,
          fn: EventListenerOrEventListenerObject | null,
          options?: boolean | AddEventListenerOptions,
        ) => {
          const signal = typeof options === 'object' ? options.signal : undefined;
          if (!signal?.aborted) {
            const k = key(type, fn, options);
            live.get(target)!.add(k);
            signal?.addEventListener('abort', () => live.get(target)!.delete(k), { once: true });
          }
          add(type, fn, options);
        };
        target.removeEventListener = (
          type: string,
          fn: EventListenerOrEventListenerObject | null,
          options?: boolean | EventListenerOptions,
        ) => {
          live.get(target)!.delete(key(type, fn, options));
          remove(type, fn, options);
        };
      }
      const story = document.querySelector('segment-workspace') as unknown as WorkspaceInPage;
      // Each mount opens on the route in the hash (history="hash" listens to hashchange; the dirty builder sets beforeunload).
      const routes = [
        { view: 'list', hash: '#/segments' },
        { view: 'details', hash: '#/segments/high-value-escalated' },
        { view: 'edit', hash: '#/segments/do-not-contact/edit' },
      ] as const;
      let peak = 0;
      const until = async (test: () => boolean, what: string) => {
        const end = performance.now() + 10_000;
        while (!test()) {
          if (performance.now() > end) throw new Error(`timed out: ${what}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      const shown = (el: Element, view: string) => {
        const root = el.shadowRoot;
        if (!root) return false;
        if (view === 'list') return !!root.querySelector('segment-list')?.shadowRoot?.querySelector('tbody tr[part~="row"]');
        if (view === 'details') return !!root.querySelector('member-preview')?.shadowRoot?.querySelector('tr[part="row"]');
        return !!root.querySelector('segment-builder')?.shadowRoot?.querySelector('[part="size"][aria-busy="false"]');
      };
      Object.assign(window, {
        e2eListeners: () => [...live.values()].reduce((n, s) => n + s.size, 0),
        e2ePeak: () => peak,
        /** Mount a workspace on the story's provider at each route in turn, wait for it to be shown, remove it. */
        e2eMount: async (times: number) => {
          for (let i = 0; i < times; i++) {
            const route = routes[i % routes.length]!;
            const el = document.createElement('segment-workspace');
            history.replaceState(null, '', route.hash);
            el.provider = story.provider;
            el.setAttribute('history', 'hash');
            el.setAttribute('draft-storage', 'none');
            el.setAttribute('storage-key', 'e2e-mount');
            document.body.append(el);
            await until(() => shown(el, route.view), `${route.view} shown (mount ${i + 1})`);
            if (route.view === 'edit') {
              // An unsaved change, as typing makes it: the workspace now guards the page with beforeunload.
              const input = el
                .shadowRoot!.querySelector('segment-builder')!
                .shadowRoot!.querySelector<HTMLInputElement>('#prop-displayName')!;
              input.value = `Changed ${i}`;
              input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
              await until(() => el.dirty, 'unsaved changes');
            }
            peak = Math.max(
              peak,
              [...live.values()].reduce((n, s) => n + s.size, 0),
            );
            el.remove();
          }
          await new Promise((r) => setTimeout(r, 500)); // debounced and deferred work settles
        },
      });
    });
    await p.evaluate(() => (window as unknown as { e2eMount(n: number): Promise<void> }).e2eMount(6)); // every view's modules loaded, caches warm
    const listeners = () => p.evaluate(() => (window as unknown as { e2eListeners(): number }).e2eListeners());
    const before = { listeners: await listeners(), heap: await heap() };
    const started = performance.now();
    await p.evaluate(() => (window as unknown as { e2eMount(n: number): Promise<void> }).e2eMount(50));
    const took = performance.now() - started;
    const afterwards = { listeners: await listeners(), heap: await heap() };
    const grew = afterwards.heap - before.heap;
    await p.evaluate(() => (window as unknown as { e2eMount(n: number): Promise<void> }).e2eMount(50));
    const more = await heap();
    const again = more - afterwards.heap;
    const peak = await p.evaluate(() => (window as unknown as { e2ePeak(): number }).e2ePeak());
    console.log(
      `50 mounts (list, details, builder in turn) in ${Math.round(took)} ms; listeners ${before.listeners} → ${afterwards.listeners} (${peak} while mounted); heap ${(before.heap / 2 ** 20).toFixed(1)} → ${(afterwards.heap / 2 ** 20).toFixed(1)} MiB (${kib(grew)}), another 50: ${kib(again)}`,
    );
    assert.ok(peak > before.listeners, `a mounted workspace listens on window or document (${peak} at most)`);
    assert.equal(afterwards.listeners, before.listeners, 'the listeners on window and document are back to where they were');
    assert.ok(grew < 2 * 2 ** 20, `the heap grew by ${kib(grew)} over 50 mounts, under 2 MiB`);
    // Caches fill in the first 50; a leak keeps growing: 10 KiB a mount would be 500 KiB here.
    assert.ok(again < 512 * 1024, `the heap grew by ${kib(again)} over another 50 mounts, under 512 KiB`);
    assert.deepEqual(errors, [], 'no errors');
    await p.close();
  });
});
