/**
 * Styles shared by the kit's elements. Every colour is a --sk-* token with a light fallback.
 *
 * Private tokens (Material Web's pattern): each element's `:host` turns the public `--sk-*`
 * tokens into private `--_*` properties once, fallback included, and every other rule reads
 * only the private one. The shared ones are set here; an element's own styles add the
 * privates of its component tokens (`--sk-condition-row-gap` → `--_line-gap`) to its `:host`.
 * Tokens are therefore read on the element itself: set them on the element or an ancestor,
 * not on a `::part`. A private name means the same everywhere, because a slotted child reads
 * the privates of the element it is slotted into.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --_font: var(--sk-font, 0.875rem/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_color-text: var(--sk-color-text, #1d1f24);
    --_color-text-muted: var(--sk-color-text-muted, #5a6070);
    --_color-surface: var(--sk-color-surface, #fff);
    --_color-surface-raised: var(--sk-color-surface-raised, #f6f7f9);
    --_color-surface-sunken: var(--sk-color-surface-sunken, #eef0f4);
    --_color-border: var(--sk-color-border, #c9ced8);
    --_color-accent: var(--sk-color-accent, #2457c5);
    --_color-accent-text: var(--sk-color-accent-text, #fff);
    --_color-accent-soft: var(--sk-color-accent-soft, #e6edfb);
    --_color-danger: var(--sk-color-danger, #b3261e);
    --_color-danger-soft: var(--sk-color-danger-soft, #fbeaea);
    --_color-focus: var(--sk-color-focus, #2457c5);
    --_radius: var(--sk-radius, 6px);
    font: var(--_font);
    color: var(--_color-text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-height: 2rem;
    padding: 0.25rem 0.65rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--_color-surface-raised);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-accent-text);
  }
  button.primary:hover:not(:disabled) {
    filter: brightness(1.08);
    background: var(--_color-accent);
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
  }
  button.icon {
    padding: 0.25rem 0.45rem;
    min-width: 2rem;
    justify-content: center;
  }
  input,
  select,
  textarea {
    min-height: 2rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  button[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .error-text {
    color: var(--_color-danger);
  }
  @media (forced-colors: active) {
    button,
    input,
    select {
      border: 1px solid ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
