import { css } from 'lit';

export const builderStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_gap: var(--sk-segment-builder-gap, 0.75rem);
    --_indent: var(--sk-segment-builder-indent, 1.5rem);
    background: var(--sk-segment-builder-background, transparent);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
    padding-block-end: var(--_gap);
    border-block-end: 1px solid var(--_color-border);
  }
  .toolbar .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .size {
    display: flex;
    align-items: baseline;
    gap: 0.4rem;
  }
  .size strong {
    font-size: 1.4em;
    font-variant-numeric: tabular-nums;
  }
  /* Dimmed, yet still readable (contrast): numbers older than the document. */
  .stale,
  .stale .muted {
    color: var(--_color-text-muted);
    font-style: italic;
  }
  .muted {
    color: var(--_color-text-muted);
  }
  .properties {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_gap);
    padding-block: var(--_gap);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .field label,
  fieldset legend {
    font-weight: 600;
    font-size: 0.85em;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.8rem;
    align-items: center;
  }
  fieldset legend {
    width: 100%;
    padding: 0;
  }
  fieldset label {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    min-height: 2rem;
  }
  textarea {
    min-height: 2.2rem;
    resize: vertical;
  }
  .field-error {
    color: var(--_color-danger);
    font-size: 0.85em;
  }
  .summary {
    margin: 0 0 var(--_gap);
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_color-accent);
    background: var(--_color-surface-raised);
    border-radius: var(--_radius);
  }
  .problems {
    margin: 0 0 var(--_gap);
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_color-danger);
    background: var(--_color-danger-soft);
    border-radius: var(--_radius);
  }
  .problems h2 {
    font-size: 1em;
    margin: 0 0 0.25rem;
  }
  .problems ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }
  .problems button {
    min-height: 1.6rem;
    padding: 0 0.3rem;
    border: 0;
    background: transparent;
    color: inherit;
    text-decoration: underline;
    text-align: start;
  }
  .alert {
    padding: 0.75rem;
    border: 1px solid var(--_color-danger);
    background: var(--_color-danger-soft);
    border-radius: var(--_radius);
    margin-block-end: var(--_gap);
  }
  .alert code {
    font-size: 0.9em;
  }
  .rows {
    display: block;
    min-height: 2rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    padding-block: 0.2rem;
    padding-inline-start: calc(var(--_depth, 0) * var(--_indent));
    width: 100%;
  }
  /* Up to VIRTUALIZE_AT rows are all in the DOM: the browser skips style, layout and paint
     of those off screen. A row holding focus (an open picker or suggestion list is a fixed
     panel inside it, which paint containment would clip) or a drop marker renders normally. */
  .rows > .row {
    content-visibility: auto;
    contain-intrinsic-size: auto 2.5rem;
  }
  .rows > .row:focus-within,
  .rows > .row.drop-target {
    content-visibility: visible;
  }
  .row:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .row.drop-target {
    box-shadow: inset 0 2px 0 var(--_color-accent);
  }
  .d0 {
    --_depth: 0;
  }
  .d1 {
    --_depth: 1;
  }
  .d2 {
    --_depth: 2;
  }
  .d3 {
    --_depth: 3;
  }
  .d4 {
    --_depth: 4;
  }
  .d5 {
    --_depth: 5;
  }
  .d6 {
    --_depth: 6;
  }
  .d7 {
    --_depth: 7;
  }
  .d8 {
    --_depth: 8;
  }
  .rule {
    margin-block-start: var(--_gap);
    padding: 0.4rem 0.6rem;
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius) var(--_radius) 0 0;
  }
  .rule h3 {
    margin: 0;
    font-size: 1em;
  }
  .rule .counts {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  .rule input {
    min-width: 10rem;
  }
  .set {
    justify-content: center;
    padding-block: 0.5rem 0;
  }
  .group,
  .related {
    font-weight: 600;
  }
  .related select,
  .related input {
    font-weight: normal;
  }
  .related input[type='number'] {
    width: 5rem;
  }
  .row-actions {
    display: inline-flex;
    gap: 0.15rem;
    margin-inline-start: auto;
  }
  .row-actions button {
    min-height: 1.75rem;
    min-width: 1.75rem;
    padding: 0 0.3rem;
  }
  .drag {
    cursor: grab;
  }
  svg.icon {
    width: 1rem;
    height: 1rem;
    flex: none;
  }
  condition-row {
    flex: 1 1 auto;
  }
  .empty {
    font-style: italic;
  }
  .add button {
    border-style: dashed;
  }
  .footer {
    display: flex;
    gap: 0.5rem;
    padding-block-start: var(--_gap);
  }
  .status {
    min-height: 1.4em;
  }
  .error-line {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    color: var(--_color-danger);
  }
  :host([readonly]) .row-actions,
  :host([readonly]) .add {
    display: none;
  }
  @container (max-width: 40rem) {
    .row-actions {
      width: 100%;
      justify-content: flex-end;
    }
  }
`;
