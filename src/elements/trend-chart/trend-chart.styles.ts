import { css } from 'lit';

export const trendStyles = css`
  :host {
    display: block;
    --_color-success: var(--sk-color-success, #1b7a3d);
    --_height: var(--sk-trend-chart-height, 16rem);
    --_line: var(--sk-trend-chart-line, var(--_color-accent));
    --_fill: var(--sk-trend-chart-fill, var(--_color-accent-soft));
    --_table-max-height: var(--sk-trend-chart-table-max-height, 20rem);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.5rem 1.5rem;
  }
  .title {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0;
  }
  .figure dt {
    color: var(--_color-text-muted);
    font-size: 0.8125em;
  }
  .figure dd {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .growth {
    display: flex;
    align-items: baseline;
    gap: 0.35rem;
    flex-wrap: wrap;
  }
  .growth .arrow {
    font-size: 0.75em;
    color: var(--_color-text-muted);
  }
  .growth.up .arrow {
    color: var(--_color-success);
  }
  .growth.down .arrow {
    color: var(--_color-danger);
  }
  .growth .since {
    font-size: 0.8125rem;
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block: 0.75rem 0.5rem;
  }
  .frames {
    display: inline-flex;
    flex-wrap: wrap;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .frame {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: 2rem;
    padding: 0.25rem 0.65rem;
    border: 1px solid var(--_color-border);
    margin-inline-start: -1px;
    background: var(--_color-surface);
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }
  .frame:first-of-type {
    margin-inline-start: 0;
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .frame:last-of-type {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .frame input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .frame:hover {
    background: var(--_color-surface-raised);
  }
  .frame:has(input:checked) {
    z-index: 1;
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-accent-text);
  }
  .frame:has(input:focus-visible) {
    z-index: 2;
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .data.stale {
    opacity: 0.6;
  }
  .plot {
    position: relative;
    block-size: var(--_height);
    inline-size: 100%;
    border-radius: var(--_radius);
    touch-action: pan-y;
  }
  .plot canvas {
    position: absolute;
    top: 0;
    left: 0;
  }
  .marker,
  .tooltip {
    display: none;
  }
  .plot[data-reading] .marker,
  .plot[data-reading] .tooltip {
    display: block;
  }
  .marker {
    position: absolute;
    left: var(--_marker-x, 0);
    top: var(--_marker-y, 0);
    inline-size: 0.75rem;
    block-size: 0.75rem;
    margin: -0.375rem 0 0 -0.375rem;
    border: 2px solid var(--_color-surface);
    border-radius: 50%;
    background: var(--_line);
    box-shadow: 0 0 0 1px var(--_line);
    pointer-events: none;
  }
  .tooltip {
    position: absolute;
    left: var(--_tip-x, 0);
    top: var(--_tip-y, 0);
    padding: 0.3rem 0.55rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
    white-space: nowrap;
    pointer-events: none;
    font-size: 0.8125rem;
  }
  .tooltip span {
    display: block;
  }
  .tip-count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .scroll {
    max-block-size: var(--_table-max-height);
  }
  th,
  td {
    white-space: nowrap;
    font-weight: 400;
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_color-surface-raised);
    font-weight: 600;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .state {
    padding: 1rem;
    color: var(--_color-text-muted);
  }
  .state.loading,
  .state.empty {
    display: flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_height);
    margin: 0;
    border: 1px dashed var(--_color-border);
    border-radius: var(--_radius);
  }
  .state.error {
    color: var(--_color-danger);
  }
  .state p {
    margin-block: 0 0.5rem;
  }
  .probes {
    display: none;
  }
  .probe.line {
    color: var(--_line);
  }
  .probe.fill {
    color: var(--_fill);
  }
  .probe.grid {
    color: var(--_color-border);
  }
  .probe.text {
    color: var(--_color-text-muted);
  }
  @media (forced-colors: active) {
    .frame:has(input:checked) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .probe.line {
      color: CanvasText;
    }
    .probe.fill {
      color: Canvas;
    }
    .probe.grid,
    .probe.text {
      color: GrayText;
    }
  }
`;
