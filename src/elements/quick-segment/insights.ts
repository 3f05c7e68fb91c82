/**
 * The insights of `<quick-segment>`: the top values as a bar list, the distribution of a
 * number or a date as a histogram, percentiles and range, and a boolean's true / false /
 * empty counts. Every bar is a button (`aria-pressed`) in a group with one tab stop
 * (arrows, Home and End move; Shift with an arrow, Enter or Space extends a range of
 * bars). Bar lengths are SVG attributes, never inline styles. Values are text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AttributeDef, ConditionNode } from '../../core/model/types.js';
import type { AttributeStats, AttributeValueStat, DateHistogramBin, HistogramBin } from '../../core/provider/types.js';
import { currentTranslator, term } from '../shared/messages.js';
import { listValues, sameScalar, valueLabel } from '../shared/value-editors/values.js';

type Bin = HistogramBin | DateHistogramBin;
export type InsightGroup = 'top' | 'bars' | 'bool';
export type BooleanChoice = 'isTrue' | 'isFalse' | 'isEmpty';

export interface InsightView {
  stats: AttributeStats;
  attr: AttributeDef;
  condition: ConditionNode | undefined;
  /** The related entity's label (counts are then customers with at least one such row), or undefined for the audience. */
  relatedLabel: string | undefined;
  /** A related entity's counts are rows, not customers (a provider whose stats do not say `related: true`). */
  rowCounts: boolean;
  /** The roving focus of each group. */
  focus: Record<InsightGroup, number>;
  onTop(value: unknown): void;
  onBar(index: number, extend: boolean): void;
  onBoolean(choice: BooleanChoice): void;
  onKeydown(group: InsightGroup, count: number, e: KeyboardEvent): void;
  /** Focus came to a button of a group (by keyboard or pointer): it becomes the group's tab stop. */
  onFocus(group: InsightGroup, e: FocusEvent): void;
}

const fmt = () => currentTranslator().format;
const num = (n: number | null | undefined) => (typeof n === 'number' ? fmt().number(n, { maximumFractionDigits: 2 }) : '—');
const day = (iso: string | null | undefined) => (iso ? fmt().date(iso) : '—');

