import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The library stays light (design.md, "Dependencies"): the chart specs are plain objects, and what
// only the command needs — vega, vega-lite, commander, cli-progress — is imported from src/cli/
// alone, never from a module `import 'ccmpp'` can reach.

const CLI_ONLY = ['vega', 'vega-lite', 'commander', 'cli-progress'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('the library does not load the CLI’s dependencies', () => {
  it('no module outside src/cli imports vega, vega-lite, commander or cli-progress', () => {
    const offenders = files('src')
      .filter((f) => !f.startsWith(join('src', 'cli')))
      .flatMap((f) => imports(f).filter((m) => CLI_ONLY.includes(m)).map((m) => `${f} imports ${m}`));
    expect(offenders).toEqual([]);
  });

  it('src/report imports only the library (and zod/mini)', () => {
    const outside = files(join('src', 'report')).flatMap((f) => imports(f).filter((m) => !m.startsWith('.') && m !== 'zod/mini').map((m) => `${f} imports ${m}`));
    expect(outside).toEqual([]);
  });

  it('the library uses zod/mini, never classic zod (whose methods and locales defeat tree-shaking)', () => {
    // The command (src/cli) is a bundle of its own; the worker-thread entry is Node only.
    const nodeOnly = [join('src', 'stochastic', 'parallel.ts'), join('src', 'stochastic', 'worker.ts')];
    const classic = files('src')
      .filter((f) => !f.startsWith(join('src', 'cli')) && !nodeOnly.includes(f))
      .flatMap((f) => imports(f).filter((m) => m === 'zod' || (m.startsWith('zod/') && m !== 'zod/mini')).map((m) => `${f} imports ${m}`));
    expect(classic).toEqual([]);
  });

  it('vega is loaded by the CLI only when it renders a report (a dynamic import in output.ts)', () => {
    const staticVega = files(join('src', 'cli'))
      .filter((f) => !f.endsWith('render.ts'))
      .filter((f) => /from\s+['"](vega|vega-lite)['"]/.test(readFileSync(f, 'utf8')));
    expect(staticVega).toEqual([]);
    const staticRender = files(join('src', 'cli')).filter((f) => /from\s+['"]\.{1,2}\/(cli\/)?render\.js['"]/.test(readFileSync(f, 'utf8')));
    expect(staticRender).toEqual([]);
    expect(readFileSync(join('src', 'cli', 'output.ts'), 'utf8')).toContain("await import('./render.js')");
  });
});
