import type { Scenario } from '../../src/scenario/schema.js';

/**
 * An illustrative city of about 2.4 million (not published figures: a low-fertility, long-lived
 * population shaped like north-east China around 2015, as in bench/inputs.ts), by 5-year group
 * 0–4 … 100+, and the Yingkou plan's paths (TFR 0.71 → 1.2 → 1.8, e0 78.75 → 79.75 → 81, SRB 107).
 */
export const city2015 = {
  year: 2015,
  female: [
    43000, 46000, 48000, 56000, 78000, 92000, 83000, 88000, 112000, 121000, 118000, 96000, 84000, 52000, 40000, 30000, 19000, 8500, 2400,
    400, 40,
  ],
  male: [
    46500, 49500, 51500, 59000, 80000, 93000, 84000, 89000, 113000, 120000, 115000, 92000, 78000, 47000, 34000, 23000, 13000, 5000, 1200,
    160, 12,
  ],
};

export const plan: Scenario = {
  fertility: { tfr: { 2015: 0.71, 2020: 1.2, 2030: 1.8 }, pattern: 'china-2015' },
  mortality: { e0: { 2015: 78.75, 2020: 79.75, 2030: 81 } },
  srb: 107,
};

/** The plan with net in-migration of 20,000 a year (Rogers–Castro profile, even timing). */
export const planWithMigration: Scenario = { ...plan, migration: { netPerYear: 20000 } };
