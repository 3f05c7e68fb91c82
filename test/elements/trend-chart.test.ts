import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/trend-chart/define.js';
import '../../src/elements/segment-provider/define.js';
import type { TrendChartElement } from '../../src/elements/trend-chart/trend-chart.js';
import { SegmentProviderError, type SegmentProvider, type TrendOptions, type TrendPoint } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleProvider, type SampleProvider } from '../../src/sample/index.js';
import { catalog, data, doNotContact, NOW, until } from './fixtures.js';

const DAY = 86_400_000;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const live = (el: Element) => text($(el, '[role="status"][aria-live="polite"]'));
const tooltip = (el: Element) => text($(el, '[part~="tooltip"]'));
const drawn = (el: Element) => $(el, 'canvas')?.dataset.points;
const dateOf = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
const n = (x: number) => new Intl.NumberFormat().format(x);

let sample: SampleProvider | undefined;
/** The sample provider (300 customers) with 120 days of daily history. */
function sampleProvider(): SampleProvider {
  sample ??= createSampleProvider({ customers: 300, historyDays: 120 });
  return sample;
}

/** A memory provider whose `do-not-contact` segment has the given history. */
function withHistory(points: TrendPoint[], extra: { displayName?: string } = {}) {
  return createMemoryProvider({
    catalog,
    data,
    now: NOW,
    segments: [{ ...doNotContact, ...extra }],
    history: { 'do-not-contact': points },
  });
}

/** `days` daily points ending at NOW, counts from `count(i)` (i = 0 the oldest). */
function daily(days: number, count: (i: number) => number): TrendPoint[] {
  const end = Date.parse(NOW);
  return Array.from({ length: days }, (_, i) => ({ date: new Date(end - (days - 1 - i) * DAY).toISOString(), count: count(i) }));
}

/** A provider that records each `trend` call's options. */
function spy(base: SegmentProvider) {
  const calls: TrendOptions[] = [];
  const provider = Object.assign(Object.create(base) as SegmentProvider, {
    trend: (id: string, opts: TrendOptions = {}) => {
      calls.push(opts);
      return base.trend(id, opts);
    },
  });
  return { provider, calls };
}

async function chart(provider: SegmentProvider | undefined, segmentId: string | undefined, attrs: { frame?: string; now?: string } = {}) {
  const el = await fixture<TrendChartElement>(
    html`<div class="box">
      <trend-chart .provider=${provider} segment-id=${segmentId ?? ''} frame=${attrs.frame ?? '90'} now=${attrs.now ?? NOW}></trend-chart>
    </div>`,
  ).then((box) => box.querySelector('trend-chart')!);
  if (!segmentId) el.segmentId = undefined;
  await el.updateComplete;
  return el;
}

const ready = (el: TrendChartElement, points?: number) =>
  until(() => drawn(el) !== undefined && (points === undefined || drawn(el) === String(points)), 5000, 'the chart drawn');

