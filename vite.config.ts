import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/**
 * Marks the scripts the first screen loads (the entry and what it imports statically) with V8's
 * explicit compile hint, `//# allFunctionsCalledOnLoad` (Chromium 136 and later; other engines
 * read a comment): their functions are compiled while the script streams in, on a background
 * thread, instead of one by one on the page's thread as home first calls them. Measured with
 * `npm run bench:ui`: the README's "The web app". Lazy chunks keep lazy compilation. The comment
 * must open the file, so this runs after Vite's own rewriting of the chunks (`order: 'post'`:
 * the preload list it puts at the top); a source map, when one is made, moves down one line.
 * Not for the one-file offline build: there every screen is one inline script, which is not
 * streamed, so the hint would compile the whole app on the page's thread at start.
 */
function compileHints(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'crm-sandbox:compile-hints',
    apply: (_config, env) => env.command === 'build' && env.mode !== 'offline',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const hinted = new Set<string>();
        const hint = (name: string) => {
          const chunk = bundle[name];
          if (chunk?.type !== 'chunk' || hinted.has(name)) return;
          hinted.add(name);
          chunk.code = HINT + chunk.code;
          // By now a source map is an asset of its own: it moves down the one line.
          const map = bundle[`${name}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const json = JSON.parse(map.source) as { mappings: string };
            json.mappings = `;${json.mappings}`;
            map.source = JSON.stringify(json);
          }
          for (const dep of chunk.imports) hint(dep);
        };
        for (const [name, chunk] of Object.entries(bundle)) if (chunk.type === 'chunk' && chunk.isEntry && !/worker/i.test(name)) hint(name);
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: '.',
  // Relative asset URLs, so the built dist/ works from any path (file server sub-folder, preview, zip).
  base: './',
  plugins: [
    react(),
    compileHints(),
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
