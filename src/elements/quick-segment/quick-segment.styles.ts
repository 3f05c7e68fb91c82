import { css } from 'lit';

export const quickSegmentStyles = css`
  :host {
    display: block;
    --_gap: var(--sk-quick-segment-gap, 1rem);
    --_bar: var(--sk-quick-segment-bar-color, var(--_color-accent));
    --_bar-pressed: var(--sk-quick-segment-bar-pressed-color, var(--_color-text));
    --_track: var(--sk-quick-segment-track-color, var(--_color-surface-sunken));
    --_histogram-height: var(--sk-quick-segment-histogram-height, 8rem);
    color-scheme: inherit;
  }
  .base {
    display: grid;
    gap: var(--_gap);
    padding: var(--_gap);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .title {
    margin: 0;
    font-size: 1.125rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .step {
    font-weight: 600;
  }
  .note,
  .muted {
    color: var(--_color-text-muted);
  }
  .note {
    margin: 0;
    font-size: 0.8125rem;
  }
  .state {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .state[role='alert'] {
    color: var(--_color-danger);
  }
  .state[role='alert'] p {
    margin: 0 0 0.5rem;
  }
  .insights {
    display: grid;
    gap: var(--_gap);
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
  }
  .block {
    display: grid;
    gap: 0.375rem;
    min-inline-size: 0;
  }
  .block-title {
    margin: 0;
    font-size: 0.9375rem;
  }
  .facts p {
    margin: 0;
  }
  .top {
    display: grid;
    gap: 0.25rem;
  }
  .top-value {
    display: grid;
    grid-template-columns: minmax(6rem, 14rem) minmax(4rem, 1fr) 9rem 3.5rem;
    align-items: center;
    gap: 0.5rem;
    inline-size: 100%;
    text-align: start;
    background: var(--_color-surface);
  }
  .top-value[aria-pressed='true'] {
    border-color: var(--_color-accent);
    background: var(--_color-accent-soft);
    box-shadow: inset 0 0 0 1px var(--_color-accent);
  }
  .top-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .top-count,
  .top-share {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  svg.bar {
    display: block;
    inline-size: 100%;
    block-size: 0.625rem;
  }
  /* A horizontal bar grows from the start edge: the right one, right-to-left. */
  :host(:dir(rtl)) .top-value svg.bar {
    transform: scaleX(-1);
  }
  svg.bar .track {
    fill: var(--_track);
  }
  svg.bar .fill {
    fill: var(--_bar);
  }
  [aria-pressed='true'] svg.bar .fill {
    fill: var(--_bar-pressed);
  }
  .bars {
    display: flex;
    align-items: stretch;
    gap: 2px;
    block-size: var(--_histogram-height);
  }
  .hbar {
    flex: 1 1 0;
    min-inline-size: 0.5rem;
    min-block-size: 0;
    padding: 0;
    border-color: transparent;
    background: transparent;
  }
  .hbar svg.bar {
    block-size: 100%;
  }
  .hbar[aria-pressed='true'] {
    border-color: var(--_color-accent);
    background: var(--_color-accent-soft);
  }
  .axis {
    display: flex;
    gap: 2px;
    font-size: 0.75rem;
    color: var(--_color-text-muted);
  }
  .tick {
    flex: 1 1 0;
    min-inline-size: 0.5rem;
    white-space: nowrap;
    overflow: visible;
  }
  .percentiles {
    justify-self: start;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .percentiles th,
  .percentiles td {
    padding: 0.25rem 0.625rem;
    border: 1px solid var(--_color-border);
    text-align: end;
  }
  .percentiles th[scope='row'] {
    text-align: start;
  }
  .size {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
  .size strong {
    font-size: 1.125rem;
  }
  .stale {
    opacity: 0.6;
  }
  .form {
    display: grid;
    gap: 0.5rem;
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .input {
    display: grid;
    align-content: start;
    gap: 0.25rem;
    flex: 1 1 14rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
  }
  .form p {
    margin: 0;
  }
  .saved {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  @media (forced-colors: active) {
    svg.bar .fill {
      fill: CanvasText;
    }
    [aria-pressed='true'] svg.bar .fill {
      fill: Highlight;
    }
  }
`;
