// `npm run docs:api`: docs/elements.md, every element's public API — properties (with their
// attributes, types and defaults), methods, events (with their detail types and whether they
// are cancelable), slots, parts and CSS custom properties — generated from the committed
// custom-elements.json (run `npm run analyze` first when an element changed) and, for the
// events' detail types and which events are cancelable, from src/elements/shared/events.ts.
// What is not public API stays out: private, protected and static members, `#names`, and
// members tagged `@internal` (the analyzer leaves those out of the manifest already).
// It also fills the generated sections of docs/theming.md: the theme's tokens (from
// src/themes/segment-kit.css, each described by the comment above it), the elements' own
// custom properties (`@cssprop`) and their parts (`@csspart`).
// test/core/api-docs.test.ts fails when either page is not what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

const OUT = 'docs/elements.md';
const EVENTS = 'src/elements/shared/events.ts';
const THEMING = 'docs/theming.md';
const THEME = 'src/themes/segment-kit.css';

/** Is this manifest member public API? */
export function isPublic(member) {
  if (member.privacy && member.privacy !== 'public') return false;
  if (member.static) return false;
  if (member.name.startsWith('#') || member.name.startsWith('_')) return false;
  if (/@internal\b/.test(member.description ?? '')) return false;
  return true;
}

/** A table cell: one line, pipes escaped (also inside code spans: GFM splits cells first). */
const cell = (text) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const anchor = (name) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');

/** The exported types of events.ts before the event map: name → declaration text (with its JSDoc). */
export function eventTypes(source) {
  const lines = source.split('\n');
  const end = lines.findIndex((l) => l.startsWith('export interface SegmentKitEventDetails'));
  const out = new Map();
  for (let i = 0; i < (end < 0 ? lines.length : end); i++) {
    const m = /^export (interface|type) (\w+)/.exec(lines[i]);
    if (!m) continue;
    let start = i;
    if (lines[i - 1]?.trimEnd().endsWith('*/')) {
      start = i - 1;
      while (start > 0 && !lines[start].trimStart().startsWith('/**')) start--;
    }
    let depth = 0;
    let j = i;
    for (; j < lines.length; j++) {
      for (const ch of lines[j]) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      // An interface ends with its closing brace, a type alias with its semicolon.
      if (depth === 0 && (m[1] === 'interface' ? /}\s*$/ : /;\s*$/).test(lines[j])) break;
    }
    out.set(m[2], lines.slice(start, j + 1).join('\n'));
    i = j;
  }
  return out;
}

