/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, svg } from 'lit';
import '../src/themes/segment-kit.css';
import themeCss from '../src/themes/segment-kit.css?raw';
import manifest from '../custom-elements.json';

/** A theme token: its name and its light and dark values (`light-dark(a, b)`, or one value for both). */
interface Token {
  name: string;
  light: string;
  dark: string;
}

/** The `--sk-*` tokens of the theme file (its `:root` block), read from the file itself. */
function themeTokens(): Token[] {
  const root = /:root\s*\{([^}]*)\}/.exec(themeCss)?.[1] ?? '';
  return [...root.matchAll(/(--sk-[\w-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => {
    const pair = /^light-dark\((.*),\s*([^,]+)\)$/.exec(value!.trim());
    return { name: name!, light: pair ? pair[1]!.trim() : value!.trim(), dark: pair ? pair[2]!.trim() : value!.trim() };
  });
}

/** The per-element custom properties the elements document (`@cssprop`), from custom-elements.json. */
function elementTokens(): { name: string; description: string; tags: string[] }[] {
  type Decl = { tagName?: string; cssProperties?: { name: string; description?: string }[] };
  const byName = new Map<string, { name: string; description: string; tags: string[] }>();
  for (const d of (manifest as { modules: { declarations?: Decl[] }[] }).modules.flatMap((m) => m.declarations ?? []))
    for (const p of d.cssProperties ?? []) {
      const entry = byName.get(p.name) ?? { name: p.name, description: p.description ?? '', tags: [] };
      if (d.tagName) entry.tags.push(d.tagName);
      byName.set(p.name, entry);
    }
  return [...byName.values()].filter((t) => !themeTokens().some((x) => x.name === t.name)).sort((a, b) => a.name.localeCompare(b.name));
}

const isColour = (v: string) => /^#|^rgb|^hsl/.test(v);
const swatch = (colour: string) =>
  isColour(colour)
    ? html`<svg width="28" height="18" aria-hidden="true">
        ${svg`<rect x="0.5" y="0.5" width="27" height="17" rx="3" fill=${colour} stroke="#888"></rect>`}
      </svg>`
    : '';

const tokensPage = () => html`
  <article class="sk-tokens">
    <h1>Design tokens</h1>
    <p>
      Every <code>--sk-*</code> token of <code>segment-kit/themes/segment-kit.css</code>, with its light and its dark value (set
      <code>data-sk-theme="dark"</code> on any ancestor for dark, or follow the OS). Override any of them on a container to match your
      design system; the elements read them through their shadow roots.
    </p>
    <table>
      <caption>
        Theme tokens
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Light</th>
          <th scope="col">Dark</th>
        </tr>
      </thead>
      <tbody>
        ${themeTokens().map(
          (t) =>
            html`<tr>
              <th scope="row"><code>${t.name}</code></th>
              <td>${swatch(t.light)} <code>${t.light}</code></td>
              <td>${swatch(t.dark)} <code>${t.dark}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
    <table>
      <caption>
        Element tokens (per element, default from the theme tokens above)
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Elements</th>
          <th scope="col">What it sets</th>
        </tr>
      </thead>
      <tbody>
        ${elementTokens().map(
          (t) =>
            html`<tr>
              <th scope="row"><code>${t.name}</code></th>
              <td>${t.tags.map((tag, i) => html`${i ? ', ' : ''}<code>&lt;${tag}&gt;</code>`)}</td>
              <td>${t.description}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </article>
`;

const meta: Meta = {
  title: 'Foundations/Tokens',
  tags: ['!autodocs'],
  render: tokensPage,
};
export default meta;

export const Tokens: StoryObj = {};
