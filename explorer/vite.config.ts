import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The scenario explorer (explorer/): a static site, built to dist-explorer/ and served on
 * http://127.0.0.1:4173. `ccmpp` and `ccmpp/yingkou` resolve to the library's sources (no build of
 * dist/ needed); `vega` (which vega-lite imports) to explorer/src/vega.ts, the part of Vega the charts use.
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The built site as ONE file: the script and the styles inlined into index.html (the Monte Carlo
 * worker is inlined into the script, `?worker&inline`), so that the page opens from the disk
 * (file://, where a browser fetches no module script), from any static host, or as a mailed file.
 * `</script` inside the script is escaped so that it cannot end the element.
 */
function singleFile(): Plugin {
  return {
    name: 'ccmpp-explorer-single-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return;
      let text = String(html.source);
      for (const [name, out] of Object.entries(bundle)) {
        if (out.type === 'chunk' && out.isEntry) {
          const tag = new RegExp(`<script type="module" crossorigin src="[^"]*${out.fileName.replace(/[.]/g, '\\.')}"></script>`);
          if (!tag.test(text)) throw new Error(`index.html has no script tag for ${out.fileName}`);
          text = text.replace(tag, () => `<script type="module">${out.code.replace(/<\/script/gi, '<\\/script')}</script>`);
          delete bundle[name];
        } else if (out.type === 'asset' && name.endsWith('.css')) {
          const tag = new RegExp(`<link rel="stylesheet" crossorigin href="[^"]*${out.fileName.replace(/[.]/g, '\\.')}">`);
          if (!tag.test(text)) throw new Error(`index.html has no stylesheet link for ${out.fileName}`);
          text = text.replace(tag, () => `<style>${String(out.source)}</style>`);
          delete bundle[name];
        }
      }
      html.source = text;
    },
  };
}

export default defineConfig({
  plugins: [singleFile()],
  root: here('.'),
  base: './',
  resolve: {
    alias: [
      { find: /^ccmpp$/, replacement: here('../src/index.ts') },
      { find: /^ccmpp\/yingkou$/, replacement: here('../src/yingkou/index.ts') },
      { find: /^vega$/, replacement: here('./src/vega.ts') },
    ],
  },
  // A classic worker: a module worker from a blob: URL does not start in a page opened from file://.
  worker: { format: 'iife' },
  build: { outDir: here('../dist-explorer'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 4173 },
});
