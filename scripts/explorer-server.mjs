/**
 * What the explorer's Chromium test (test/explorer/browser.test.ts) and its bench
 * (bench/explorer/run.mjs) share: a static server for a built site on a free port of 127.0.0.1,
 * and the Chromium binary and flags for this machine's closed network (Debian's `chromium`, never
 * downloaded; $CHROMIUM picks another).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serves the files of `dir` (index.html for `/`); resolves to its URL and a `close()`. */
export async function serve(dir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

/** Chromium to drive: $CHROMIUM, else /usr/bin/chromium; undefined when neither exists. */
export function chromiumPath() {
  const p = process.env.CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(p) ? p : undefined;
}

/** Flags for headless Chromium here: no sandbox (root), no GPU, no background connections (the network is closed). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
