import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  // Relative asset URLs, so the built dist/ works from any path (file server sub-folder, preview, zip).
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
