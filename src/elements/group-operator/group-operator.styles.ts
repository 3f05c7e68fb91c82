import { css } from 'lit';

/** A compact segmented pill. Every colour is a --sk-* token with a light fallback, read once on :host into a private --_* property. */
export const groupOperatorStyles = css`
  :host {
    --_gap: var(--sk-group-operator-gap, 0.35rem);
    --_border-color: var(--sk-group-operator-border-color, var(--_color-border));
    --_pill-radius: var(--sk-group-operator-radius, 999px);
    --_background: var(--sk-group-operator-background, var(--_color-surface-sunken));
    --_color: var(--sk-group-operator-color, var(--_color-text-muted));
    --_hover-background: var(--sk-group-operator-hover-background, var(--_color-surface-raised));
    --_checked-color: var(--sk-group-operator-checked-color, var(--_color-accent-text));
    --_checked-background: var(--sk-group-operator-checked-background, var(--_color-accent));
    --_readonly-color: var(--sk-group-operator-readonly-color, var(--_color-text));
    --_readonly-background: var(--sk-group-operator-readonly-background, var(--_color-accent-soft));
    --_not-color: var(--sk-group-operator-not-color, var(--_color-danger));
    --_not-background: var(--sk-group-operator-not-background, var(--_color-danger-soft));
    display: inline-flex;
    align-items: center;
    gap: var(--_gap);
    vertical-align: middle;
    font-size: var(--sk-group-operator-font-size, 0.8125rem);
    line-height: 1.2;
  }

  [part~='group'] {
    display: inline-flex;
    align-items: stretch;
    gap: 2px;
    padding: 2px;
    border: 1px solid var(--_border-color);
    border-radius: var(--_pill-radius);
    background: var(--_background);
  }

  [part~='group'][aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  [part~='option'] {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75em;
    min-height: 1.625rem;
    padding: 0.15rem 0.7rem;
    border-radius: var(--_pill-radius);
    color: var(--_color);
    font-weight: 600;
    letter-spacing: 0.02em;
    white-space: nowrap;
    cursor: pointer;
    user-select: none;
    /* No colour transition: a half-faded option fails contrast checks run right after a change. */
  }
  [part~='option']:hover:not([part~='option-checked']) {
    color: var(--_color-text);
    background: var(--_hover-background);
  }
  [part~='option-checked'] {
    color: var(--_checked-color);
    background: var(--_checked-background);
    cursor: default;
  }
  [part~='option']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    z-index: 1;
  }

  /* Read-only: the current choice as plain text. */
  .readonly {
    display: inline-flex;
    align-items: center;
    gap: var(--_gap);
    padding: 0;
    border: 0;
    background: none;
  }
  .readonly [part~='option'] {
    min-width: 0;
    min-height: 0;
    padding: 0.1rem 0.55rem;
    cursor: default;
    color: var(--_readonly-color);
    background: var(--_readonly-background);
  }
  .readonly [part~='option'].unknown {
    font-style: italic;
    font-weight: 400;
  }

  /* NOT: a toggle button, or a static tag when it cannot be changed. */
  [part~='not'] {
    min-height: calc(1.625rem + 6px);
    padding: 0.15rem 0.6rem;
    border-radius: var(--_pill-radius);
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_color-text-muted);
  }
  button[part~='not'][aria-pressed='true'] {
    color: var(--_not-color);
    background: var(--_not-background);
    border-color: var(--_not-color);
  }
  button[part~='not'][aria-pressed='true']:hover {
    background: var(--_not-background);
    filter: brightness(0.97);
  }
  span[part~='not'] {
    display: inline-flex;
    align-items: center;
    min-height: 0;
    padding: 0.1rem 0.55rem;
    color: var(--_not-color);
    background: var(--_not-background);
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