describe('<trend-chart>', () => {
  afterEach(() => {
    delete document.documentElement.dataset.skTheme;
    document.getElementById('theme-under-test')?.remove();
  });

  it('draws the sample provider’s history with the current count and the weekly growth', async () => {
    const p = sampleProvider();
    const history = await p.trend('big-spenders');
    const el = await chart(p, 'big-spenders', { now: p.dataset.now });
    await ready(el, 91);
    const last = history[history.length - 1]!;
    const weekAgo = history[history.length - 8]!;
    expect(text($(el, '[part~="title"]'))).to.equal('Members of Big spenders (12 months) over time');
    expect(text($(el, '.figure dd.value'))).to.equal(n(last.count));
    const change = last.count - weekAgo.count;
    const pct = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
      change / weekAgo.count,
    );
    expect(text($(el, '[part~="growth"] .change'))).to.equal(
      `${new Intl.NumberFormat(undefined, { signDisplay: 'exceptZero' }).format(change)} (${pct})`,
    );
    expect(text($(el, '[part~="growth"] .since'))).to.equal(`since ${dateOf(weekAgo.date)}`);
    expect(el.points.length).to.equal(91);
    const plot = $(el, '[part~="plot"]')!;
    expect(plot.getAttribute('role')).to.equal('img');
    expect(plot.getAttribute('aria-label')).to.contain('Members of Big spenders (12 months) over time: from');
    // The data table is there for screen readers, visually hidden beside the chart (rendered after the chart's first frame).
    await until(() => $$(el, 'table[part~="table"] tbody tr').length === 91, 3000, 'the hidden table');
    expect($(el, 'table[part~="table"]')!.parentElement!.classList.contains('visually-hidden')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('signs a fall in members and its percent', async () => {
    const el = await chart(withHistory(daily(10, (i) => 100 - (i >= 3 ? 10 : 0))), 'do-not-contact');
    await ready(el, 10);
    expect(text($(el, '[part~="growth"] .change'))).to.equal('-10 (-10%)');
    expect($(el, '[part~="growth"]')!.classList.contains('down')).to.equal(true);
  });

  it('shows an empty frame, accessible', async () => {
    const el = await chart(withHistory([{ date: '2026-01-05T12:00:00Z', count: 3 }]), 'do-not-contact', { frame: '30' });
    await until(() => !!$(el, '[part~="empty"]'), 3000, 'empty');
    expect(text($(el, '[part~="empty"]'))).to.equal('No member counts in this time frame yet.');
    expect($(el, '[part~="frames"]'), 'the frames stay, to pick a longer one').to.not.equal(null);
    await expect(el).to.be.accessible();
    el.frame = 'all';
    await ready(el, 1);
  });

  it('draws the point a refresh in the memory provider makes, and says a week of history is missing', async () => {
    const p = createMemoryProvider({ catalog, data, now: NOW, segments: [doNotContact] });
    await p.refreshSegments(['do-not-contact']);
    const el = await chart(p, 'do-not-contact');
    await ready(el, 1);
    expect(el.points).to.deep.equal([{ date: '2026-11-01T12:00:00.000Z', count: 2 }]);
    expect(text($(el, '.figure dd.value'))).to.equal('2');
    expect(text($(el, '[part~="growth"]'))).to.equal('Not enough history');
    // The time axis is the days around that point (chart.js alone spread it over years, every tick "Jan 1").
    const x = el.chart!.scales.x!;
    const t = Date.parse('2026-11-01T12:00:00.000Z');
    expect([x.min, x.max]).to.deep.equal([t - 3 * DAY, t + 3 * DAY]);
    const labels = x.ticks.map((tick) => String(x.getLabelForValue(tick.value) || tick.label));
    expect(new Set(labels).size, `distinct tick labels: ${labels.join(', ')}`).to.equal(labels.length);
    expect(labels.length > 1, 'ticks on the axis').to.equal(true);
    expect(x.getPixelForValue(t)).to.be.closeTo((x.left + x.right) / 2, 1);
  });

  it('takes its provider from a surrounding <segment-provider>', async () => {
    const root = await fixture<HTMLElement>(
      html`<segment-provider .provider=${withHistory(daily(9, (i) => i))}>
        <trend-chart segment-id="do-not-contact" now=${NOW}></trend-chart>
      </segment-provider>`,
    );
    const el = root.querySelector('trend-chart')!;
    await ready(el, 9);
    expect(el.provider).to.equal(undefined);
  });

  it('shows no provider, no segment and loading states, each accessible', async () => {
    const none = await chart(undefined, 'x');
    expect(text($(none, '[part~="state"]'))).to.equal('No data provider is connected.');
    await expect(none).to.be.accessible();
    const noSegment = await chart(sampleProvider(), undefined);
    expect(text($(noSegment, '[part~="state"]'))).to.equal('No segment to show.');
    await expect(noSegment).to.be.accessible();
    const hanging = Object.assign(Object.create(sampleProvider()) as SegmentProvider, { trend: () => new Promise<never>(() => {}) });
    const loading = await chart(hanging, 'big-spenders');
    await until(() => !!$(loading, '[part~="loading"]'), 3000, 'loading');
    expect($(loading, '.trend')!.getAttribute('aria-busy')).to.equal('true');
    await expect(loading).to.be.accessible();
  });

  it('moves through the points with the keys: tooltip and polite announcement', async () => {
    const points = daily(30, (i) => 100 + i);
    const el = await chart(withHistory(points), 'do-not-contact', { frame: '30' });
    await ready(el, 30);
    $(el, '[part~="plot"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    // The first key starts at the latest point.
    expect(tooltip(el)).to.equal(`${dateOf(points[29]!.date)} 129 members`);
    expect(live(el)).to.equal(`${dateOf(points[29]!.date)}: 129 members`);
    await sendKeys({ press: 'ArrowLeft' });
    expect(tooltip(el)).to.equal(`${dateOf(points[28]!.date)} 128 members`);
    expect(live(el)).to.equal(`${dateOf(points[28]!.date)}: 128 members`);
    await sendKeys({ press: 'Home' });
    expect(live(el)).to.equal(`${dateOf(points[0]!.date)}: 100 members`);
    await sendKeys({ press: 'PageDown' });
    expect(live(el)).to.equal(`${dateOf(points[7]!.date)}: 107 members`);
    await sendKeys({ press: 'ArrowRight' });
    expect(live(el)).to.equal(`${dateOf(points[8]!.date)}: 108 members`);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'PageUp' });
    expect(live(el)).to.equal(`${dateOf(points[22]!.date)}: 122 members`);
    // The tooltip is drawn (placed over the canvas), and Escape hides it.
    const tip = $(el, '[part~="tooltip"]')!;
    expect(getComputedStyle(tip).display).to.equal('block');
    const plotBox = $(el, '[part~="plot"]')!.getBoundingClientRect();
    const tipBox = tip.getBoundingClientRect();
    expect(tipBox.left >= plotBox.left - 1 && tipBox.right <= plotBox.right + 1, 'the tooltip stays inside the chart').to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect($(el, '[part~="tooltip"]')).to.equal(null);
  });

  it('follows the visual direction right-to-left: Left moves to a later point', async () => {
    const points = daily(10, (i) => 10 + i);
    const box = await fixture<HTMLDivElement>(
      html`<div dir="rtl">
        <trend-chart .provider=${withHistory(points)} segment-id="do-not-contact" frame="30" now=${NOW}></trend-chart>
      </div>`,
    );
    const el = box.querySelector('trend-chart')!;
    await ready(el, 10);
    expect(el.chart?.options.scales?.x?.reverse, 'time runs from right to left').to.equal(true);
    $(el, '[part~="plot"]')!.focus();
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(live(el)).to.equal(`${dateOf(points[1]!.date)}: 11 members`);
    await sendKeys({ press: 'ArrowRight' });
    expect(live(el)).to.equal(`${dateOf(points[0]!.date)}: 10 members`);
  });

  it('reads the point under the pointer', async () => {
    const points = daily(30, (i) => 100 + i);
    const el = await chart(withHistory(points), 'do-not-contact', { frame: '30' });
    await ready(el, 30);
    const plot = $(el, '[part~="plot"]')!;
    const x = el.chart!.scales.x!.getPixelForValue(Date.parse(points[10]!.date));
    const r = plot.getBoundingClientRect();
    plot.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x + 2, clientY: r.top + 40, bubbles: true }));
    await until(() => tooltip(el) !== '', 2000, 'the tooltip');
    expect(tooltip(el)).to.equal(`${dateOf(points[10]!.date)} 110 members`);
    await until(() => live(el) !== '', 3000, 'the hover announcement');
    expect(live(el)).to.equal(`${dateOf(points[10]!.date)}: 110 members`);
    plot.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect($(el, '[part~="tooltip"]')).to.equal(null);
  });

  it('changes the time frame: the event fires and the provider is asked from the right instant', async () => {
    const { provider, calls } = spy(withHistory(daily(200, (i) => i)));
    const el = await chart(provider, 'do-not-contact');
    await ready(el, 91);
    expect((el.chart!.getDatasetMeta(0).data[0] as unknown as { options: { radius: number } }).options.radius).to.equal(0);
    expect(calls[0]!.from).to.equal(new Date(Date.parse(NOW) - 90 * DAY).toISOString());
    const radio = $$<HTMLInputElement>(el, 'input[type="radio"]').find((r) => r.value === '30')!;
    setTimeout(() => radio.click());
    const event = await oneEvent(el, 'trend-chart-frame-change');
    expect(event.detail).to.deep.equal({ frame: 30, from: '2026-10-02T12:00:00.000Z' });
    await ready(el, 31);
    expect(calls[calls.length - 1]!.from).to.equal('2026-10-02T12:00:00.000Z');
    // 31 points are drawn with dots; 91 were a plain line.
    expect((el.chart!.getDatasetMeta(0).data[0] as unknown as { options: { radius: number } }).options.radius).to.equal(2.5);
    expect(el.frame).to.equal(30);
    expect(el.getAttribute('frame')).to.equal('30');
    $$<HTMLInputElement>(el, 'input[type="radio"]')
      .find((r) => r.value === 'all')!
      .click();
    await ready(el, 200);
    expect('from' in calls[calls.length - 1]!, 'all asks without from').to.equal(false);
  });

  it('does not fire the frame event when the property is set', async () => {
    const el = await chart(withHistory(daily(40, (i) => i)), 'do-not-contact');
    await ready(el);
    let fired = 0;
    el.addEventListener('trend-chart-frame-change', () => fired++);
    el.frame = 30;
    await ready(el, 31);
    expect(fired).to.equal(0);
    el.setAttribute('frame', 'nonsense');
    await el.updateComplete;
    expect(el.frame).to.equal(90);
  });

  it('shows a provider failure with Retry, and recovers', async () => {
    const base = withHistory(daily(20, (i) => i));
    let fail = true;
    const flaky = Object.assign(Object.create(base) as SegmentProvider, {
      trend: (id: string, opts?: TrendOptions) =>
        fail ? Promise.reject(new SegmentProviderError('unavailable', 'The analytics service is down.')) : base.trend(id, opts),
    });
    const el = await chart(flaky, 'do-not-contact');
    await until(() => !!$(el, '[part~="retry"]'), 3000, 'the error');
    expect(text($(el, '[role="alert"] p'))).to.equal('The trend could not be loaded: The analytics service is down.');
    expect(text($(el, '[part~="title"]')), 'the heading still names the segment').to.equal('Members of Do not contact over time');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part~="retry"]')!.click();
    await ready(el, 20);
    expect($(el, '[role="alert"]')).to.equal(null);
  });

  it('turns a malformed answer into an error, and skips unreadable points', async () => {
    const base = withHistory([]);
    let answer: unknown = { not: 'a list' };
    const odd = Object.assign(Object.create(base) as SegmentProvider, { trend: () => Promise.resolve(answer) });
    const el = await chart(odd, 'do-not-contact');
    await until(() => !!$(el, '[part~="retry"]'), 3000, 'the error');
    expect(text($(el, '[role="alert"] p'))).to.contain('did not answer with a list of points');
    answer = [
      { date: '2026-10-31T12:00:00Z', count: 5 },
      { date: 'yesterday', count: 3 },
      { date: '2026-10-30T12:00:00Z', count: Number.NaN },
      null,
      { date: '2026-10-29T12:00:00Z', count: 4 },
    ];
    $(el, '[part~="retry"]')!.click();
    await ready(el, 2);
    expect(el.points).to.deep.equal([
      { date: '2026-10-29T12:00:00Z', count: 4 },
      { date: '2026-10-31T12:00:00Z', count: 5 },
    ]);
  });

  it('keeps the latest frame’s answer when an older one arrives late', async () => {
    const base = withHistory(daily(200, (i) => i));
    const pending: { from: string | undefined; release: () => void }[] = [];
    const slow = Object.assign(Object.create(base) as SegmentProvider, {
      trend: (id: string, opts: TrendOptions = {}) =>
        new Promise<TrendPoint[]>((resolve, reject) => {
          pending.push({
            from: opts.from as string | undefined,
            release: () => void base.trend(id, { from: opts.from }).then(resolve, reject),
          });
        }),
    });
    const el = await chart(slow, 'do-not-contact');
    await until(() => pending.length === 1, 3000, 'the first call');
    el.frame = 30;
    await until(() => pending.length === 2, 3000, 'the second call');
    pending[1]!.release();
    await ready(el, 31);
    pending[0]!.release();
    await new Promise((r) => setTimeout(r, 100));
    expect(drawn(el)).to.equal('31');
    expect(el.points.length).to.equal(31);
  });

  it('shows a hostile segment name as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const el = await chart(
      withHistory(
        daily(5, (i) => i),
        { displayName: hostile },
      ),
      'do-not-contact',
    );
    await ready(el, 5);
    // The name comes from its own call (getSegment), which may answer after the points.
    await until(() => text($(el, '[part~="title"]')) === `Members of ${hostile} over time`, 5000, 'the title with the name');
    expect(text($(el, '[part~="title"]'))).to.equal(`Members of ${hostile} over time`);
    expect($(el, '[part~="plot"]')!.getAttribute('aria-label')).to.contain(hostile);
    expect($$(el, 'img').length).to.equal(0);
  });

  it('shows the data as a table instead of the chart, and back', async () => {
    const points = daily(12, (i) => 50 + 2 * i);
    const el = await chart(withHistory(points), 'do-not-contact', { frame: '30' });
    await ready(el, 12);
    const toggle = $(el, '[part~="view-toggle"]')!;
    expect(text(toggle)).to.equal('Show as table');
    toggle.click();
    await el.updateComplete;
    expect(el.view).to.equal('table');
    expect($(el, 'canvas')).to.equal(null);
    expect(el.chart, 'the chart is destroyed').to.equal(undefined);
    const rows = $$(el, 'table[part~="table"] tbody tr').map((tr) => [...tr.children].map((c) => text(c)));
    expect(rows.length).to.equal(12);
    expect(rows[0]).to.deep.equal([dateOf(points[0]!.date), '50', '—']);
    expect(rows[1]).to.deep.equal([dateOf(points[1]!.date), '52', '+2']);
    expect($(el, '.scroll')!.getAttribute('role')).to.equal('region');
    await expect(el).to.be.accessible();
    expect(text($(el, '[part~="view-toggle"]'))).to.equal('Show as chart');
    $(el, '[part~="view-toggle"]')!.click();
    await ready(el, 12);
  });

  it('takes its colours from the tokens and restyles on a theme switch', async () => {
    const style = document.createElement('style');
    style.id = 'theme-under-test';
    style.textContent = `:root { --sk-color-accent: light-dark(rgb(36, 87, 197), rgb(143, 176, 255));
        --sk-color-accent-text: light-dark(#fff, #10131a); color-scheme: light; }
      [data-sk-theme='dark'] { color-scheme: dark; }`;
    document.head.append(style);
    const el = await chart(withHistory(daily(20, (i) => i)), 'do-not-contact');
    await ready(el, 20);
    const line = () => el.chart!.data.datasets[0]!.borderColor;
    expect(line()).to.equal('rgb(36, 87, 197)');
    document.documentElement.dataset.skTheme = 'dark';
    await until(() => line() === 'rgb(143, 176, 255)', 2000, 'the dark accent');
    // A token set on an ancestor's style attribute is noticed too.
    const box = el.parentElement!;
    box.style.setProperty('--sk-trend-chart-line', 'rgb(200, 10, 20)');
    await until(() => line() === 'rgb(200, 10, 20)', 2000, 'the line token');
    // A stylesheet change is not observed: restyle() reads the tokens again.
    style.textContent += `trend-chart { --sk-trend-chart-fill: rgb(1, 2, 3); }`;
    el.restyle();
    expect(el.chart!.data.datasets[0]!.backgroundColor).to.equal('rgb(1, 2, 3)');
    await expect(el).to.be.accessible();
    el.view = 'table';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('decimates 2,000 points to about one per pixel', async () => {
    const el = await chart(withHistory(daily(2000, (i) => 1000 + (i % 37))), 'do-not-contact', { frame: 'all' });
    await ready(el, 2000);
    const shown = el.chart!.data.datasets[0]!.data.length;
    expect(shown <= el.chart!.width && shown > 100, `${shown} points drawn at ${el.chart!.width} px`).to.equal(true);
    expect(el.points.length).to.equal(2000);
  });

  it('follows its container’s width', async () => {
    const el = await chart(withHistory(daily(20, (i) => i)), 'do-not-contact');
    await ready(el, 20);
    const box = el.parentElement!;
    box.style.width = '600px';
    await until(() => el.chart!.width === 600, 2000, '600 px wide');
    box.style.width = '360px';
    await until(() => el.chart!.width === 360, 2000, '360 px wide');
  });

  it('stops watching the theme when disconnected', async () => {
    const el = await chart(withHistory(daily(20, (i) => i)), 'do-not-contact');
    await ready(el, 20);
    let restyled = 0;
    el.restyle = () => void restyled++;
    document.documentElement.dataset.skTheme = 'dark';
    await until(() => restyled === 1, 2000, 'a restyle while connected');
    el.remove();
    document.documentElement.dataset.skTheme = 'light';
    await new Promise((r) => setTimeout(r, 100));
    expect(restyled).to.equal(1);
  });

  it('destroys the chart on disconnect and draws it again on reconnect', async () => {
    const el = await chart(withHistory(daily(20, (i) => i)), 'do-not-contact');
    await ready(el, 20);
    const first = el.chart!;
    const box = el.parentElement!;
    el.remove();
    expect(el.chart).to.equal(undefined);
    expect(first.canvas === null || first.ctx === null, 'the old chart was destroyed').to.equal(true);
    box.append(el);
    await until(() => el.chart !== undefined, 3000, 'a new chart');
    expect(el.chart !== first, 'a new chart').to.equal(true);
  });
});
