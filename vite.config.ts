// Shared Vite settings: Storybook's builder merges these in, and the bundle-size
// benchmark builds each entry point with them.
import { defineConfig } from 'vite';

export default defineConfig({
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    // Storybook's own manager and docs chunks are large; the kit's entry points are measured separately.
    chunkSizeWarningLimit: 4000,
  },
});
