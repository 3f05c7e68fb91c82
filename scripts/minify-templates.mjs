// Minifies the text of Lit's tagged templates — css`…`, html`…` and svg`…` — in a JavaScript or
// TypeScript module, as Lit's own build does: what the browser parses is the same, with fewer
// bytes. The package build (scripts/build.mjs) applies it to dist/, and so that what is tested,
// shown and measured is what ships, so do the element tests (web-test-runner.config.mjs),
// Storybook (.storybook/main.ts) and `npm run bench:size` (templatesPlugin()).
//
// The rules are the safe subset, chosen so that nothing renders differently:
// - css: comments go; runs of white space become one space, and none is kept next to
//   `{ } ; , >` or after `:` (a space *before* `:` is a descendant combinator and stays); the
//   `;` before a `}` goes. Quoted strings and `url(…)` are copied as they are.
// - html and svg: a run of white space that holds a line break becomes one space, which is how
//   HTML renders it anyway (no template holds `<pre>`, and a `<textarea>`'s text is left alone).
//   Runs on one line are left as written.
// Expressions (`${…}`) are never touched: each literal part between them is minified alone.
import ts from 'typescript';

const TAGS = new Set(['css', 'html', 'svg']);

/**
 * @param {string} text one literal part of a css`…` template
 * @param {boolean} [first] the part begins the template: white space at its start goes
 * @param {boolean} [last] the part ends the template: white space at its end goes
 */
export function minifyCss(text, first = true, last = true) {
  let out = '';
  let i = 0;
  const n = text.length;
  const trimEnd = () => {
    out = out.replace(/ $/, '');
  };
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      if (out && !/[{};,>: ]$/.test(out)) out += ' ';
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === 'u' && text.startsWith('url(', i)) {
      const end = text.indexOf(')', i);
      const j = end < 0 ? n : end + 1;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < n && /\s/.test(text[i])) i++;
      // Next to an expression (`${a} ${b}`) the space is kept.
      if (out ? !/[{};,>: ]$/.test(out) : !first) out += ' ';
      continue;
    }
    if (c === '{' || c === '}' || c === ';' || c === ',' || c === '>') {
      trimEnd();
      if (c === '}') out = out.replace(/;$/, '');
      out += c;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return last ? out.replace(/ $/, '') : out;
}

/** @param {string} text one literal part of an html`…` or svg`…` template */
export function minifyHtml(text) {
  return text.replace(/[ \t\r\n\f]*\n[ \t\r\n\f]*/g, ' ');
}

/**
 * The module's source with its css/html/svg templates minified (unchanged when it has none).
 * @param {string} code
 * @param {string} [fileName] decides how it is parsed (.ts, .js …)
 */
export function minifyTemplates(code, fileName = 'module.js') {
  if (!/\b(?:css|html|svg)`/.test(code)) return code;
  const kind = /\.tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, kind);
  /** @type {{ start: number; end: number; text: string }[]} */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const [i, part] of parts.entries()) {
        const minify = node.tag.text === 'css' ? (raw) => minifyCss(raw, i === 0, i === parts.length - 1) : minifyHtml;
        const start = part.getStart(source);
        // A part's text runs from after "`" or "}" to before "`" or "${".
        const open = start + 1;
        const close = part.end - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
        const raw = code.slice(open, close);
        const min = minify(raw);
        if (min !== raw) edits.push({ start: open, end: close, text: min });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return code;
  let out = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += code.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + code.slice(at);
}

/** The same as a Vite (and Rollup) plugin, for the modules under `src/`. */
export function templatesPlugin() {
  return {
    name: 'segment-kit-minify-templates',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\/src\/.*\.[jt]s$/.test(file)) return undefined;
      const out = minifyTemplates(code, file);
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

/** The cooked value of a template part's raw text (escapes read as JavaScript reads them). */
function cooked(raw) {
  if (!raw.includes('\\')) return raw;
  const file = ts.createSourceFile('part.ts', `\`${raw}\``, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const literal = /** @type {ts.ExpressionStatement} */ (file.statements[0]).expression;
  return /** @type {ts.NoSubstitutionTemplateLiteral} */ (literal).text;
}

/**
 * The same as a TypeScript transformer (`program.emit(…, { before: [templatesTransformer] })`),
 * so that tsc's source maps stay right.
 * @param {ts.TransformationContext} context
 */
export function templatesTransformer(context) {
  const f = context.factory;
  /** @param {ts.SourceFile} file */
  return (file) => {
    /** @param {ts.Node} node @returns {ts.Node} */
    const visit = (node) => {
      node = ts.visitEachChild(node, visit, context);
      if (!ts.isTaggedTemplateExpression(node) || !ts.isIdentifier(node.tag) || !TAGS.has(node.tag.text)) return node;
      const t = node.template;
      const single = ts.isNoSubstitutionTemplateLiteral(t);
      const count = single ? 1 : t.templateSpans.length + 1;
      let index = 0;
      const minify = (raw) => (node.tag.text === 'css' ? minifyCss(raw, index === 0, index === count - 1) : minifyHtml(raw));
      const rawOf = (part) => part.rawText ?? part.getText(file).slice(1, ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? -2 : -1);
      const part = (p, make) => {
        const min = minify(rawOf(p));
        index++;
        return ts.setTextRange(make(cooked(min), min), p);
      };
      let template;
      if (single) template = part(t, (c, r) => f.createNoSubstitutionTemplateLiteral(c, r));
      else
        template = f.updateTemplateExpression(
          t,
          part(t.head, (c, r) => f.createTemplateHead(c, r)),
          t.templateSpans.map((s) =>
            f.updateTemplateSpan(
              s,
              s.expression,
              part(s.literal, (c, r) => (ts.isTemplateMiddle(s.literal) ? f.createTemplateMiddle(c, r) : f.createTemplateTail(c, r))),
            ),
          ),
        );
      return f.updateTaggedTemplateExpression(node, node.tag, node.typeArguments, template);
    };
    return /** @type {ts.SourceFile} */ (ts.visitNode(file, visit));
  };
}
