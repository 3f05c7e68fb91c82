// Lint: typescript-eslint (type-aware), Lit and web-component rules.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The no-DOM layers: segment-kit/core, the providers and the sample data run in Node, a
 * worker or a server. They import no Lit, Floating UI, chart.js or element code, and use
 * no global that exists only in a browser page (window, document, localStorage,
 * requestAnimationFrame, HTMLElement, bare `name`/`status`/`event` …): a storage, a
 * clock or a scheduler is passed in. Worker globals (Worker, self, postMessage,
 * onmessage) stay allowed, for a provider that runs in a worker.
 */
const NO_DOM_FILES = ['src/core/**/*.ts', 'src/providers/**/*.ts', 'src/sample/**/*.ts'];
const WORKER_GLOBALS = new Set(['Worker', 'self', 'postMessage', 'onmessage', 'onmessageerror', 'importScripts']);
// `globals.node` lists these for newer Node versions only (localStorage behind a flag); on Node 20 they are page globals.
const PAGE_GLOBALS_IN_NEWER_NODE = ['localStorage', 'sessionStorage', 'Storage', 'navigator', 'Navigator'];
const DOM_ONLY_GLOBALS = [
  ...Object.keys(globals.browser).filter((name) => !(name in globals.node) && !(name in globals.builtin) && !WORKER_GLOBALS.has(name)),
  ...PAGE_GLOBALS_IN_NEWER_NODE,
];

/**
 * What a strict Content-Security-Policy (`script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`)
 * would block, and what would render member data as markup: code that compiles strings, writes HTML, or binds inline styles.
 */
const CSP_SYNTAX = [
  { selector: "CallExpression[callee.name='eval']", message: 'No eval: the kit runs under a strict CSP.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function: the kit runs under a strict CSP.' },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML: member data is rendered as text (Lit bindings), and Trusted Types would refuse it.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No HTML from strings: member data is rendered as text (Lit bindings).',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'No document.write: member data is rendered as text (Lit bindings).',
  },
];
/** In the kit's own templates: no inline `style` attribute (CSP `style-src 'self'` refuses it); set custom properties from code. */
const NO_INLINE_STYLE = {
  selector: 'TaggedTemplateExpression[tag.name=/^(html|svg)$/] TemplateElement[value.raw=/\\sstyle=/]',
  message: "No inline style= in templates: a strict CSP (style-src 'self') refuses it. Use a class, or set a custom property from code.",
};
const UNSAFE_DIRECTIVES = [
  { name: 'lit/directives/unsafe-html.js', message: 'Member data is rendered as text.' },
  { name: 'lit/directives/unsafe-svg.js', message: 'Member data is rendered as text.' },
  { name: 'lit/directives/unsafe-mathml.js', message: 'Member data is rendered as text.' },
  { name: 'lit/directives/style-map.js', message: "No inline styles: a strict CSP (style-src 'self') refuses them." },
];

export default tseslint.config(
  {
    ignores: ['dist/', 'storybook-static/', 'node_modules/', 'custom-elements.json', 'coverage/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bench/*.mjs', '.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-restricted-syntax': ['error', ...CSP_SYNTAX],
      'no-restricted-imports': ['error', { paths: UNSAFE_DIRECTIVES }],
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
    ...wc.configs['flat/recommended'],
    plugins: { lit, wc },
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      ...lit.configs['flat/recommended'].rules,
      ...wc.configs['flat/recommended'].rules,
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...CSP_SYNTAX, NO_INLINE_STYLE] },
  },
  {
    files: NO_DOM_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', '@floating-ui/*', 'chart.js', 'chart.js/*', '**/elements/*', '**/elements'],
              message: 'The core, the providers and the sample data stay free of Lit and the DOM.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...DOM_ONLY_GLOBALS.map((name) => ({
          name,
          message: `\`${name}\` exists only in a browser page; the core, the providers and the sample data also run in Node and workers (pass it in instead).`,
        })),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/**/*.ts', 'bench/**/*', 'scripts/**/*', '.storybook/**/*', 'stories/**/*'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
