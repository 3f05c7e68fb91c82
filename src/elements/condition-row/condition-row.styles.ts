import { css } from 'lit';

/** `<condition-row>` styles: tokens only (`--sk-*`), logical properties for right-to-left. */
export const conditionRowStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  .row {
    display: flex;
    flex-direction: column;
    gap: var(--sk-condition-row-error-gap, 0.25rem);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sk-condition-row-gap, 0.5rem);
    min-inline-size: 0;
  }
  ::slotted([slot='actions']) {
    margin-inline-start: auto;
  }

  /* attribute button */
  .attribute {
    max-inline-size: var(--sk-condition-row-attribute-max-width, 18rem);
    min-inline-size: 0;
    justify-content: space-between;
    font-weight: var(--sk-condition-row-attribute-font-weight, 500);
  }
  .attribute .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .attribute.placeholder {
    font-weight: normal;
    color: var(--sk-color-text-muted, #5a6070);
    border-style: dashed;
  }
  .attribute.unknown {
    text-decoration: line-through;
    text-decoration-color: var(--sk-color-danger, #b3261e);
  }
  .caret {
    flex: none;
    inline-size: 0.45em;
    block-size: 0.45em;
    /* A down chevron in either direction: physical on purpose. */
    border-right: 1.5px solid currentColor;
    border-bottom: 1.5px solid currentColor;
    transform: translateY(-0.15em) rotate(45deg);
    margin-inline-start: 0.25em;
    opacity: 0.7;
  }

  /* value editors */
  .value {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sk-condition-row-value-gap, 0.35rem);
    min-inline-size: 0;
  }
  input.text {
    inline-size: var(--sk-condition-row-text-width, 12rem);
    max-inline-size: 100%;
  }
  input.number {
    inline-size: var(--sk-condition-row-number-width, 8rem);
  }
  input.amount {
    inline-size: var(--sk-condition-row-amount-width, 5rem);
  }
  .dash {
    color: var(--sk-color-text-muted, #5a6070);
  }
  select:disabled,
  input:disabled {
    opacity: 0.6;
  }

  /* list editor: chips and an input in one box */
  .list {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    min-inline-size: var(--sk-condition-row-list-min-width, 14rem);
    max-inline-size: 100%;
    min-block-size: 2rem;
    padding-block: 0.125rem;
    padding-inline: 0.25rem;
    border: 1px solid var(--sk-color-border, #c9ced8);
    border-radius: var(--sk-radius, 6px);
    background: var(--sk-color-surface, #fff);
  }
  .list:focus-within {
    outline: 2px solid var(--sk-color-focus, #2457c5);
    outline-offset: 1px;
  }
  .list.invalid {
    border-color: var(--sk-color-danger, #b3261e);
  }
  .chips {
    display: contents;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.15rem;
    max-inline-size: 14rem;
    padding-block: 0.05rem;
    padding-inline: 0.5rem 0.1rem;
    border-radius: var(--sk-condition-row-chip-radius, 999px);
    background: var(--sk-condition-row-chip-background, var(--sk-color-accent-soft, #e6edfb));
    color: var(--sk-condition-row-chip-color, var(--sk-color-text, #1d1f24));
  }
  .chip-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip button {
    min-block-size: 1.4rem;
    min-inline-size: 1.4rem;
    padding: 0;
    justify-content: center;
    border: 0;
    border-radius: 999px;
    background: transparent;
    line-height: 1;
  }
  .chip button:hover:not(:disabled) {
    background: var(--sk-color-surface-sunken, #eef0f4);
  }
  .list input {
    flex: 1 1 6rem;
    min-inline-size: 6rem;
    border: 0;
    background: transparent;
    padding-inline: 0.25rem;
  }
  .list input:focus-visible {
    outline: none;
  }
  .note {
    margin: 0;
    font-size: 0.8125rem;
  }

  /* read-only */
  .text {
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--sk-color-text-muted, #5a6070);
  }
  .text .attr-text {
    font-weight: var(--sk-condition-row-attribute-font-weight, 500);
  }

  /* errors */
  .errors {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
  }
  .error {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--sk-color-danger, #b3261e);
  }

  /* floating panels: the attribute picker and the value suggestions */
  .panel {
    /* Physical on purpose: Floating UI writes left/top (it handles right-to-left itself). */
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--sk-condition-row-popover-z-index, 1000);
    display: flex;
    flex-direction: column;
    inline-size: min(var(--sk-condition-row-popover-width, 22rem), var(--sk-condition-row-available-width, 22rem));
    max-block-size: min(var(--sk-condition-row-popover-max-height, 24rem), var(--sk-condition-row-available-height, 24rem));
    padding: 0.375rem;
    border: 1px solid var(--sk-color-border, #c9ced8);
    border-radius: var(--sk-radius, 6px);
    background: var(--sk-color-surface, #fff);
    color: var(--sk-color-text, #1d1f24);
    box-shadow: var(--sk-condition-row-popover-shadow, 0 8px 24px rgb(0 0 0 / 0.18));
  }
  .panel.suggestions {
    inline-size: min(var(--sk-condition-row-suggestions-width, 18rem), var(--sk-condition-row-available-width, 18rem));
  }
  .panel input {
    inline-size: 100%;
    margin-block-end: 0.375rem;
  }
  [role='listbox'] {
    overflow-y: auto;
    min-block-size: 0;
    flex: 1 1 auto;
    overscroll-behavior: contain;
  }
  .group-heading {
    position: sticky;
    inset-block-start: 0;
    padding-block: 0.35rem 0.2rem;
    padding-inline: 0.5rem;
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--sk-color-text-muted, #5a6070);
    background: var(--sk-color-surface, #fff);
  }
  .option {
    /* keep the active option clear of its group's sticky heading when scrolled to */
    scroll-margin-block: 1.75rem 0.25rem;
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    padding-block: 0.3rem;
    padding-inline: 0.5rem;
    border-radius: calc(var(--sk-radius, 6px) - 2px);
    cursor: pointer;
  }
  .option:hover {
    background: var(--sk-color-surface-raised, #f6f7f9);
  }
  .option.active {
    background: var(--sk-color-accent-soft, #e6edfb);
    outline: 1px solid var(--sk-color-accent, #2457c5);
    outline-offset: -1px;
  }
  .option.current .option-label {
    font-weight: 600;
  }
  .option-label {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .option-hint,
  .option-count {
    flex: none;
    font-size: 0.75rem;
    color: var(--sk-color-text-muted, #5a6070);
  }
  .option.empty {
    cursor: default;
    color: var(--sk-color-text-muted, #5a6070);
  }
  .more,
  .status {
    margin: 0;
    padding-block: 0.375rem 0.125rem;
    padding-inline: 0.5rem;
    font-size: 0.75rem;
    color: var(--sk-color-text-muted, #5a6070);
  }
  .status.error-text {
    color: var(--sk-color-danger, #b3261e);
  }

  @media (forced-colors: active) {
    .option.active {
      outline: 2px solid Highlight;
    }
    .list:focus-within {
      outline-color: Highlight;
    }
    .chip {
      border: 1px solid CanvasText;
    }
  }
`;
