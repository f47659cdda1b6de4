import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's examples run as a user would run them: against the built package, imported by its
// name ('ccmpp', 'ccmpp/testing' — Node resolves a package's own name from inside it), in a
// separate Node process. `npm test` builds first (the `pretest` script).

const ROOT = join(import.meta.dirname, '..');
const TMP = join(ROOT, 'test', '.tmp');

function example(name: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m) throw new Error(`README has no example "${name}"`);
  return m[1]!;
}

function run(file: string, source: string, args: string[] = []) {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, file);
  writeFileSync(path, source);
  return spawnSync(process.execPath, [...args, path], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('README examples, against the built package', () => {
  it('the usage example prints the Yingkou projection and the migration it needs', () => {
    const r = run('usage.ts', example('usage'), ['--import', 'tsx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[ 2030, \d{7} \]/);
    expect(r.stdout).toMatch(/^\d+ a year$/m);
  });

  it('the ccmpp/testing example runs its property to the end', () => {
    const r = run('testing-kit.ts', example('testing-kit'), ['--import', 'tsx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('ccmpp/testing resolves for require (CommonJS) too, without fast-check in ccmpp', () => {
    const r = run(
      'require.cjs',
      `const fc = require('fast-check');
const ccmpp = require('ccmpp');
const { arbitraries, invariants } = require('ccmpp/testing');
fc.assert(fc.property(arbitraries.projectionCase({ periods: { min: 1, max: 2 } }), ({ base, periods }) =>
  invariants.assertHolds(invariants.balancingIdentity(ccmpp.projectCohorts(base, periods)))), { numRuns: 10, seed: 1 });
console.log('ok');`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });

  it('import "ccmpp" loads neither fast-check, nor mathjs, nor the command’s render dependencies', () => {
    const r = run(
      'light.cjs',
      `require('ccmpp');
const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](fast-check|mathjs|vega|vega-lite|commander|cli-progress)[\\\\/]/.test(k));
console.log(JSON.stringify(loaded));`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('[]');
  });

  it('the API section lists exactly what each entry point exports', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## API'), readme.indexOf('### In the browser'));
    // Backticked identifiers, leaving out what parentheses say about them.
    const names = (text: string) => [...text.replace(/\([^)]*\)/g, '').matchAll(/`([A-Za-z_]\w*)`/g)].map((m) => m[1]!);
    const core = section.slice(section.indexOf('<!-- api: ccmpp -->'));
    const table = core.slice(0, core.indexOf('\n\n'));
    const listed = { ccmpp: names(table.split('\n').slice(3).map((row) => row.split('|')[2]).join(' ')) } as Record<string, string[]>;
    for (const m of section.matchAll(/^\| `(ccmpp\/\w+)` \| ([^|]*) \|/gm)) listed[m[1]!] = names(m[2]!);
    const r = run(
      'api.mjs',
      `const out = {};
for (const s of ${JSON.stringify(Object.keys(listed))}) out[s] = Object.keys(await import(s));
console.log(JSON.stringify(out));`,
    );
    expect(r.stderr).toBe('');
    const actual = JSON.parse(r.stdout) as Record<string, string[]>;
    // Every name the README lists is exported there, and every name an entry point exports is listed.
    expect(Object.keys(listed)).toEqual(['ccmpp', 'ccmpp/parallel', 'ccmpp/leslie', 'ccmpp/yingkou', 'ccmpp/testing']);
    for (const [entry, ns] of Object.entries(listed)) expect([...new Set(ns)].sort(), entry).toEqual([...actual[entry]!].sort());
  });
});
