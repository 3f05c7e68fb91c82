import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
// Written by `npm run analyze` (run before `storybook` and `build-storybook`): the controls and the docs pages come from it.
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);
import './preview.css';

/** Theme and direction come from the toolbar, so every story can be seen dark and right-to-left. */
const withThemeAndDirection: Decorator = (story, context) => {
  const theme = (context.globals.theme as string | undefined) ?? 'light';
  const dir = (context.globals.dir as string | undefined) ?? 'ltr';
  // On a docs page every story of the element renders on one page: each gets its own theme and
  // direction around it, and the page itself stays as it is.
  if (context.viewMode === 'docs') return html`<div data-sk-theme=${theme} dir=${dir}>${story()}</div>`;
  document.documentElement.dataset.skTheme = theme;
  document.documentElement.dir = dir;
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
  },
  initialGlobals: { theme: 'light', dir: 'ltr' },
  parameters: {
    // `npm start` opens on the first story: the workspace, then the elements and the core.
    options: { storySort: { order: ['Workspace', 'Elements', 'Foundations', 'Core'] } },
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
