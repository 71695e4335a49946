import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig(({ mode }) => ({
  root: '.',
  // Relative asset URLs, so the built dist/ works from any path (file server sub-folder, preview, zip).
  base: './',
  plugins: [
    react(),
    // The served web app is an installable PWA that works offline after the first visit
    // (src/ui/shell/pwa.ts registers it and asks before an update). The SCORM package and the
    // one-file offline build (other modes) have no service worker.
    ...(mode === 'production'
      ? [
          VitePWA({
            registerType: 'prompt',
            injectRegister: false,
            manifest: {
              name: 'CRM Sandbox 客户关系经营沙盘',
              short_name: 'CRM Sandbox',
              description: 'A deterministic customer-relationship-management training simulation · 客户关系管理训练沙盘',
              start_url: './',
              scope: './',
              display: 'standalone',
              background_color: '#f4f6fa',
              theme_color: '#1a5fd0',
              icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
            },
            workbox: {
              // Every screen, worker, scenario and the firm view (Phaser is the largest file).
              globPatterns: ['**/*.{js,css,html,svg,json,webmanifest}'],
              maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
              navigateFallback: 'index.html',
            },
          }),
        ]
      : []),
  ],
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
}));
