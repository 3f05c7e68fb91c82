import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
// Written by `npm run analyze` (run before `storybook` and `build-storybook`): the controls and the docs pages come from it.
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);
import './preview.css';
import { de } from '../src/core/messages/de/index.js';
import { registerLocale } from '../src/elements/shared/messages.js';

// German from the toolbar: the elements follow the page's `lang`, live.
registerLocale('de', de);

/** Theme, direction and language come from the toolbar, so every story can be seen dark, right-to-left and in German. */
const withThemeAndDirection: Decorator = (story, context) => {
  const theme = (context.globals.theme as string | undefined) ?? 'light';
  const dir = (context.globals.dir as string | undefined) ?? 'ltr';
  const lang = (context.globals.lang as string | undefined) ?? 'en';
  // On a docs page every story of the element renders on one page: each gets its own theme and
  // direction around it, and the page itself stays as it is.
  if (context.viewMode === 'docs') return html`<div data-sk-theme=${theme} dir=${dir} lang=${lang}>${story()}</div>`;
  document.documentElement.dataset.skTheme = theme;
  document.documentElement.dir = dir;
  document.documentElement.lang = lang;
  return html`${story()}`;
};

const preview: Preview = {
  // A docs page per element, generated from its JSDoc through the manifest.
  tags: ['autodocs'],
  decorators: [withThemeAndDirection],
  globalTypes: {
    theme: {
      description: 'Colour theme (--sk-* tokens)',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    lang: {
      description: 'Language (the lang the elements follow)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', lang: 'en' },
  parameters: {
    // `npm start` opens on the first story: the workspace, then the elements and the core.
    options: { storySort: { order: ['Workspace', 'Elements', 'Foundations', 'Core'] } },
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
