/** Small inline SVG icons (no icon font, no network). Buttons carry the accessible name. */
import { svg, type SVGTemplateResult } from 'lit';

// Typed as lit's SVGTemplateResult so the .d.ts names lit, not lit-html (not a dependency of the package).
const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const icons = {
  up: icon(svg`<path d="M8 13V3M4 7l4-4 4 4"/>`),
  down: icon(svg`<path d="M8 3v10M4 9l4 4 4-4"/>`),
  indent: icon(svg`<path d="M3 4h10M7 8h6M3 12h10M3 6.5 5 8l-2 1.5"/>`),
  outdent: icon(svg`<path d="M3 4h10M7 8h6M3 12h10M5 6.5 3 8l2 1.5"/>`),
  copy: icon(
    svg`<rect x="5.5" y="5.5" width="8" height="8" rx="1.5"/><path d="M10.5 5.5V3.8A1.3 1.3 0 0 0 9.2 2.5H3.8a1.3 1.3 0 0 0-1.3 1.3v5.4a1.3 1.3 0 0 0 1.3 1.3h1.7"/>`,
  ),
  remove: icon(svg`<path d="M4 4l8 8M12 4l-8 8"/>`),
  drag: icon(
    svg`<circle cx="6" cy="4" r=".9" fill="currentColor"/><circle cx="10" cy="4" r=".9" fill="currentColor"/><circle cx="6" cy="8" r=".9" fill="currentColor"/><circle cx="10" cy="8" r=".9" fill="currentColor"/><circle cx="6" cy="12" r=".9" fill="currentColor"/><circle cx="10" cy="12" r=".9" fill="currentColor"/>`,
  ),
  undo: icon(svg`<path d="M5 3 2 6l3 3"/><path d="M2 6h7.5a4 4 0 0 1 0 8H7"/>`),
  redo: icon(svg`<path d="M11 3l3 3-3 3"/><path d="M14 6H6.5a4 4 0 0 0 0 8H9"/>`),
};
