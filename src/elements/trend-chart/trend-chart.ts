import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { trend as trendWords } from '../../core/messages/en/trend.js';
import { addEnglish } from '../../core/messages/translator.js';
import { DAY_MS, toInstant } from '../../core/model/dates.js';
import type { SegmentProvider } from '../../core/provider/types.js';
import { SegmentKitElement } from '../shared/base.js';
import { AnnouncerController } from '../shared/controllers/announcer.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { messageOf } from '../shared/errors.js';
import { emit } from '../shared/events.js';
import { term } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import { tableStyles } from '../shared/table-styles.js';
import type { TrendChartStyle } from './chart.js';
import { PlotController, loadChart } from './plot.js';
import { ReadingController } from './reading.js';
import {
  DEFAULT_TREND_FRAME,
  frameFrom,
  toFrame,
  toSeries,
  TREND_FRAMES,
  weeklyGrowth,
  type SeriesPoint,
  type TrendFrame,
} from './series.js';
import { trendStyles } from './trend-chart.styles.js';
import { readStyle, sameStyle, ThemeController } from './theme.js';
import { renderFigures, renderTable } from './views.js';

export { DEFAULT_TREND_FRAME, TREND_FRAMES, type TrendFrame } from './series.js';

addEnglish(trendWords);

type TrendArgs = [provider: SegmentProvider, segmentId: string, frame: TrendFrame, now: unknown];

/** What one load gave: the points in time order and the `from` asked for. */
export interface TrendLoaded {
  series: SeriesPoint[];
  from: string | undefined;
}

const frameConverter = { fromAttribute: (v: string | null) => toFrame(v), toAttribute: (v: TrendFrame) => String(v) };

/**
 * `<trend-chart>`: a segment's member count over time (`provider.trend`) as a chart.js
 * line chart, with the current count and the growth over the last week, time frames of
 * 30, 60, 90, 180 and 365 days and all, a point read by hovering or with the arrow keys
 * (a tooltip, announced politely), and a data table that can be shown instead of the
 * chart (and is what a screen reader reads). chart.js loads on demand, with this element
 * only; colours come from the `--sk-*` tokens and follow a theme switch.
 *
 * A frame of N days asks the provider for points `from` N days before `now` (the `now`
 * property, else the current time): give it the clock your provider runs on (the memory
 * provider's `now`; the sample provider's `dataset.now`).
 *
 * Keys, with the chart focused: Left and Right move one point in the direction they
 * point (right-to-left too: time runs from right to left there), Home and End go to the
 * first and latest points, PageUp and PageDown a week back and forward, Escape hides the
 * reading.
 *
 * @tagname trend-chart
 * @event {CustomEvent<TrendChartFrameChangeDetail>} trend-chart-frame-change - The person chose another time frame: `{ frame, from }`; the chart reloads.
 * @csspart title - the heading (the label)
 * @csspart figures - the headline figures (current count, growth over the last week)
 * @csspart growth - the growth figure
 * @csspart frames - the time-frame radio group
 * @csspart frame - one time frame's label
 * @csspart view-toggle - the "Show as table" / "Show as chart" button
 * @csspart plot - the chart's box (focusable; `role="img"` with a summary)
 * @csspart canvas - the chart's canvas
 * @csspart tooltip - the reading of a point
 * @csspart marker - the dot on the point read
 * @csspart table - the data table
 * @csspart state - the loading, empty, error and no-provider messages
 * @csspart loading - the state while the history loads (beside `state`)
 * @csspart empty - the state of a segment without history (beside `state`)
 * @csspart error - the state of a failed answer (beside `state`)
 * @csspart retry - the error state's Retry button
 * @cssprop --sk-trend-chart-height - the chart's height (default 16rem)
 * @cssprop --sk-trend-chart-line - the line's colour (default `--sk-color-accent`)
 * @cssprop --sk-trend-chart-fill - the area's colour (default `--sk-color-accent-soft`)
 * @cssprop --sk-trend-chart-table-max-height - the data table's maximum height before it scrolls (default 20rem)
 */
export class TrendChartElement extends SegmentKitElement {
  static override styles = [baseStyles, tableStyles, trendStyles];

  /** The saved segment whose trend is shown. */
  @property({ attribute: 'segment-id' }) segmentId: string | undefined;

  /** The time frame: 30, 60, 90, 180 or 365 days, or `all` (default 90). */
  @property({ reflect: true, converter: frameConverter }) frame: TrendFrame = DEFAULT_TREND_FRAME;

  /** The instant the frames count back from (Date, ISO string or epoch ms; default: the current time). */
  @property() now: Date | string | number | undefined;

  /** The accessible name and heading (default: "Members of <segment> over time", from the provider's segment). */
  @property() label: string | undefined;

