// VS Code custom data (`html.customData`) from custom-elements.json: every element, its
// description, its attributes (with their values where the type is a union of strings) and
// its events in the description. Written by `npm run build` as vscode.html-custom-data.json.
import { readFileSync, writeFileSync } from 'node:fs';

export function vscodeData(manifest) {
  const tags = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => {
      const events = (d.events ?? []).filter((e) => e.name).map((e) => `\`${e.name}\``);
      const description = [d.description ?? d.summary ?? '', events.length ? `Events: ${events.join(', ')}.` : '']
        .filter(Boolean)
        .join('\n\n');
      return {
        name: d.tagName,
        description,
        attributes: (d.attributes ?? []).map((a) => {
          const values = [...(a.type?.text ?? '').matchAll(/'([^']+)'/g)].map((v) => ({ name: v[1] }));
          return { name: a.name, ...(a.description ? { description: a.description } : {}), ...(values.length ? { values } : {}) };
        }),
        references: [{ name: 'segment-kit', url: 'https://www.npmjs.com/package/segment-kit' }],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = vscodeData(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
  writeFileSync('vscode.html-custom-data.json', JSON.stringify(data, null, 2) + '\n');
  console.log(`vscode.html-custom-data.json: ${data.tags.length} elements`);
}
