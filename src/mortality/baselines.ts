import type { BySex } from '../types.js';
import china from '../../data/mortality/china-2015-mx.json';

/** Named baseline mx schedules for the proportional-hazards model. */
export type BaselineName = 'china-2015';

/**
 * UN World Population Prospects 2019, China, 2015–2020: central death rates at ages 0, 1, 5, …,
 * 100+ by sex (`data/mortality/china-2015-mx.json`, with its source). Published life expectancy at
 * birth of the same period: 78.97 (female), 74.47 (male).
 */
export const CHINA_2015_MX: Readonly<BySex<Float64Array>> = {
  female: Float64Array.from(china.female),
  male: Float64Array.from(china.male),
};

/** Published e0 of the 'china-2015' baseline (WPP 2019, printed to 2 decimals). */
export const CHINA_2015_E0: Readonly<BySex<number>> = { female: china.e0.female, male: china.e0.male };

/** The named baselines. Internal arrays: callers get copies. */
export const BASELINES: Readonly<Record<BaselineName, Readonly<BySex<Float64Array>>>> = { 'china-2015': CHINA_2015_MX };