  /** Chart or data table. */
  @property({ reflect: true }) view: 'chart' | 'table' = 'chart';

  /** The series whose visually hidden table may be rendered (set after the chart's first paint, so it never delays it). */
  @state() private hiddenTable: readonly SeriesPoint[] | undefined;

  private chartStyle: TrendChartStyle | undefined;
  private tableTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly announcer = new AnnouncerController(this);

  private readonly task = new ProviderTask<TrendArgs, TrendLoaded>(this, {
    args: () => {
      const provider = this.effectiveProvider;
      const id = this.segmentId;
      if (!provider || !id) return undefined;
      return [provider, id, toFrame(this.frame), this.now];
    },
    task: async ([provider, id, frame, now], { signal }) => {
      const from = this.fromFor(frame, now);
      const answer = await provider.trend(id, { signal, ...(from ? { from } : {}) });
      return { series: toSeries(answer, this.msg('trend.badAnswer')), from };
    },
  });

  /** The segment's name for the default heading (asked once per segment, not per frame; none when `label` is set). */
  private readonly segmentName = new ProviderTask<[provider: SegmentProvider, segmentId: string], string | undefined>(this, {
    args: () => {
      const provider = this.effectiveProvider;
      const id = this.segmentId;
      return provider && id && !this.label ? [provider, id] : undefined;
    },
    task: async ([provider, id], { signal }) => {
      const doc = await provider.getSegment(id, { signal }).catch(() => undefined);
      return doc ? doc.displayName || doc.name || doc.id : undefined;
    },
  });

