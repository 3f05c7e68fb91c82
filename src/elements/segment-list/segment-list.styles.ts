import { css } from 'lit';

export const listStyles = css`
  :host {
    display: block;
    --_row-height: var(--sk-list-row-height, 2.75rem);
    --_max-height: var(--sk-list-max-height, none);
    --_color-success: var(--sk-color-success, #1b7a3d);
    --_popover-shadow: var(--sk-popover-shadow, 0 6px 24px rgb(0 0 0 / 0.18));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding-block-end: 0.75rem;
  }
  .toolbar input[type='search'] {
    inline-size: min(100%, 18rem);
  }
  .spacer {
    flex: 1;
  }
  .muted {
    color: var(--_color-text-muted);
  }
  .small {
    font-size: 0.8125em;
  }
  button.link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-accent);
    text-decoration: underline;
    text-align: start;
  }
  button.link:hover:not(:disabled) {
    background: none;
  }
  button.small {
    min-height: 1.5rem;
    padding: 0 0.4rem;
  }
  button.danger,
  [role='menuitem'].danger {
    color: var(--_color-danger);
  }
  button.danger-solid {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-surface);
  }
  .chips,
  .tags,
  .names {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chips {
    padding-block-end: 0.5rem;
  }
  .names {
    display: block;
    padding-inline-start: 1.25rem;
    list-style: disc;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.15rem;
    padding: 0 0.45rem;
    border-radius: 999px;
    background: var(--_color-accent-soft);
    color: var(--_color-text);
    font-size: 0.8125em;
    line-height: 1.6;
    white-space: nowrap;
  }
  .tag button {
    min-width: 1.25rem;
    min-height: 1.25rem;
    padding: 0;
  }
  .bulk,
  .notice,
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin: 0 0 0.5rem;
    padding: 0.4rem 0.6rem;
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
  }
  .bulk {
    background: var(--_color-accent-soft);
  }
  .bulk .count {
    margin-inline-end: 0.5rem;
  }
  .notice.error {
    background: var(--_color-danger-soft);
    border-color: var(--_color-danger);
  }
  .notice > span:not(.spinner) {
    flex: 1;
  }
  .scroller {
    overflow: auto;
    max-block-size: var(--_max-height);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.35rem 0.5rem;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_color-border);
  }
  tbody tr {
    block-size: var(--_row-height);
  }
  tbody tr:last-child td {
    border-block-end: 0;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_color-surface-raised);
    white-space: nowrap;
    font-weight: 600;
    /* In line with the select-all checkbox, which sets the row's height. */
    vertical-align: middle;
  }
  th.select,
  td.select,
  th.actions,
  td.actions {
    inline-size: 1%;
    vertical-align: middle;
  }
  button.sort {
    min-height: auto;
    padding: 0.1rem 0.2rem;
    border: 0;
    background: none;
    font-weight: inherit;
  }
  .arrow {
    display: inline-block;
    min-inline-size: 0.8em;
    font-size: 0.75em;
  }
  tr.selected td {
    background: var(--_color-accent-soft);
  }
  /* A tag is accent-soft too: on a selected row it needs its own background to stay visible. */
  tr.selected .tag {
    background: var(--_color-surface);
    box-shadow: inset 0 0 0 1px var(--_color-border);
  }
  tbody {
    transition: opacity 0s;
  }
  /*
   * Dim the rows only when an answer takes a while: the list asks again every pollInterval
   * while a refresh runs, and a quick answer must not make the whole table blink (nor show
   * it at 60% opacity, below contrast, to whoever looks at that moment).
   */
  tbody.stale {
    opacity: 0.6;
    transition: opacity 0.15s ease-in 0.4s;
  }
  td[data-column='memberCount'],
  th[data-column='memberCount'] {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  td[data-column='name'] {
    min-inline-size: 12rem;
  }
  td[data-column='tags'] {
    min-inline-size: 7rem;
  }
  .when,
  .used-by,
  .names-of {
    display: flex;
    flex-direction: column;
    white-space: nowrap;
  }
  .names-of {
    white-space: normal;
    max-inline-size: 14rem;
  }
  /*
   * Text that starts with a number ("3 segments", "12:00 PM UTC", "2 selected") or ends with
   * punctuation ("Rename…") takes its direction from its own first letter, so it reads in
   * order on a right-to-left page too. Shrink-wrapped (flex-start), so it still sits at the
   * start of its cell. Not the names (links): a wrapped name keeps the cell's alignment.
   */
  .when,
  .used-by {
    align-items: flex-start;
  }
  .when > span,
  .used-by,
  .bulk .count,
  .pager .range,
  .badge,
  [role='menuitem'] > span,
  button:not(.link) {
    unicode-bidi: plaintext;
  }
  /*
   * Sentences too (the dialogs' title and text, the notices). Their start is then their own
   * text's (left for English), so a right-to-left box aligns them to its start explicitly.
   */
  dialog h2,
  dialog p,
  .notice > span:not(.spinner) {
    unicode-bidi: plaintext;
  }
  dialog h2:dir(rtl),
  dialog p:dir(rtl),
  .notice > span:not(.spinner):dir(rtl) {
    text-align: right;
  }
  .name-cell {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    font-weight: 600;
  }
  .name-cell .link {
    overflow-wrap: anywhere;
  }
  button.disclosure {
    min-width: 1.5rem;
    min-height: 1.5rem;
    padding: 0;
  }
  /* The closed triangle (▸) points along the line: to the left on a right-to-left page. */
  button.disclosure > span {
    display: inline-block;
  }
  button.disclosure[aria-expanded='false']:dir(rtl) > span {
    transform: scaleX(-1);
  }
  .description {
    margin: 0.25rem 0 0;
    max-inline-size: 40rem;
    color: var(--_color-text-muted);
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0 0.45rem;
    border-radius: 999px;
    border: 1px solid var(--_color-border);
    font-size: 0.8125em;
    white-space: nowrap;
  }
  .status-succeeded {
    border-color: var(--_color-success);
    color: var(--_color-success);
  }
  .status-failed {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  .status-running {
    border-color: var(--_color-accent);
    color: var(--_color-accent);
  }
  .status-draft,
  .status-skipped,
  .status-notStarted {
    color: var(--_color-text-muted);
  }
  .state-inactive {
    color: var(--_color-text-muted);
  }
  .spinner {
    inline-size: 0.8em;
    block-size: 0.8em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: sk-spin 0.9s linear infinite;
  }
  @keyframes sk-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .state {
    margin: 0;
    padding: 1.5rem 1rem;
    text-align: center;
  }
  .state.error {
    color: var(--_color-danger);
  }
  .state .title {
    font-size: 1.1em;
    font-weight: 600;
    margin: 0 0 0.25rem;
  }
  .state p {
    margin: 0 0 0.5rem;
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.25rem;
    padding-block-start: 0.5rem;
  }
  /* Arrows point the way the text reads: previous is on the right in right-to-left. */
  :host(:dir(rtl)) .pager button > span,
  :host(:dir(rtl)) .disclosure > span {
    display: inline-block;
    transform: scaleX(-1);
  }
  .pager .range {
    padding-inline: 0.5rem;
    font-variant-numeric: tabular-nums;
  }
  /* Physical on purpose: Floating UI writes left/top (it handles right-to-left itself). */
  .popover {
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--sk-popover-z-index, 1000);
    min-inline-size: 12rem;
    max-block-size: 22rem;
    overflow: auto;
    padding: 0.375rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    box-shadow: var(--_popover-shadow);
  }
  .popover fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .popover p {
    margin: 0.25rem 0.4rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.2rem 0.4rem;
    cursor: pointer;
  }
  .check input {
    min-height: auto;
  }
  .menu {
    display: flex;
    flex-direction: column;
    /* A row's menu has 14 items: show them all when the window has room. */
    max-block-size: min(40rem, calc(100vh - 1rem));
  }
  [role='menuitem'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0;
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: none;
    text-align: start;
  }
  [role='menuitem']:focus,
  [role='menuitem']:hover {
    background: var(--_color-accent-soft);
  }
  [role='menuitem'][aria-disabled='true'] {
    cursor: not-allowed;
  }
  [role='menuitem'][aria-disabled='true'] > span:first-child {
    color: var(--_color-text-muted);
  }
  .reason {
    max-inline-size: 16rem;
    white-space: normal;
  }
  .separator {
    margin: 0.25rem 0;
    border-block-start: 1px solid var(--_color-border);
  }
  dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: 1rem 1.25rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_popover-shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog h2 {
    margin: 0 0 0.75rem;
    font-size: 1.1em;
  }
  dialog fieldset {
    margin: 0.75rem 0 0;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .warning {
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_color-danger);
    background: var(--_color-danger-soft);
  }
  .warning p {
    margin: 0.25rem 0;
  }
  #dialog-error:empty {
    display: none;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: 1rem;
  }
`;