/** The event names in events.ts's CANCELABLE set. */
export function cancelableEvents(source) {
  const block = /const CANCELABLE[^=]*=\s*new Set[^(]*\(\[([\s\S]*?)\]\)/.exec(source)?.[1] ?? '';
  return new Set([...block.matchAll(/'([\w-]+)'/g)].map((m) => m[1]));
}

function signature(method) {
  const params = (method.parameters ?? [])
    .map((p) => `${p.name}${p.optional || p.default !== undefined ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`)
    .join(', ');
  return `${method.name}(${params})${method.return?.type ? `: ${method.return.type.text}` : ''}`;
}

function element(d, types, cancelable) {
  const out = [`## \`<${d.tagName}>\``, '', `Class \`${d.name}\`. ${(d.description ?? '').trim()}`, ''];
  const members = (d.members ?? []).filter(isPublic);
  const fields = members.filter((m) => m.kind === 'field');
  const methods = members.filter((m) => m.kind === 'method');
  const described = new Set(fields.map((f) => f.name));
  const attributesOnly = (d.attributes ?? []).filter((a) => !a.fieldName || !described.has(a.fieldName));

  if (fields.length) {
    out.push('### Properties', '', '| Property | Attribute | Type | Default | Description |', '| --- | --- | --- | --- | --- |');
    for (const f of fields) {
      const attr = f.attribute ? `${code(f.attribute)}${f.reflects ? ' (reflected)' : ''}` : '';
      const notes = [f.readonly ? 'Read-only.' : '', cell(f.description)].filter(Boolean).join(' ');
      out.push(`| ${code(f.name)} | ${attr} | ${code(f.type?.text)} | ${code(f.default)} | ${notes} |`);
    }
    out.push('');
  }
  if (attributesOnly.length) {
    out.push('### Attributes without a property', '', '| Attribute | Type | Default | Description |', '| --- | --- | --- | --- |');
    for (const a of attributesOnly) out.push(`| ${code(a.name)} | ${code(a.type?.text)} | ${code(a.default)} | ${cell(a.description)} |`);
    out.push('');
  }
  if (methods.length) {
    out.push('### Methods', '', '| Method | Description |', '| --- | --- |');
    for (const m of methods) out.push(`| ${code(signature(m))} | ${cell(m.description)} |`);
    out.push('');
  }
  const events = (d.events ?? []).filter((e) => e.name);
  if (events.length) {
    out.push('### Events', '', '| Event | Detail | Cancelable | Description |', '| --- | --- | --- | --- |');
    for (const e of events) {
      const detail = /^CustomEvent<(\w+)>$/.exec(e.type?.text ?? '')?.[1];
      const type = detail && types.has(detail) ? `[\`${detail}\`](#${anchor(detail)})` : code(e.type?.text);
      out.push(`| ${code(e.name)} | ${type} | ${cancelable.has(e.name) ? 'yes' : 'no'} | ${cell(e.description)} |`);
    }
    out.push('');
  }
  const sections = [
    ['Slots', d.slots, (s) => (s.name ? code(s.name) : '(default)')],
    ['Parts', d.cssParts, (p) => code(p.name)],
    ['CSS custom properties', d.cssProperties, (p) => code(p.name)],
  ];
  for (const [title, list, name] of sections) {
    if (!list?.length) continue;
    const head = title === 'Slots' ? 'Slot' : title === 'Parts' ? 'Part' : 'Property';
    out.push(`### ${title}`, '', `| ${head} | Description |`, '| --- | --- |');
    for (const x of list) out.push(`| ${name(x)} | ${cell(x.description)} |`);
    out.push('');
  }
  return out.join('\n');
}

/** docs/elements.md's text from a manifest and events.ts's source, formatted as prettier would. */
export async function apiDocs(manifest, eventsSource) {
  const types = eventTypes(eventsSource);
  const cancelable = cancelableEvents(eventsSource);
  const decls = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const used = new Set(decls.flatMap((d) => (d.events ?? []).map((e) => /^CustomEvent<(\w+)>$/.exec(e.type?.text ?? '')?.[1])));
  // The detail types the events name, and the types those mention.
  const shown = new Set([...types.keys()].filter((t) => used.has(t)));
  for (let grew = true; grew;) {
    grew = false;
    for (const t of shown)
      for (const other of types.keys())
        if (!shown.has(other) && new RegExp(`\\b${other}\\b`).test(types.get(t).replace(/^export (?:interface|type) \w+/m, ''))) {
          shown.add(other);
          grew = true;
        }
  }
  const text = [
    '# Elements: properties, attributes, events, slots, parts',
    '',
    '<!-- Generated by `npm run docs:api` (scripts/api-docs.mjs) from custom-elements.json and src/elements/shared/events.ts: do not edit by hand. -->',
    '',
    'Every element of the kit with its public API. Objects (a provider, a segment, a list of columns) are set as properties from',
    'JavaScript; attributes take strings. Every event bubbles and is composed (it crosses shadow roots), and none is fired when a',
    'property is set. Theming (tokens, parts) is in [theming.md](theming.md), keyboard and screen-reader behaviour in',
    '[accessibility.md](accessibility.md).',
    '',
    decls.map((d) => `- [\`<${d.tagName}>\`](#${anchor(`<${d.tagName}>`)})`).join('\n'),
    '- [Event detail types](#event-detail-types)',
    '',
    ...decls.map((d) => element(d, types, cancelable)),
    '## Event detail types',
    '',
    `From \`${EVENTS}\` (exported from \`segment-kit\`; each event is also in \`HTMLElementEventMap\`, so \`addEventListener\` is typed).`,
    '',
    ...[...types.keys()].filter((t) => shown.has(t)).flatMap((t) => [`### ${t}`, '', '```ts', types.get(t), '```', '']),
  ].join('\n');
  const config = (await prettier.resolveConfig(OUT)) ?? {};
  return prettier.format(text, { ...config, parser: 'markdown' });
}

/** The theme file's tokens (its `:root` block): name, light and dark value, and the comment above it. */
export function themeTokens(css) {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  return [...root.matchAll(/(?:\/\*\s*([^*]*?)\s*\*\/\s*)?(--sk-[\w-]+)\s*:\s*([^;]+);/g)].map(([, description, name, value]) => {
    const pair = /^light-dark\((.*),\s*([^,]+)\)$/.exec(value.trim());
    return {
      name,
      description: description ?? '',
      light: pair ? pair[1].trim() : value.trim(),
      dark: pair ? pair[2].trim() : value.trim(),
    };
  });
}

/** The generated sections of docs/theming.md: `tokens` (the theme's), `element-tokens` (the `@cssprop`s) and `parts`. */
export function themingSections(manifest, css) {
  const theme = themeTokens(css);
  const decls = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const tokens = [
    '| Token | What it styles | Light | Dark |',
    '| --- | --- | --- | --- |',
    ...theme.map((t) => `| ${code(t.name)} | ${cell(t.description)} | ${code(t.light)} | ${code(t.dark)} |`),
  ];
  const byName = new Map();
  for (const d of decls)
    for (const p of d.cssProperties ?? []) {
      if (theme.some((t) => t.name === p.name)) continue; // a theme token an element names as one it reads
      const entry = byName.get(p.name) ?? { name: p.name, description: p.description ?? '', tags: [] };
      entry.tags.push(d.tagName);
      byName.set(p.name, entry);
    }
  const elementTokens = [
    '| Property | Element | What it styles (default) |',
    '| --- | --- | --- |',
    ...[...byName.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => `| ${code(t.name)} | ${t.tags.map((x) => `\`<${x}>\``).join(', ')} | ${cell(t.description)} |`),
  ];
  const parts = [
    '| Element | Parts |',
    '| --- | --- |',
    ...decls.map(
      (d) =>
        `| [\`<${d.tagName}>\`](elements.md#${anchor(`<${d.tagName}>`)}) | ${(d.cssParts ?? []).map((p) => code(p.name)).join(', ')} |`,
    ),
  ];
  return { tokens: tokens.join('\n'), 'element-tokens': elementTokens.join('\n'), parts: parts.join('\n') };
}

/** `text` with each `<!-- generated:NAME -->…<!-- /generated:NAME -->` section replaced by `sections[NAME]`. */
export function fillSections(text, sections) {
  for (const [name, body] of Object.entries(sections)) {
    const re = new RegExp(`(<!-- generated:${name} [^>]*-->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(text)) throw new Error(`docs/theming.md has no <!-- generated:${name} … --> section`);
    text = text.replace(re, (_, open, close) => `${open}\n\n${body}\n\n${close}`);
  }
  return text;
}

/** docs/theming.md with its generated sections filled in from the manifest and the theme file, formatted. */
export async function themingDocs(current, manifest, css) {
  const config = (await prettier.resolveConfig(THEMING)) ?? {};
  return prettier.format(fillSections(current, themingSections(manifest, css)), { ...config, parser: 'markdown' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const text = await apiDocs(manifest, readFileSync(EVENTS, 'utf8'));
  writeFileSync(OUT, text);
  writeFileSync(THEMING, await themingDocs(readFileSync(THEMING, 'utf8'), manifest, readFileSync(THEME, 'utf8')));
  console.log(
    `${OUT}: ${manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).length} elements; ${THEMING}: tokens and parts`,
  );
}