  private readonly plot = new PlotController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas'),
    style: () => this.currentStyle(),
    format: {
      date: (t, span) =>
        this.locale.translator.format.date(t, {
          timeZone: 'UTC',
          ...(span > 300 * DAY_MS ? { month: 'short', year: 'numeric' } : { month: 'short', day: 'numeric' }),
        }),
      count: (n) => this.locale.translator.format.number(n, { notation: 'compact' }),
    },
    drawn: (points) => {
      const canvas = this.renderRoot.querySelector('canvas');
      if (canvas) canvas.dataset.points = String(points);
      this.scheduleHiddenTable();
    },
    changed: () => this.reading.place(),
  });

  protected readonly theme = new ThemeController(this, () => this.restyle());

  private readonly reading = new ReadingController(this, {
    series: () => this.task.value?.series ?? [],
    plot: () => this.renderRoot.querySelector<HTMLElement>('.plot'),
    handle: () => this.plot.handle,
    rtl: () => getComputedStyle(this).direction === 'rtl',
    announce: (text) => this.inLocale(() => this.announcer.announce(text())),
  });

  /** The chart.js chart once drawn (read-only use: its colours, its image). */
  get chart() {
    return this.plot.handle?.chart;
  }

  /** The points shown, in time order (empty until loaded). */
  get points(): readonly { date: string; count: number }[] {
    return this.task.value?.series.map(({ date, count }) => ({ date, count })) ?? [];
  }

  /** Read the `--sk-*` tokens again and redraw if they changed (theme switches are noticed on their own). */
  restyle(): void {
    const next = readStyle(this, this.renderRoot);
    if (!next || sameStyle(next, this.chartStyle)) return;
    this.chartStyle = next;
    this.plot.setStyle(next);
  }

  /** Load the trend again (after a refresh). */
  reload(): void {
    void this.task.retry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetch chart.js while the points load (a failure shows later, where the chart would be).
    if (this.view === 'chart') loadChart().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.tableTimer !== undefined) clearTimeout(this.tableTimer);
    this.tableTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('frame')) this.frame = toFrame(this.frame);
  }

  protected override updated(): void {
    this.plot.sync(this.view === 'chart' ? this.task.value?.series : undefined);
    this.reading.place();
  }

  /** After the frame that shows the chart, render the table beside it for screen readers. */
  private scheduleHiddenTable(): void {
    const series = this.task.value?.series;
    if (!series || series === this.hiddenTable || this.tableTimer !== undefined) return;
    requestAnimationFrame(() => {
      this.tableTimer = setTimeout(() => {
        this.tableTimer = undefined;
        this.hiddenTable = this.task.value?.series;
      });
    });
  }

  private fromFor(frame: TrendFrame, now: unknown): string | undefined {
    const anchor = toInstant(now as Date | string | number | undefined) ?? Date.now();
    return frameFrom(frame, anchor);
  }

  private currentStyle(): TrendChartStyle | undefined {
    this.chartStyle ??= readStyle(this, this.renderRoot);
    return this.chartStyle;
  }

  private chooseFrame(frame: TrendFrame): void {
    if (frame === this.frame) return;
    this.frame = frame;
    this.reading.clear();
    emit(this, 'trend-chart-frame-change', { frame, from: this.fromFor(frame, this.now) });
  }

  private toggleView(): void {
    this.view = this.view === 'chart' ? 'table' : 'chart';
    this.reading.clear();
  }

  private retry(): void {
    this.plot.clearError();
    void this.task.retry();
    this.requestUpdate();
  }

  // ------------------------------------------------------------------ render

  private heading(): string {
    if (this.label) return this.label;
    const name = this.segmentName.args?.[1] === this.segmentId ? this.segmentName.value : undefined;
    return name ? term('trend.label', { segment: name }) : term('trend.labelPlain');
  }

  protected override render(): TemplateResult {
    return html`${this.renderBody()}${this.announcer.render()}
      <span class="probes" aria-hidden="true"
        ><span class="probe line"></span><span class="probe fill"></span><span class="probe grid"></span><span class="probe text"></span
      ></span>`;
  }

  private renderBody(): TemplateResult {
    if (!this.effectiveProvider) return html`<p part="state" class="state">${term('trend.noProvider')}</p>`;
    if (!this.segmentId) return html`<p part="state" class="state">${term('trend.noSegment')}</p>`;
    const t = this.task;
    const value = t.value;
    const title = this.heading();
    return html`<div class="trend" role="group" aria-labelledby="title" aria-busy=${t.pending ? 'true' : 'false'}>
      <div class="head">
        <h3 id="title" part="title" class="title">${title}</h3>
        ${value && value.series.length ? renderFigures(value.series, weeklyGrowth(value.series)) : nothing}
      </div>
      <div class="controls">${this.renderFrames()}${value && value.series.length ? this.renderToggle() : nothing}</div>
      ${this.renderData(title)}
    </div>`;
  }

  private renderFrames(): TemplateResult {
    const frame = toFrame(this.frame);
    return html`<fieldset part="frames" class="frames">
      <legend class="visually-hidden">${term('trend.frames')}</legend>
      ${TREND_FRAMES.map(
        (f) =>
          html`<label part="frame" class="frame">
            <input type="radio" name="frame" value=${String(f)} .checked=${f === frame} @change=${() => this.chooseFrame(f)} />
            <bdi>${f === 'all' ? term('trend.frame.all') : term('trend.frame.days', { days: f })}</bdi>
          </label>`,
      )}
    </fieldset>`;
  }

  private renderToggle(): TemplateResult {
    return html`<button type="button" part="view-toggle" class="toggle" @click=${this.toggleView}>
      ${this.view === 'chart' ? term('trend.showTable') : term('trend.showChart')}
    </button>`;
  }

  private renderData(title: string): TemplateResult {
    const t = this.task;
    const value = t.value;
    if (t.status === 'error') {
      return html`<div part="state error" class="state error" role="alert">
        <p>${term('trend.error', { message: messageOf(t.error) })}</p>
        <button type="button" part="retry" @click=${this.retry}>${term('trend.retry')}</button>
      </div>`;
    }
    if (!value) return html`<p part="state loading" class="state loading" role="status">${term('trend.loading')}</p>`;
    const series = value.series;
    if (series.length === 0) {
      return t.pending
        ? html`<p part="state loading" class="state loading" role="status">${term('trend.loading')}</p>`
        : html`<p part="state empty" class="state empty">${term('trend.empty')}</p>`;
    }
    const chartFailed = this.plot.error !== undefined;
    const asTable = this.view === 'table' || chartFailed;
    const first = series[0]!;
    const last = series[series.length - 1]!;
    const summary = term('trend.summary', { label: title, first, last, points: series.length });
    return html`<div class=${t.stale ? 'data stale' : 'data'}>
      ${
        chartFailed
          ? html`<div part="state error" class="state error" role="alert">
              <p>${term('trend.chartError', { message: messageOf(this.plot.error) })}</p>
              <button type="button" part="retry" @click=${this.retry}>${term('trend.retry')}</button>
            </div>`
          : nothing
      }
      ${
        this.view === 'chart' && !chartFailed
          ? html`<div
              part="plot"
              class="plot"
              role="img"
              tabindex="0"
              aria-label=${summary}
              @keydown=${this.reading.onKeyDown}
              @pointermove=${this.reading.onPointerMove}
              @pointerleave=${this.reading.onPointerLeave}
              @blur=${this.reading.onBlur}
            >
              <canvas part="canvas"></canvas>
              ${this.reading.render()}
            </div>`
          : nothing
      }
      ${
        // Rendered again only when the points, the title or the view change (not on every hover).
        asTable || this.hiddenTable === series ? guard([series, title, asTable], () => renderTable(series, title, asTable)) : nothing
      }
    </div>`;
  }
}
