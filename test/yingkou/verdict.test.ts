import { beforeAll, describe, expect, it } from 'vitest';
import { yingkouReport, type YingkouReport } from '../../src/yingkou/report.js';
import { formatYingkouReport, yingkouVerdict } from '../../src/yingkou/text.js';

// Issue 11 §2: every sentence of the Yingkou text follows the report's numbers. The same questions
// asked of targets the plan does reach (2.4 million in 2020 and 2030: its own projection gives
// 2,438,414 and 2,414,184) must flip the verdict, and no sentence may still say the opposite or
// quote the plan's own targets.

const TRAJECTORIES = 4000;
let real: YingkouReport;
let low: YingkouReport;
const prose = (r: YingkouReport) => formatYingkouReport(r).replace(/\s+/g, ' ');
beforeAll(() => {
  real = yingkouReport({ trajectories: TRAJECTORIES });
  low = yingkouReport({ targets: [{ year: 2020, population: 2_400_000 }, { year: 2030, population: 2_400_000 }], trajectories: TRAJECTORIES });
});

describe('the Yingkou verdict follows the projection', () => {
  it("the plan's own targets: not reached, and the text says no", () => {
    expect(real.planAlone.verdicts[1]!.reached).toBe(false);
    expect(yingkouVerdict(real).reached).toBe(false);
    const text = formatYingkouReport(real);
    expect(text).toContain('\nVerdict: no\n');
    expect(prose(real)).toContain("The plan's own fertility and mortality targets do not reach 2.6 million by 2030 (2.414 million).");
    expect(prose(real)).toContain('Reaching it would take about 11,473 net in-migrants a year from 2015');
  });

  it('a target the plan reaches: the verdict flips, and no sentence contradicts it', () => {
    const [v2020, v2030] = low.planAlone.verdicts;
    expect(v2020!.reached && v2030!.reached).toBe(true);
    const text = formatYingkouReport(low);
    const p = prose(low);
    expect(text.split('\n')[0]).toBe('ccmpp — Yingkou Population Development Plan 2016–2030: is 2.4 million reachable?');
    expect(text).toContain('\nVerdict: yes\n');
    expect(yingkouVerdict(low)).toEqual({ reached: true, text: expect.stringContaining("The plan's own fertility and mortality targets reach 2.4 million by 2030 (2.414 million).") });
    // The migration that reaches it is out-migration: the plan reaches it even with some leaving.
    const m = low.requiredMigration[1]!.netPerYear;
    expect(m.status === 'reachable' && m.value < 0).toBe(true);
    expect(p).toMatch(/It is reached even with about [\d,]+ net out-migrants a year from 2015;/);
    expect(p).toContain('Reached: 2030 projected 2.414 million against a target of 2.400 million (+14,184).');
    for (const contradiction of ['do not reach', 'Missed: 2030', 'Missed: 2020', 'Reaching it would take', 'short of', 'Verdict: no'])
      expect(p, contradiction).not.toContain(contradiction);
    // No figure of the plan's own targets survives: every one follows the targets asked.
    for (const literal of ['2.6 million', '2.600 million', '2.45 million', '2.450 million', '2,600,000', '2,450,000']) expect(p, literal).not.toContain(literal);
    expect(p).toContain("-71,418 against the plan's 2.4 million");
    expect(p).toContain('gap to 2.4 million');
    expect(p).toContain('plan + migration reaching 2.4 million');
  });

  it('the probability sentence names what is random and what is held', () => {
    const p = prose(real);
    expect(p).toContain("With fertility and mortality random as in the UN's probabilistic projections and migration held at none, P(2.6 million by 2030) = 0 (Monte Carlo 95 % interval 0 to");
    expect(p).toContain('its 95 % interval is the Monte Carlo error of that share (Wilson), not a range of populations');
    expect(p).toContain('Net migration: held fixed at the plan\'s figure (σ 0: not random)');
    // The run solved onto the target is marked: its P of about 0.5 is true by construction.
    const onTarget = real.uncertainty.runs[1]!.probabilities[1]!;
    expect(Math.abs(onTarget.p - 0.5)).toBeLessThan(0.05);
    expect(p).toMatch(/0\.\d{4} \* /);
    expect(p).toContain('* About 0.5 by construction, not a finding: for “plan + migration reaching 2.6 million” in 2030 the migration was solved to put the projection on the target');
    // Not for the runs that were not solved onto a target.
    expect((p.match(/\d \* /g) ?? []).length).toBe(1);
  });

  it('the derived assumptions: sex gap, SRB, the TFR anchor rule, the urban targets, the 2015 share 60+', () => {
    const p = prose(real);
    expect(real.planPaths.sexGap.values).toEqual([4.5]);
    expect(p).toContain('4.5-year female–male gap; SRB 107;');
    expect(p).toContain('3. Fertility alone (no migration; the 2030 TFR anchor replaces 1.8, linear from 1.2 in 2020)');
    expect(p).toContain('(67 %) and 0.0241 a year to 2030 (72 %)');
    expect(p).toContain(`of residents are 60+ (20.1 % in 2015)`);
  });

  it('carries the warnings of its solves, each with its path in the report, and prints them', () => {
    expect(real.warnings.map((w) => [w.code, w.path])).toEqual([
      ['tfr-above-post-transition', 'requiredTfr2030.value'],
      ['tfr-above-post-transition', 'census.from2020.requiredTfr2030.value'],
    ]);
    const p = prose(real);
    for (const w of real.warnings) expect(p).toContain(`Flagged: ${w.message}.`);
    expect(p).toContain('Fertility alone is no way out: it would take a 2030 TFR of 4.77 from 2015 and a 2030 TFR of 7.22 from the census');
    // 2.4 million from 2015 is within reach of fertility (no flag); from the census it is not.
    expect(low.requiredTfr2030.status === 'reachable' && low.requiredTfr2030.value < 2.1).toBe(true);
    expect(low.warnings.map((w) => w.path)).toEqual(['census.from2020.requiredTfr2030.value']);
    expect(prose(low)).toMatch(/Fertility alone is no way out: it would take a 2030 TFR of \d\.\d\d from the census,/);
  });

  it('rejects bad options with their path', () => {
    expect(() => yingkouReport({ targets: [{ year: 2030, population: 1 }, { year: 2020, population: 1 }] } as never)).toThrow('options.targets: expected targets for 2020 and 2030, in that order');
    expect(() => yingkouReport({ trajectories: 0 })).toThrow('options.trajectories');
  });
});
