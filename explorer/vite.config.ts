import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The scenario explorer (explorer/): a static site, built to dist-explorer/ and served on
 * http://127.0.0.1:4173. `ccmpp` and `ccmpp/yingkou` resolve to the library's sources (no build of
 * dist/ needed); `vega` (which vega-lite imports) to explorer/src/vega.ts, the part of Vega the charts use.
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  resolve: {
    alias: [
      { find: /^ccmpp$/, replacement: here('../src/index.ts') },
      { find: /^ccmpp\/yingkou$/, replacement: here('../src/yingkou/index.ts') },
      { find: /^vega$/, replacement: here('./src/vega.ts') },
    ],
  },
  worker: { format: 'es' },
  build: { outDir: here('../dist-explorer'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 4173 },
});
