// ccmpp: the public API, re-exported by name.

export type { Sex, BySex } from './types.js';
export { CcmppError, InputError, type Issue } from './validate/errors.js';

// ages
export { ageGroupLabels, groupCount, parseAgeGroupLabel } from './ages/grid.js';
export { sumAges, total } from './ages/broad.js';

// lifetable
export type { LifeTable } from './lifetable/compute.js';
export type { A0Rule } from './lifetable/a0.js';
export type { AxRule } from './lifetable/ax.js';
export { lifeTable, type LifeTableOptions } from './lifetable/lifeTable.js';
export { survivalRatios, type SurvivalRatios } from './lifetable/survival.js';

// project
export type { PeriodInputs } from './project/periodInputs.js';
export { projectCohorts, type Population, type CohortProjection } from './project/projectCohorts.js';
export { leslieMatrix } from './project/leslie.js';
export { dominantRoot, type DominantRoot } from './project/dominantRoot.js';
