/** `<trend-chart>`'s templates without state: the headline figures and the data table. */
import { html, nothing, type TemplateResult } from 'lit';
import { currentTranslator, term } from '../shared/messages.js';
import type { Growth, SeriesPoint } from './series.js';

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
const SIGNED: Intl.NumberFormatOptions = { signDisplay: 'exceptZero' };

/** The current count and the growth over the last week, signed, as a number and a percent. */
export function renderFigures(series: readonly SeriesPoint[], growth: Growth | undefined): TemplateResult {
  const f = currentTranslator().format;
  const last = series[series.length - 1]!;
  const trend = !growth ? 'none' : growth.change > 0 ? 'up' : growth.change < 0 ? 'down' : 'flat';
  return html`<dl part="figures" class="figures">
    <div class="figure">
      <dt>${term('trend.current')}</dt>
      <dd class="value" data-value=${last.count}>${f.number(last.count)}</dd>
    </div>
    <div class="figure">
      <dt>${term('trend.growth')}</dt>
      <dd part="growth" class="value growth ${trend}" data-change=${growth ? growth.change : ''}>
        ${
          growth
            ? html`<span class="arrow" aria-hidden="true">${trend === 'up' ? '▲' : trend === 'down' ? '▼' : '■'}</span>
                <span class="change"
                  ><bdi>${term('trend.growth.change', { change: growth.change })}</bdi>${
                    growth.percent === undefined ? nothing : html` <bdi>${term('trend.growth.percent', { percent: growth.percent })}</bdi>`
                  }</span
                >
                <span class="since">${term('trend.growth.since', { date: growth.since })}</span>`
            : html`<span class="since">${term('trend.growth.none')}</span>`
        }
      </dd>
    </div>
  </dl>`;
}

/**
 * The points as a table (date, members, change from the point before). Shown instead of
 * the chart, or visually hidden beside it so that a screen reader finds the data.
 */
export function renderTable(series: readonly SeriesPoint[], caption: string, shown: boolean): TemplateResult {
  const f = currentTranslator().format;
  return html`<div
    class=${shown ? 'scroll' : 'visually-hidden'}
    tabindex=${shown ? '0' : nothing}
    role=${shown ? 'region' : nothing}
    aria-label=${shown ? caption : nothing}
  >
    <table part="table">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${term('trend.table.date')}</th>
          <th scope="col" class="num">${term('trend.table.count')}</th>
          <th scope="col" class="num">${term('trend.table.change')}</th>
        </tr>
      </thead>
      <tbody>
        ${series.map((p, i) => {
          const before = series[i - 1];
          return html`<tr>
            <th scope="row">${f.date(p.date, DAY)}</th>
            <td class="num">${f.number(p.count)}</td>
            <td class="num"><bdi>${before ? f.number(p.count - before.count, SIGNED) : '—'}</bdi></td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
