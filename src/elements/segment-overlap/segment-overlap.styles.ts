import { css } from 'lit';

export const overlapStyles = css`
  :host {
    display: block;
    --_diagram-size: var(--sk-overlap-diagram-size, 22rem);
  }
  .overlap {
    display: grid;
    gap: 0.75rem;
  }
  .pickers {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .picker {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 14rem;
    flex: 1 1 14rem;
    max-inline-size: 22rem;
  }
  .picker-label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
  }
  .picker-field {
    position: relative;
    display: flex;
    gap: 0.25rem;
  }
  .picker-field input {
    flex: 1;
    min-inline-size: 0;
  }
  .listbox {
    position: absolute;
    z-index: 2;
    inset-block-start: calc(100% + 2px);
    inset-inline: 0;
    max-block-size: 16rem;
    overflow: auto;
    padding-block: 0.25rem;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  }
  .listbox[hidden] {
    display: none;
  }
  .option {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    padding-block: 0.3rem;
    padding-inline: 0.6rem;
    cursor: pointer;
  }
  .option.active {
    background: var(--_color-accent-soft);
    outline: 1px solid var(--_color-accent);
    outline-offset: -1px;
  }
  .option.empty {
    cursor: default;
    color: var(--_color-text-muted);
  }
  .option-hint,
  .muted {
    color: var(--_color-text-muted);
  }
  .option-hint {
    white-space: nowrap;
  }
  .letter {
    display: inline-grid;
    place-items: center;
    inline-size: 1.4rem;
    block-size: 1.4rem;
    border-radius: 50%;
    background: var(--_color-accent);
    color: var(--_color-accent-text);
    font-size: 0.8125em;
    font-weight: 700;
  }
  .state {
    margin: 0;
    padding: 0.75rem;
    border: 1px dashed var(--_color-border);
    border-radius: var(--_radius);
    color: var(--_color-text-muted);
  }
  .state.error {
    color: var(--_color-danger);
    background: var(--_color-danger-soft);
    border-style: solid;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  .state.error p {
    margin: 0;
    flex: 1;
  }
  .state.note {
    border-style: solid;
    color: var(--_color-text);
    background: var(--_color-surface-raised);
  }
  .result {
    display: grid;
    gap: 0.75rem;
  }
  .result.stale {
    opacity: 0.6;
  }
  .figure {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem;
  }
  .diagram {
    inline-size: 100%;
    max-inline-size: var(--_diagram-size);
    block-size: auto;
    flex: 1 1 14rem;
  }
  .region {
    fill: var(--_color-accent);
    transition: fill-opacity 120ms;
  }
  .region.depth-1 {
    fill-opacity: 0.1;
  }
  .region.depth-2 {
    fill-opacity: 0.24;
  }
  .region.depth-3 {
    fill-opacity: 0.4;
  }
  .region.active {
    fill-opacity: 1;
  }
  .outline {
    fill: none;
    stroke: var(--_color-accent);
    stroke-width: 2;
  }
  text {
    fill: var(--_color-text);
    font: inherit;
  }
  text.count {
    font-size: 15px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  text.count.active {
    fill: var(--_color-accent-text);
  }
  text.letter {
    font-size: 16px;
    font-weight: 700;
    fill: var(--_color-accent);
  }
  .legend {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
    flex: 1 1 12rem;
  }
  .legend li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .legend-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  caption {
    caption-side: top;
    text-align: start;
    padding: 0.5rem;
    color: var(--_color-text-muted);
  }
  th,
  td {
    border-block-end: 0;
    border-block-start: 1px solid var(--_color-border);
  }
  thead th {
    background: var(--_color-surface-raised);
    font-weight: 600;
  }
  tbody th {
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  td.action {
    text-align: end;
    white-space: nowrap;
  }
  tbody tr.active {
    background: var(--_color-accent-soft);
  }
  .key {
    display: inline-block;
    min-inline-size: 2.2rem;
    font-weight: 700;
    color: var(--_color-accent);
  }
  @media (forced-colors: active) {
    .region.active {
      fill: Highlight;
    }
    .outline {
      stroke: CanvasText;
    }
    tbody tr.active {
      outline: 2px solid Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .region {
      transition: none;
    }
  }
`;