/** A bar's length in an SVG of 100 units. */
function bar(count: number, max: number, vertical: boolean): TemplateResult {
  const size = max > 0 ? Math.max(count > 0 ? 1.5 : 0, (count / max) * 100) : 0;
  return vertical
    ? html`<svg class="bar" viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true" part="bar">
        <rect class="track" width="10" height="100"></rect>
        <rect class="fill" y=${100 - size} width="10" height=${size}></rect>
      </svg>`
    : html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" part="bar">
        <rect class="track" width="100" height="10"></rect>
        <rect class="fill" width=${size} height="10"></rect>
      </svg>`;
}

const tabIndex = (view: InsightView, group: InsightGroup, i: number, count: number) =>
  i === Math.min(Math.max(0, view.focus[group]), count - 1) ? 0 : -1;

/** Is a top value in the condition (one of an `in` list, or what `equals` compares to)? */
function topPressed(c: ConditionNode | undefined, value: unknown): boolean {
  if (!c) return false;
  if (c.operator === 'in') return listValues(c.value).some((v) => sameScalar(v, value));
  if (c.operator === 'equals') return sameScalar(c.value, value);
  return false;
}

/** The bars a `between` covers (by their bounds). */
function barPressed(c: ConditionNode | undefined, b: Bin): boolean {
  if (!c || c.operator !== 'between' || !Array.isArray(c.value)) return false;
  const [lo, hi] = c.value;
  if (typeof b.from === 'number') return typeof lo === 'number' && typeof hi === 'number' && b.from >= lo && (b.to as number) <= hi;
  return typeof lo === 'string' && typeof hi === 'string' && b.from >= lo.slice(0, 10) && (b.to as string) <= hi.slice(0, 10);
}

function relatedNote(view: InsightView) {
  if (!view.relatedLabel) return nothing;
  const key = view.rowCounts ? 'quick.insights.relatedRows' : 'quick.insights.related';
  return html`<p class="note" part="note">${term(key, { entity: view.relatedLabel })}</p>`;
}

/** A count as customers, or as rows for a provider that counts a related entity's rows. */
const countText = (view: InsightView, count: number) =>
  view.rowCounts ? term('quick.insights.rowsOf', { count }) : term('quick.customers', { count });

function topList(view: InsightView, top: readonly AttributeValueStat[], distinct: number | undefined): TemplateResult {
  const total = view.stats.customers ?? 0;
  const max = Math.max(0, ...top.map((t) => t.count));
  const more = (distinct ?? top.length) - top.length;
  return html`<section class="block" aria-labelledby="top-title">
    <h3 id="top-title" class="block-title">${term('quick.top.title')}</h3>
    <p class="note" id="top-hint">${term('quick.top.hint')}</p>
    ${
      top.length === 0
        ? html`<p class="note">${term('quick.insights.none')}</p>`
        : html`<div
            class="top"
            role="group"
            part="top-values"
            aria-labelledby="top-title"
            aria-describedby="top-hint"
            @keydown=${(e: KeyboardEvent) => view.onKeydown('top', top.length, e)}
            @focusin=${(e: FocusEvent) => view.onFocus('top', e)}
          >
            ${top.map(
              (t, i) =>
                html`<button
                  type="button"
                  class="top-value"
                  part="top-value"
                  data-group="top"
                  data-index=${i}
                  tabindex=${tabIndex(view, 'top', i, top.length)}
                  aria-pressed=${topPressed(view.condition, t.value) ? 'true' : 'false'}
                  @click=${() => view.onTop(t.value)}
                >
                  <span class="top-label">${t.label ?? valueLabel(view.attr, t.value)}</span>
                  ${bar(t.count, max, false)}
                  <span class="top-count">${countText(view, t.count)}</span>
                  <span class="top-share muted">${term('quick.share', { count: t.count, total })}</span>
                </button>`,
            )}
          </div>`
    }
    ${more > 0 ? html`<p class="note">${term('quick.top.more', { count: more })}</p>` : nothing}
  </section>`;
}

function binText(b: Bin, unit: 'month' | 'year' | undefined): { from: string; to: string; short: string } {
  if (typeof b.from === 'number') return { from: num(b.from), to: num(b.to as number), short: num(b.from) };
  const f = fmt();
  const opts: Intl.DateTimeFormatOptions =
    unit === 'year' ? { year: 'numeric', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' };
  return { from: day(b.from), to: day(b.to as string), short: f.date(b.from, opts) };
}

function histogram(view: InsightView, bins: readonly Bin[], unit?: 'month' | 'year'): TemplateResult {
  const max = Math.max(0, ...bins.map((b) => b.count));
  const texts = bins.map((b) => binText(b, unit));
  const label = (b: Bin, i: number) => term('quick.bar', { from: texts[i]!.from, to: texts[i]!.to, count: b.count, rows: view.rowCounts });
  const every = Math.max(1, Math.ceil(bins.length / 8));
  return html`<section class="block" aria-labelledby="bars-title">
    <h3 id="bars-title" class="block-title">
      ${term('quick.histogram.title')}${
        unit ? html` <span class="muted">· ${term(unit === 'year' ? 'quick.histogram.byYear' : 'quick.histogram.byMonth')}</span>` : nothing
      }
    </h3>
    <p class="note" id="bars-hint">${term('quick.histogram.hint')}</p>
    ${
      bins.length === 0
        ? html`<p class="note">${term('quick.insights.none')}</p>`
        : html`<div
              class="bars"
              role="group"
              part="histogram"
              aria-labelledby="bars-title"
              aria-describedby="bars-hint"
              @keydown=${(e: KeyboardEvent) => view.onKeydown('bars', bins.length, e)}
              @focusin=${(e: FocusEvent) => view.onFocus('bars', e)}
            >
              ${bins.map(
                (b, i) =>
                  html`<button
                    type="button"
                    class="hbar"
                    part="histogram-bar"
                    data-group="bars"
                    data-index=${i}
                    tabindex=${tabIndex(view, 'bars', i, bins.length)}
                    aria-pressed=${barPressed(view.condition, b) ? 'true' : 'false'}
                    aria-label=${label(b, i)}
                    title=${label(b, i)}
                    @click=${(e: MouseEvent) => view.onBar(i, e.shiftKey)}
                  >
                    ${bar(b.count, max, true)}
                  </button>`,
              )}
            </div>
            <div class="axis" aria-hidden="true">
              ${bins.map((_, i) => html`<span class="tick">${i % every === 0 ? texts[i]!.short : ''}</span>`)}
            </div>`
    }
  </section>`;
}

function numberFacts(view: InsightView, s: Extract<AttributeStats, { type: 'number' }>): TemplateResult {
  const keys = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;
  return html`<section class="block facts" aria-labelledby="facts-title">
    <h3 id="facts-title" class="block-title">${term('quick.range')}</h3>
    <p part="range">${term('quick.range.value', { from: num(s.min), to: num(s.max) })} · ${term('quick.mean')} ${num(s.mean)}</p>
    <table part="percentiles" class="percentiles">
      <thead>
        <tr>
          <th scope="row">${term('quick.percentile')}</th>
          ${keys.map((k) => html`<th scope="col">${term(`quick.percentile.${k}`)}</th>`)}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">${term('quick.percentile.value')}</th>
          ${keys.map((k) => html`<td>${num(s.percentiles[k])}</td>`)}
        </tr>
      </tbody>
    </table>
    ${view.relatedLabel ? html`<p class="note">${term('quick.percentiles.related', { entity: view.relatedLabel })}</p>` : nothing}
  </section>`;
}

function booleans(view: InsightView, s: Extract<AttributeStats, { type: 'string' | 'boolean' }>): TemplateResult {
  const counts = s.counts ?? {
    true: s.top.find((t) => t.value === true)?.count ?? 0,
    false: s.top.find((t) => t.value === false)?.count ?? 0,
    empty: s.empty ?? s.nulls,
  };
  const choices: [BooleanChoice, 'true' | 'false' | 'empty'][] = [
    ['isTrue', 'true'],
    ['isFalse', 'false'],
    ['isEmpty', 'empty'],
  ];
  const max = Math.max(counts.true, counts.false, counts.empty);
  const total = s.customers ?? 0;
  return html`<section class="block" aria-labelledby="bool-title">
    <h3 id="bool-title" class="block-title">${term('quick.boolean.title')}</h3>
    <div
      class="top"
      role="group"
      part="boolean"
      aria-labelledby="bool-title"
      @keydown=${(e: KeyboardEvent) => view.onKeydown('bool', 3, e)}
      @focusin=${(e: FocusEvent) => view.onFocus('bool', e)}
    >
      ${choices.map(
        ([op, key], i) =>
          html`<button
            type="button"
            class="top-value"
            part="boolean-value"
            data-group="bool"
            data-index=${i}
            tabindex=${tabIndex(view, 'bool', i, 3)}
            aria-pressed=${view.condition?.operator === op ? 'true' : 'false'}
            @click=${() => view.onBoolean(op)}
          >
            <span class="top-label">${term(`quick.boolean.${key}`)}</span>
            ${bar(counts[key], max, false)}
            <span class="top-count">${countText(view, counts[key])}</span>
            <span class="top-share muted">${term('quick.share', { count: counts[key], total })}</span>
          </button>`,
      )}
    </div>
  </section>`;
}

/** The insights for the stats of the chosen attribute. */
export function insightsTemplate(view: InsightView): TemplateResult {
  const s = view.stats;
  if (s.type === 'number') {
    return html`${s.top?.length ? topList(view, s.top, s.distinct) : nothing}${numberFacts(view, s)}
    ${s.histogram && !s.top?.length ? histogram(view, s.histogram) : nothing}${relatedNote(view)}`;
  }
  if (s.type === 'date') {
    return html`<section class="block facts" aria-labelledby="facts-title">
        <h3 id="facts-title" class="block-title">${term('quick.range')}</h3>
        <p part="range">${term('quick.range.value', { from: day(s.min), to: day(s.max) })}</p>
      </section>
      ${s.histogram ? histogram(view, s.histogram, s.unit) : nothing}${relatedNote(view)}`;
  }
  if (s.type === 'boolean') return html`${booleans(view, s)}${relatedNote(view)}`;
  return html`${topList(view, s.top, s.distinct)}${relatedNote(view)}`;
}

/** The bounds of bars `a` through `b` (in either order), as a `between` value. */
export function barsRange(bins: readonly Bin[], a: number, b: number): [number, number] | [string, string] | undefined {
  const lo = bins[Math.min(a, b)];
  const hi = bins[Math.max(a, b)];
  if (!lo || !hi) return undefined;
  return [lo.from, hi.to] as [number, number] | [string, string];
}

/** The bars of the stats (numeric or date histogram), if any. */
export function binsOf(stats: AttributeStats | undefined): readonly Bin[] {
  if (!stats) return [];
  return stats.type === 'number' || stats.type === 'date' ? (stats.histogram ?? []) : [];
}
