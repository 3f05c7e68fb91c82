/** Shared by the elements that show a data table (a module of its own, so no other element carries it). */
import { css } from 'lit';

/** A data table in a bordered box that scrolls (`.scroll`): the preview's members, the trend's points, the overlap's regions. */
export const tableStyles = css`
  .scroll {
    overflow: auto;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.375rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_color-border);
  }
`;
