import { messageOf } from '../inputError.js';
import { describe, expect, it } from 'vitest';
import { simulate, type SimulateOptions } from '../../src/stochastic/simulate.js';
import type { Uncertainty } from '../../src/stochastic/uncertainty.js';
import { city2015, plan } from './fixtures.js';

// Bad input is rejected at the boundary, one InputError per call listing every problem, each
// `<path>: <rule>, got <value>`; nothing is clamped.

const ok: SimulateOptions = { trajectories: 10, seed: 1, until: 2030 };


const run = (u: unknown, o: unknown) => () => simulate(city2015, plan, u as Uncertainty, o as SimulateOptions);

describe('simulate rejects bad uncertainty', () => {
  it('negative or non-finite σ', () => {
    expect(messageOf(run({ tfr: { sigma: -0.1 } }, ok))).toBe('uncertainty.tfr.sigma: expected a standard deviation from 0 to 1 (on the log scale, per 5-year period), got -0.1');
    expect(messageOf(run({ e0: { sigma: NaN } }, ok))).toBe('uncertainty.e0.sigma: expected a finite number, got NaN');
    expect(messageOf(run({ migration: { sigma: '100' } }, ok))).toBe('uncertainty.migration.sigma: expected a finite number, got "100"');
  });
  it('ρ outside [0, 1]', () => {
    expect(messageOf(run({ tfr: { rho: 1.2 } }, ok))).toBe('uncertainty.tfr.rho: expected a number in [0, 1], got 1.2');
  });
  it('unknown keys', () => {
    expect(messageOf(run({ srb: { sigma: 1 } }, ok))).toBe('uncertainty: expected no unknown keys, got "srb"');
    expect(messageOf(run({ e0: { sigma: 1, rho: 0.5 } }, ok))).toBe('uncertainty.e0: expected no unknown keys, got "rho"');
  });
  it('every problem at once', () => {
    expect(messageOf(run({ tfr: { sigma: -1, rho: 2 } }, ok))).toBe(
      'uncertainty.tfr.sigma: expected a standard deviation from 0 to 1 (on the log scale, per 5-year period), got -1\nuncertainty.tfr.rho: expected a number in [0, 1], got 2',
    );
  });
});

describe('simulate rejects bad options', () => {
  it('trajectories and seed', () => {
    expect(messageOf(run({}, { ...ok, trajectories: 0 }))).toBe('options.trajectories: expected an integer from 1 to 10000000, got 0');
    expect(messageOf(run({}, { ...ok, trajectories: 2.5 }))).toBe('options.trajectories: expected an integer from 1 to 10000000, got 2.5');
    expect(messageOf(run({}, { ...ok, seed: -1 }))).toBe('options.seed: expected an integer from 0 to 2^53 - 1, got -1');
    expect(messageOf(run({}, { ...ok, seed: 0.5 }))).toBe('options.seed: expected an integer from 0 to 2^53 - 1, got 0.5');
  });
  it('until off the 5-year grid or before the base year', () => {
    expect(messageOf(run({}, { ...ok, until: 2032 }))).toBe('options.until: expected the base year 2015 plus a multiple of 5, at most 1000 years (the longest projection), got 2032');
    expect(messageOf(run({}, { ...ok, until: 2010 }))).toBe('options.until: expected the base year 2015 plus a multiple of 5, at most 1000 years (the longest projection), got 2010');
  });
  it('quantile levels outside (0, 1)', () => {
    expect(messageOf(run({}, { ...ok, quantiles: [0.5, 1] }))).toBe('options.quantiles[1]: expected a level in (0, 1), got 1');
    expect(messageOf(run({}, { ...ok, quantiles: [] }))).toBe('options.quantiles: expected at least one quantile level, got an array of length 0');
  });
  it('targets in years that are not projected', () => {
    expect(messageOf(run({}, { ...ok, targets: [{ year: 2031, population: 2e6 }] }))).toBe(
      'options.targets[0].year: expected a projected year: 2015, 2020, …, 2030, got 2031',
    );
    expect(messageOf(run({}, { ...ok, targets: [{ year: 2030, population: -5 }] }))).toBe('options.targets[0].population: expected a number of persons > 0 and at most 1e+10, got -5');
  });
  it('mortality path, openAge, unknown keys', () => {
    expect(messageOf(run({}, { ...ok, mortality: 'fast' }))).toBe("options.mortality: expected 'interpolated' or 'exact', got \"fast\"");
    expect(messageOf(run({}, { ...ok, openAge: 62 }))).toBe('options.openAge: expected a multiple of 5 from 65 to 130, got 62');
    expect(messageOf(run({}, { ...ok, workers: 2 }))).toBe('options: expected no unknown keys, got "workers"');
  });
  it('the base and the scenario are validated as project() validates them', () => {
    expect(messageOf(() => simulate({ ...city2015, male: [1, 2] }, plan, {}, ok))).toBe(
      'base.male: expected as many male as female groups, got an array of length 2',
    );
    expect(messageOf(() => simulate(city2015, { ...plan, fertility: { tfr: -1, pattern: 'china-2015' } }, {}, ok))).toBe(
      'fertility.tfr: expected children per woman from 0 to 15 (TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000), got -1',
    );
  });
});

describe('probability rejects bad targets', () => {
  const sim = simulate(city2015, plan, {}, ok);
  it('a year that is not projected, a population that is not > 0', () => {
    expect(messageOf(() => sim.probability({ year: 2027, population: 2e6 }))).toBe('target.year: expected a projected year: 2015, 2020, …, 2030, got 2027');
    expect(messageOf(() => sim.probability({ year: 2030, population: 0 }))).toBe('target.population: expected a number of persons > 0 and at most 1e+10, got 0');
  });
});
