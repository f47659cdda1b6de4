/**
 * An abridged life table from mx, 24 rows (0, 1, 5, …, 105, 110+), Gompertz–Makeham rates
 * (bench/inputs.ts): the unchecked core `computeLifeTable` into a reused table (what solvers call
 * in a loop), and the validated public `lifeTable` (zod parsing + allocation).
 */
import { lifeTable } from '../src/index.js';
import type { BenchGroup } from './harness.js';
import { LIFE_TABLE_ROWS, mxSchedule } from './inputs.js';
import { computeLifeTable, emptyLifeTable, type LifeTableRules } from './internals.js';

/** Tables per timed call of the unchecked core (one table takes well under a microsecond). */
const TABLES_PER_CALL = 100;

const mxFemale = mxSchedule('female');
const mxMale = mxSchedule('male');
const mxFemaleArray = Array.from(mxFemale); // what a user passes: a plain array
const rulesFemale: LifeTableRules = { sex: 'female', a0Rule: 'andreev-kingkade', axRule: 'mortpak', ax: undefined, radix: 100000 };
const rulesMale: LifeTableRules = { ...rulesFemale, sex: 'male' };
const table = emptyLifeTable(LIFE_TABLE_ROWS);
let sink = 0; // e0 of every table: keeps the work observable

export const groups: BenchGroup[] = [
  {
    title: `life table, ${LIFE_TABLE_ROWS} rows`,
    cases: [
      {
        name: 'computeLifeTable (unchecked core, reused table)',
        baseline: true,
        opsPerCall: TABLES_PER_CALL,
        run: () => {
          let s = 0;
          for (let i = 0; i < TABLES_PER_CALL; i += 2) {
            computeLifeTable(mxFemale, rulesFemale, table);
            s += table.ex[0]!;
            computeLifeTable(mxMale, rulesMale, table);
            s += table.ex[0]!;
          }
          sink += s;
        },
        check: () => (Number.isFinite(sink) && sink > 0 ? undefined : { ok: false, message: 'non-finite or zero e0' }),
      },
      {
        name: 'lifeTable (validated public API)',
        run: () => {
          sink += lifeTable(mxFemaleArray, { sex: 'female' }).ex[0]!;
        },
      },
    ],
  },
];
