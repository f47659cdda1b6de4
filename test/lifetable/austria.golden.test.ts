import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/index.js';
import { austria1992 as a } from '../fixtures/austria1992.js';

// Preston, Heuveline & Guillot (2001), Box 3.1: lx and nLx are printed as integers, e0 to 3
// decimals; the tolerance is half the printed unit.
const HALF_PERSON = 0.5;
const HALF_E0_UNIT = 0.0005;

describe('lifeTable — Austria males 1992 (PHG 2001, Box 3.1)', () => {
  const mx = a.Dx.map((d, i) => d / a.Nx[i]!);
  const lt = lifeTable(mx, { sex: 'male', ax: a.ax });

  it('reproduces e0 = 72.889', () => {
    expect(Math.abs(lt.ex[0]! - a.e0)).toBeLessThanOrEqual(HALF_E0_UNIT);
  });
  it('reproduces every printed lx and nLx', () => {
    a.lx.forEach((v, i) => expect(Math.abs(lt.lx[i]! - v), `lx at ${a.x[i]}`).toBeLessThanOrEqual(HALF_PERSON));
    a.Lx.forEach((v, i) => expect(Math.abs(lt.Lx[i]! - v), `nLx at ${a.x[i]}`).toBeLessThanOrEqual(HALF_PERSON));
  });
  it('keeps the given ax and puts 1/m in the open row', () => {
    a.ax.forEach((v, i) => expect(lt.ax[i]).toBe(v));
    expect(lt.ax[18]).toBeCloseTo(5.247, 3);
    expect(Array.from(lt.ages)).toEqual(a.x);
  });
});
