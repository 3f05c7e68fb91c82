/**
 * The overlap diagram: two or three equal circles (a schematic Venn diagram, not drawn to
 * scale) with each region's count in it. Each region is its own shape — the first set's
 * circle clipped by the other sets it is in and masked by those it is not in — so one
 * region can be highlighted (a class, no inline style). The diagram is `aria-hidden`: the
 * table beside it is what a screen reader reads.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { OverlapRegionCount, OverlapSetCount } from '../../core/overlap/index.js';

interface Circle {
  cx: number;
  cy: number;
}
interface Layout {
  width: number;
  height: number;
  r: number;
  circles: Circle[];
  /** Where each region's count goes, by region key. */
  labels: Record<string, [number, number]>;
  /** Where each set's letter goes. */
  letters: [number, number][];
}

const TWO: Layout = {
  width: 360,
  height: 240,
  r: 95,
  circles: [
    { cx: 130, cy: 125 },
    { cx: 230, cy: 125 },
  ],
  labels: { AB: [180, 125], A: [82, 125], B: [278, 125] },
  letters: [
    [62, 30],
    [298, 30],
  ],
};

const THREE: Layout = {
  width: 360,
  height: 330,
  r: 90,
  circles: [
    { cx: 130, cy: 115 },
    { cx: 230, cy: 115 },
    { cx: 180, cy: 200 },
  ],
  labels: { ABC: [180, 145], AB: [180, 78], AC: [130, 182], BC: [230, 182], A: [92, 98], B: [268, 98], C: [180, 256] },
  letters: [
    [50, 28],
    [310, 28],
    [180, 316],
  ],
};

const mirrored = (l: Layout): Layout => {
  const x = (v: number) => l.width - v;
  return {
    ...l,
    circles: l.circles.map((c) => ({ cx: x(c.cx), cy: c.cy })),
    labels: Object.fromEntries(Object.entries(l.labels).map(([k, [lx, ly]]) => [k, [x(lx), ly]])),
    letters: l.letters.map(([lx, ly]) => [x(lx), ly]),
  };
};
const MIRRORED_TWO = mirrored(TWO);
const MIRRORED_THREE = mirrored(THREE);

/** The layout for two or three sets; `rtl`: mirrored, so A is on the right as the pickers are. */
export const layoutFor = (n: number, rtl = false): Layout => (n === 3 ? (rtl ? MIRRORED_THREE : THREE) : rtl ? MIRRORED_TWO : TWO);

/** How many sets a region is in (1, 2 or 3): its shade. */
const depth = (mask: number) => (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);

/**
 * The diagram. `prefix` makes the clip and mask ids unique to this element's shadow root;
 * `active` is the highlighted region's key; `format` writes a count; `rtl` mirrors it.
 */
export function overlapDiagram(
  sets: readonly OverlapSetCount[],
  regions: readonly OverlapRegionCount[],
  options: { prefix: string; active: string | undefined; format: (n: number) => string; rtl?: boolean },
): SVGTemplateResult {
  const { prefix, active, format } = options;
  const layout = layoutFor(sets.length, options.rtl);
  const { r, circles } = layout;
  const circle = (i: number, cls = '') => svg`<circle class=${cls} cx=${circles[i]!.cx} cy=${circles[i]!.cy} r=${r}></circle>`;
  const indices = sets.map((_, i) => i);

  const region = (reg: OverlapRegionCount) => {
    const ins = indices.filter((i) => reg.mask & (1 << i));
    const outs = indices.filter((i) => !(reg.mask & (1 << i)));
    let shape = circle(ins[0]!);
    for (const j of ins.slice(1)) shape = svg`<g clip-path=${`url(#${prefix}-clip-${j})`}>${shape}</g>`;
    const cls = `region depth-${depth(reg.mask)}${reg.key === active ? ' active' : ''}`;
    return outs.length
      ? svg`<g class=${cls} data-region=${reg.key} mask=${`url(#${prefix}-mask-${reg.key})`}>${shape}</g>`
      : svg`<g class=${cls} data-region=${reg.key}>${shape}</g>`;
  };

  return svg`<svg
    part="diagram"
    class="diagram"
    viewBox=${`0 0 ${layout.width} ${layout.height}`}
    aria-hidden="true"
    focusable="false"
  >
    <defs>
      ${indices.map((i) => svg`<clipPath id=${`${prefix}-clip-${i}`}>${circle(i)}</clipPath>`)}
      ${regions
        .filter((reg) => reg.excluded.length > 0)
        .map(
          (
            reg,
          ) => svg`<mask id=${`${prefix}-mask-${reg.key}`} maskUnits="userSpaceOnUse" x="0" y="0" width=${layout.width} height=${layout.height}>
            <rect x="0" y="0" width=${layout.width} height=${layout.height} fill="white"></rect>
            ${indices.filter((i) => !(reg.mask & (1 << i))).map((i) => svg`<circle cx=${circles[i]!.cx} cy=${circles[i]!.cy} r=${r} fill="black"></circle>`)}
          </mask>`,
        )}
    </defs>
    ${regions.map(region)}
    ${indices.map((i) => circle(i, 'outline'))}
    ${regions.map((reg) => {
      const [x, y] = layout.labels[reg.key]!;
      return svg`<text class=${`count${reg.key === active ? ' active' : ''}`} x=${x} y=${y} text-anchor="middle" dominant-baseline="central">${format(reg.count)}</text>`;
    })}
    ${sets.map((s, i) => {
      const [x, y] = layout.letters[i]!;
      return svg`<text class="letter" x=${x} y=${y} text-anchor="middle" dominant-baseline="central">${s.letter}</text>`;
    })}
  </svg>`;
}
