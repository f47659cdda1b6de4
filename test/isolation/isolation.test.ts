import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { mxForE0 } from '../../src/mortality/mxForE0.js';
import { project } from '../../src/scenario/project.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { yingkou } from '../../src/yingkou/data.js';

// Issue 11 §4: no shared state that one call can poison. Results own their buffers (transferring
// or writing one result's arrays leaves every other result as it was), and a rejected call leaves
// nothing behind for the next.

const base = yingkou.base2015;
const plan = yingkou.scenarios.plan;
const target = { year: 2030, population: 2_600_000 };
const MX = [0.0085, 0.0004, 0.0002, 0.0002, 0.0005, 0.2];

/** A fingerprint of what the library answers now, bit for bit. */
function answers() {
  const lt = lifeTable(MX, { sex: 'female' });
  const m = mxForE0(75, { sex: 'male' });
  const p = project(base, plan, { until: 2030 });
  return {
    ex: Array.from(lt.ex),
    mx: m.status === 'reachable' ? Array.from(m.value) : m.status,
    total: p.indicators.years.at(-1)!.total,
    female2030: Array.from(p.population.at(-1)!.female),
    assess: assessTarget(base, plan, target).projected,
    net: requiredNetMigration(base, plan, target),
    tfr: requiredTfr(base, plan, target),
  };
}

/** Transfers `buffer` away (as postMessage with a transfer list does): it is detached here. */
const transfer = (buffer: ArrayBufferLike) => structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });

describe('results own their buffers', () => {
  it('transferring one life table’s buffer leaves another life table whole', () => {
    const a = lifeTable(MX, { sex: 'female' });
    const b = lifeTable(MX, { sex: 'female' });
    const ex = Array.from(b.ex);
    transfer(a.ex.buffer);
    expect(a.ex.length).toBe(0); // detached: that table's own
    expect(Array.from(b.ex)).toEqual(ex);
    expect(Array.from(lifeTable(MX, { sex: 'female' }).ex)).toEqual(ex);
  });

  it('transferring an mxForE0 answer leaves the next answers whole', () => {
    const a = mxForE0(80, { sex: 'female' });
    const b = mxForE0(80, { sex: 'female' });
    if (a.status !== 'reachable' || b.status !== 'reachable') throw new Error('expected reachable');
    const mx = Array.from(b.value);
    transfer(a.value.buffer);
    expect(Array.from(b.value)).toEqual(mx);
    const c = mxForE0(80, { sex: 'female' });
    expect(c.status === 'reachable' && Array.from(c.value)).toEqual(mx);
  });

  it('writing into one projection’s arrays changes no other projection', () => {
    const before = answers();
    const p = project(base, plan, { until: 2030 });
    p.population.at(-1)!.female.fill(NaN);
    p.population[0]!.male.fill(-1);
    const lt = lifeTable(MX, { sex: 'female' });
    lt.mx.fill(NaN);
    lt.ex.fill(NaN);
    expect(answers()).toEqual(before);
  });
});

describe('a rejected call leaves nothing behind', () => {
  const hostile: [string, () => unknown][] = [
    ['assessTarget openAge NaN', () => assessTarget(base, plan, target, { openAge: NaN })],
    ['assessTarget openAge -Infinity', () => assessTarget(base, plan, target, { openAge: -Infinity })],
    ['project openAge NaN', () => project(base, plan, { until: 2030, openAge: NaN })],
    ['project e0 NaN', () => project(base, { ...plan, mortality: { e0: NaN } }, { until: 2030 })],
    ['lifeTable NaN mx', () => lifeTable([NaN, 0.1], { sex: 'female' })],
    ['mxForE0 NaN', () => mxForE0(NaN, { sex: 'female' })],
    ['mxForE0 k NaN', () => mxForE0(75, { sex: 'female', k: NaN })],
    ['requiredTfr bounds NaN', () => requiredTfr(base, plan, target, { bounds: [NaN, 8] })],
    ['requiredNetMigration openAge 1e9', () => requiredNetMigration(base, plan, target, { openAge: 1e9 })],
  ];
  it('every hostile call throws, and the answers after it are bit-identical to those before', () => {
    const before = answers();
    for (const [name, call] of hostile) {
      expect(call, name).toThrow();
      expect(answers(), `after ${name}`).toEqual(before);
    }
  });
});
