import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { E0_OBSERVED_MAX, POST_TRANSITION_TFR_MAX } from '../../src/validate/warnings.js';
import { yingkou } from '../../src/yingkou/data.js';

// Issue 11 §2: answers far outside experience are flagged, not just printed. Results carry
// structured warnings { code, message, path }; thresholds in src/validate/warnings.ts with sources.

const base = yingkou.base2015;
const plan = yingkou.scenarios.plan;
const target2030 = { year: 2030, population: 2_600_000 };

describe('warnings on solver and assessment results', () => {
  it('a required 2030 TFR of 4.77 for a city at 0.71 is flagged (no post-transition population returned above about 2.1)', () => {
    const r = requiredTfr(base, plan, target2030);
    expect(r.status).toBe('reachable');
    expect(r.warnings).toEqual([
      {
        code: 'tfr-above-post-transition',
        message: expect.stringContaining('a TFR of 4.77 in 2030 for a population at 0.71'),
        path: 'value',
      },
    ]);
    expect(POST_TRANSITION_TFR_MAX).toBe(2.1);
  });

  it('a required TFR within experience is not flagged', () => {
    const r = requiredTfr(base, plan, { year: 2030, population: 2_420_000 });
    expect(r.status === 'reachable' && r.value < POST_TRANSITION_TFR_MAX).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(requiredNetMigration(base, plan, target2030).warnings).toEqual([]);
    expect(assessTarget(base, plan, target2030).warnings).toEqual([]);
  });

  it('a life expectancy beyond the highest observed (women 88.4, men 83.2) is flagged on every result, with its path in the inputs', () => {
    const long: Scenario = { ...plan, mortality: { e0: { 2015: 78.75, 2030: 89 } } };
    for (const r of [assessTarget(base, long, target2030), requiredNetMigration(base, long, target2030), requiredTfr(base, long, target2030)]) {
      const e0 = r.warnings.filter((w) => w.code === 'e0-above-observed');
      expect(e0.map((w) => w.path)).toEqual(['scenario.mortality.e0', 'scenario.mortality.e0']);
      expect(e0[0]!.message).toMatch(/^a female life expectancy of \d\d\.\d\d years \(2025–2030\) is above the highest observed in any country or territory, 88\.4/);
      expect(e0[1]!.message).toContain('a male life expectancy');
    }
    expect(E0_OBSERVED_MAX).toEqual({ female: 88.4, male: 83.2 });
  });
});

describe('the command shows the warnings', () => {
  it('`ccmpp solve tfr` prints the flag under its answer, and the JSON carries it', async () => {
    const { runCli } = await import('../../src/cli/app.js');
    const { yingkouFiles } = await import('../cli/helpers.js');
    const f = yingkouFiles();
    const args = ['solve', 'tfr', f.plan, '--base', f.base, '--target', '2030:2600000'];
    const table = await runCli(args);
    expect(table.exitCode, table.stderr).toBe(0);
    expect(table.stdout).toContain('Flagged: a TFR of 4.77 in 2030 for a population at 0.71');
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    expect(json.result.warnings.map((w: { code: string; path: string }) => [w.code, w.path])).toEqual([['tfr-above-post-transition', 'value']]);
  });
});
