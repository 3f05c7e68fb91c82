import { css } from 'lit';

/** A compact segmented pill. Every colour is a --sk-* token with a light fallback. */
export const groupOperatorStyles = css`
  :host {
    display: inline-flex;
    align-items: center;
    gap: var(--sk-group-operator-gap, 0.35rem);
    vertical-align: middle;
    font-size: var(--sk-group-operator-font-size, 0.8125rem);
    line-height: 1.2;
  }

  [part~='group'] {
    display: inline-flex;
    align-items: stretch;
    gap: 2px;
    padding: 2px;
    border: 1px solid var(--sk-group-operator-border-color, var(--sk-color-border, #c9ced8));
    border-radius: var(--sk-group-operator-radius, 999px);
    background: var(--sk-group-operator-background, var(--sk-color-surface-sunken, #eef0f4));
  }

  [part~='group'][aria-invalid='true'] {
    border-color: var(--sk-color-danger, #b3261e);
  }

  [part~='option'] {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75em;
    min-height: 1.625rem;
    padding: 0.15rem 0.7rem;
    border-radius: var(--sk-group-operator-radius, 999px);
    color: var(--sk-group-operator-color, var(--sk-color-text-muted, #5a6070));
    font-weight: 600;
    letter-spacing: 0.02em;
    white-space: nowrap;
    cursor: pointer;
    user-select: none;
    /* No colour transition: a half-faded option fails contrast checks run right after a change. */
  }
  [part~='option']:hover:not([part~='option-checked']) {
    color: var(--sk-color-text, #1d1f24);
    background: var(--sk-group-operator-hover-background, var(--sk-color-surface-raised, #f6f7f9));
  }
  [part~='option-checked'] {
    color: var(--sk-group-operator-checked-color, var(--sk-color-accent-text, #fff));
    background: var(--sk-group-operator-checked-background, var(--sk-color-accent, #2457c5));
    cursor: default;
  }
  [part~='option']:focus-visible {
    outline: 2px solid var(--sk-color-focus, #2457c5);
    outline-offset: 2px;
    z-index: 1;
  }

  /* Read-only: the current choice as plain text. */
  .readonly {
    display: inline-flex;
    align-items: center;
    gap: var(--sk-group-operator-gap, 0.35rem);
    padding: 0;
    border: 0;
    background: none;
  }
  .readonly [part~='option'] {
    min-width: 0;
    min-height: 0;
    padding: 0.1rem 0.55rem;
    cursor: default;
    color: var(--sk-group-operator-readonly-color, var(--sk-color-text, #1d1f24));
    background: var(--sk-group-operator-readonly-background, var(--sk-color-accent-soft, #e6edfb));
  }
  .readonly [part~='option'].unknown {
    font-style: italic;
    font-weight: 400;
  }

  /* NOT: a toggle button, or a static tag when it cannot be changed. */
  [part~='not'] {
    min-height: calc(1.625rem + 6px);
    padding: 0.15rem 0.6rem;
    border-radius: var(--sk-group-operator-radius, 999px);
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--sk-color-text-muted, #5a6070);
  }
  button[part~='not'][aria-pressed='true'] {
    color: var(--sk-group-operator-not-color, var(--sk-color-danger, #b3261e));
    background: var(--sk-group-operator-not-background, var(--sk-color-danger-soft, #fbeaea));
    border-color: var(--sk-group-operator-not-color, var(--sk-color-danger, #b3261e));
  }
  button[part~='not'][aria-pressed='true']:hover {
    background: var(--sk-group-operator-not-background, var(--sk-color-danger-soft, #fbeaea));
    filter: brightness(0.97);
  }
  span[part~='not'] {
    display: inline-flex;
    align-items: center;
    min-height: 0;
    padding: 0.1rem 0.55rem;
    color: var(--sk-group-operator-not-color, var(--sk-color-danger, #b3261e));
    background: var(--sk-group-operator-not-background, var(--sk-color-danger-soft, #fbeaea));
  }

  @media (forced-colors: active) {
    [part~='group'] {
      border-color: ButtonText;
    }
    [part~='option'] {
      forced-color-adjust: none;
      color: ButtonText;
      background: ButtonFace;
    }
    [part~='option-checked'],
    .readonly [part~='option'] {
      color: HighlightText;
      background: Highlight;
    }
    [part~='option']:focus-visible {
      outline-color: Highlight;
      outline-offset: 3px;
    }
    button[part~='not'][aria-pressed='true'] {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
      border-color: HighlightText;
    }
    span[part~='not'] {
      border: 1px solid CanvasText;
    }
  }
`;
