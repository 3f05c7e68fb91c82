import { css } from 'lit';

/**
 * `<condition-row>` styles: tokens only (`--sk-*`, each read once on :host into a private
 * `--_*` property), logical properties for right-to-left. The panel's available size
 * (`--sk-condition-row-available-*`) is written on the panel by Floating UI, so it is read
 * there. Builder content slotted into the row inherits these privates: their names differ
 * from the builder's own (`--_gap`, `--_indent`, `--_depth`).
 */
export const conditionRowStyles = css`
  :host {
    --_error-gap: var(--sk-condition-row-error-gap, 0.25rem);
    --_line-gap: var(--sk-condition-row-gap, 0.5rem);
    --_attribute-max-width: var(--sk-condition-row-attribute-max-width, 18rem);
    --_attribute-font-weight: var(--sk-condition-row-attribute-font-weight, 500);
    --_value-gap: var(--sk-condition-row-value-gap, 0.35rem);
    --_text-width: var(--sk-condition-row-text-width, 12rem);
    --_number-width: var(--sk-condition-row-number-width, 8rem);
    --_amount-width: var(--sk-condition-row-amount-width, 5rem);
    --_list-min-width: var(--sk-condition-row-list-min-width, 14rem);
    --_chip-radius: var(--sk-condition-row-chip-radius, 999px);
    --_chip-background: var(--sk-condition-row-chip-background, var(--_color-accent-soft));
    --_chip-color: var(--sk-condition-row-chip-color, var(--_color-text));
    --_popover-z-index: var(--sk-condition-row-popover-z-index, 1000);
    --_popover-width: var(--sk-condition-row-popover-width, 22rem);
    --_popover-max-height: var(--sk-condition-row-popover-max-height, 24rem);
    --_popover-shadow: var(--sk-condition-row-popover-shadow, 0 8px 24px rgb(0 0 0 / 0.18));
    --_suggestions-width: var(--sk-condition-row-suggestions-width, 18rem);
    display: block;
    min-inline-size: 0;
  }
  .row {
    display: flex;
    flex-direction: column;
    gap: var(--_error-gap);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_line-gap);
    min-inline-size: 0;
  }
  ::slotted([slot='actions']) {
    margin-inline-start: auto;
  }

  /* attribute button */
  .attribute {
    max-inline-size: var(--_attribute-max-width);
    min-inline-size: 0;
    justify-content: space-between;
    font-weight: var(--_attribute-font-weight);
  }
  .attribute .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .attribute.placeholder {
    font-weight: normal;
    color: var(--_color-text-muted);
    border-style: dashed;
  }
  .attribute.unknown {
    text-decoration: line-through;
    text-decoration-color: var(--_color-danger);
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
    gap: var(--_value-gap);
    min-inline-size: 0;
  }
  input.text {
    inline-size: var(--_text-width);
    max-inline-size: 100%;
  }
  input.number {
    inline-size: var(--_number-width);
  }
  input.amount {
    inline-size: var(--_amount-width);
  }
  .dash {
    color: var(--_color-text-muted);
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
    min-inline-size: var(--_list-min-width);
    max-inline-size: 100%;
    min-block-size: 2rem;
    padding-block: 0.125rem;
    padding-inline: 0.25rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .list:focus-within {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .list.invalid {
    border-color: var(--_color-danger);
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
    border-radius: var(--_chip-radius);
    background: var(--_chip-background);
    color: var(--_chip-color);
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
    background: var(--_color-surface-sunken);
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
    color: var(--_color-text-muted);
  }
  .text .attr-text {
    font-weight: var(--_attribute-font-weight);
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
    color: var(--_color-danger);
  }

  /* floating panels: the attribute picker and the value suggestions */
  .panel {
    /* Physical on purpose: Floating UI writes left/top (it handles right-to-left itself). */
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--_popover-z-index);
    display: flex;
    flex-direction: column;
    inline-size: min(var(--_popover-width), var(--sk-condition-row-available-width, 22rem));
    max-block-size: min(var(--_popover-max-height), var(--sk-condition-row-available-height, 24rem));
    padding: 0.375rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_popover-shadow);
  }
  .panel.suggestions {
    inline-size: min(var(--_suggestions-width), var(--sk-condition-row-available-width, 18rem));
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
    color: var(--_color-text-muted);
    background: var(--_color-surface);
  }
  .option {
    /* keep the active option clear of its group's sticky heading when scrolled to */
    scroll-margin-block: 1.75rem 0.25rem;
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    padding-block: 0.3rem;
    padding-inline: 0.5rem;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  .option:hover {
    background: var(--_color-surface-raised);
  }
  .option.active {
    background: var(--_color-accent-soft);
    outline: 1px solid var(--_color-accent);
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
    color: var(--_color-text-muted);
  }
  .option.empty {
    cursor: default;
    color: var(--_color-text-muted);
  }
  .more,
  .status {
    margin: 0;
    padding-block: 0.375rem 0.125rem;
    padding-inline: 0.5rem;
    font-size: 0.75rem;
    color: var(--_color-text-muted);
  }
  .status.error-text {
    color: var(--_color-danger);
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
