import { css } from 'lit';

export const workspaceStyles = css`
  :host {
    display: block;
    --_gap: var(--sk-workspace-gap, 1rem);
    --_max-width: var(--sk-workspace-max-width, none);
    --_popover-shadow: var(--sk-popover-shadow, 0 6px 24px rgb(0 0 0 / 0.18));
    background: var(--_color-surface);
  }
  .workspace {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_gap) * 0.75);
    max-inline-size: var(--_max-width);
    margin-inline: auto;
  }
  .breadcrumb ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_color-text-muted);
  }
  .breadcrumb li + li::before {
    content: '›';
    margin-inline-end: 0.25rem;
  }
  button.link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-accent);
    text-decoration: underline;
  }
  button.link:hover:not(:disabled) {
    background: none;
  }
  button.danger {
    color: var(--_color-danger);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .view {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.35em;
    line-height: 1.3;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
  h2:dir(rtl) {
    text-align: right;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .notice,
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.45rem 0.75rem;
    border: 1px solid var(--_color-accent);
    border-radius: var(--_radius);
    background: var(--_color-accent-soft);
  }
  .notice.error {
    border-color: var(--_color-danger);
    background: var(--_color-danger-soft);
  }
  .notice > span,
  .banner > span:last-child {
    flex: 1;
    unicode-bidi: plaintext;
  }
  .notice > span:dir(rtl),
  .banner > span:last-child:dir(rtl) {
    text-align: right;
  }
  .banner-icon {
    display: inline-grid;
    place-items: center;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border-radius: 50%;
    background: var(--_color-accent);
    color: var(--_color-accent-text);
    font-weight: 700;
    font-style: italic;
    font-family: Georgia, serif;
  }
  .state {
    margin: 0;
    padding: 1.5rem;
    border: 1px dashed var(--_color-border);
    border-radius: var(--_radius);
    color: var(--_color-text-muted);
    text-align: center;
  }
  .state.error {
    color: var(--_color-danger);
    border-color: var(--_color-danger);
  }
  .state p {
    margin: 0 0 0.5rem;
  }
  .details {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0;
  }
  .fact dt {
    color: var(--_color-text-muted);
    font-size: 0.8125em;
  }
  .fact dd {
    margin: 0;
    font-weight: 600;
  }
  .description {
    margin: 0;
  }
  /* Text that may be in another direction than the page (names, numbers with words): isolated. */
  .fact dd,
  .description,
  .breadcrumb button,
  .breadcrumb span {
    unicode-bidi: plaintext;
  }
  .description:dir(rtl) {
    text-align: right;
  }
  .panel {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .panel-title {
    margin: 0 0 0.5rem;
    font-size: 1.05em;
  }
  quick-segment::part(title) {
    display: none;
  }
  dialog {
    inline-size: min(28rem, calc(100vw - 2rem));
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
  dialog p {
    unicode-bidi: plaintext;
  }
  dialog p:dir(rtl) {
    text-align: right;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: 1rem;
  }
`;
