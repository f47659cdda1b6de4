import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// The platform-neutral core, in the source: no Node global or module under src/ outside the
// command (src/cli/), simulateParallel (src/stochastic/parallel.ts) and its worker
// (src/stochastic/worker.ts); mathjs only in the Leslie-matrix view and the testing kit. Comments
// are left out (they may name what the code does not use).

const NODE_ONLY = ['src/cli/', 'src/stochastic/parallel.ts', 'src/stochastic/worker.ts'];
const MATHJS = ['src/project/leslie.ts', 'src/testing/'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const files = sources(join(ROOT, 'src')).map((f) => ({ path: relative(ROOT, f).replaceAll('\\', '/'), code: code(readFileSync(f, 'utf8')) }));
const under = (path: string, prefixes: string[]) => prefixes.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));

const PATTERNS: [string, RegExp][] = [
  ['process', /\bprocess\s*\./],
  ['a node: import', /from\s+['"]node:|import\(\s*['"]node:|require\(\s*['"]node:/],
  ['fs', /from\s+['"](?:node:)?fs(?:\/promises)?['"]/],
  ['worker_threads', /worker_threads/],
  ['require', /\brequire\s*\(/],
  ['Buffer', /\bBuffer\s*\./],
  ['__dirname', /\b__(?:dirname|filename)\b/],
];

describe('the platform-neutral core (src/ outside the command and the worker threads)', () => {
  it('uses no process, fs, worker_threads or other Node API', () => {
    const found = files
      .filter((f) => !under(f.path, NODE_ONLY))
      .flatMap((f) => PATTERNS.filter(([, re]) => re.test(f.code)).map(([what]) => `${f.path}: ${what}`));
    expect(found).toEqual([]);
  });

  it('imports mathjs only in the Leslie-matrix view (ccmpp/leslie) and the testing kit', () => {
    const found = files.filter((f) => /from\s+['"]mathjs['"]/.test(f.code) && !under(f.path, MATHJS)).map((f) => f.path);
    expect(found).toEqual([]);
  });
});
