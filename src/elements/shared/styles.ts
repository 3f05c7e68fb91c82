/** Styles shared by the kit's elements. Every colour is a --sk-* token with a light fallback. */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    font: var(--sk-font, 0.875rem/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--sk-color-text, #1d1f24);
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
    border: 1px solid var(--sk-color-border, #c9ced8);
    border-radius: var(--sk-radius, 6px);
    background: var(--sk-color-surface, #fff);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--sk-color-surface-raised, #f6f7f9);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--sk-color-accent, #2457c5);
    border-color: var(--sk-color-accent, #2457c5);
    color: var(--sk-color-accent-text, #fff);
  }
  button.primary:hover:not(:disabled) {
    filter: brightness(1.08);
    background: var(--sk-color-accent, #2457c5);
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
    border: 1px solid var(--sk-color-border, #c9ced8);
    border-radius: var(--sk-radius, 6px);
    background: var(--sk-color-surface, #fff);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  button[aria-invalid='true'] {
    border-color: var(--sk-color-danger, #b3261e);
  }
  :focus-visible {
    outline: 2px solid var(--sk-color-focus, #2457c5);
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
    color: var(--sk-color-danger, #b3261e);
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
