import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  // Relative asset URLs, so the built dist/ works from any path (file server sub-folder, preview, zip).
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The first screen needs React, the store and i18n only; screens, charts and the database
    // are lazy chunks (React.lazy), and the engine lives in the worker's bundle.
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
