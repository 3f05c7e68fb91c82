import type { StorybookConfig } from '@storybook/web-components-vite';
import { templatesPlugin } from '../scripts/minify-templates.mjs';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages generated from custom-elements.json (every property, attribute, event, slot, part and
  // CSS custom property, from the elements' JSDoc), and axe in the panel.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Lit's templates minified as the package build minifies them: designers see what ships.
  viteFinal: (config) => ({ ...config, plugins: [...(config.plugins ?? []), templatesPlugin()] }),
};

export default config;
