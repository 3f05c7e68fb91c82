import { css } from 'lit';

export const previewStyles = css`
  :host {
    display: block;
    --_max-height: var(--sk-preview-max-height, 32rem);
    --_color-success: var(--sk-color-success, #1b7a3d);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding-block-end: 0.5rem;
  }
  .spacer {
    flex: 1;
  }
  .download-progress {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
  }
  .small {
    font-size: 0.8125em;
  }
  .muted {
    color: var(--_color-text-muted);
  }
  .scroll {
    max-block-size: var(--_max-height);
    /* A cell the keys move to is not left under the sticky header. */
    scroll-padding-block-start: 2.75rem;
  }
  th,
  td {
    white-space: nowrap;
  }
  th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_color-surface-raised);
    font-weight: 600;
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th.why,
  td.why {
    inline-size: 2.5rem;
  }
  button.sort {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
  }
  button.sort:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  td[data-grid-col]:focus-visible,
  th[data-grid-col]:focus-visible,
  button.icon[data-grid-col]:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  /* The row's disclosure points along the reading direction. */
  button.icon[aria-expanded='false'] > span {
    display: inline-block;
  }
  :host(:dir(rtl)) button.icon[aria-expanded='false'] > span {
    transform: scaleX(-1);
  }
  tbody.stale {
    opacity: 0.6;
  }
  tr.explain-row td {
    white-space: normal;
    background: var(--_color-surface-sunken);
  }
  .explain ul {
    list-style: none;
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .explain > ul.rules {
    padding-inline-start: 0;
  }
  .explain p {
    margin-block: 0 0.25rem;
  }
  .mark.yes {
    color: var(--_color-success);
  }
  .mark.no {
    color: var(--_color-danger);
  }
  .state {
    padding: 1rem;
    color: var(--_color-text-muted);
  }
  .state.error {
    color: var(--_color-danger);
  }
  .another {
    margin-block-start: 1rem;
  }
  .another-title {
    font-size: 1em;
    margin-block: 0 0.5rem;
  }
  .another form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-block-end: 0.5rem;
  }
`;
