/**
 * `ccmpp/leslie`: the Leslie-matrix view of a projection period, as a mathjs matrix.
 *
 * The kernel (`projectCohorts` in `ccmpp`) never builds a matrix; this view exists to
 * cross-check it (the property `kernel = Leslie product`, to 1e-12, in `ccmpp/testing`) and for
 * matrix analysis with mathjs (products, linear solves). It is its own entry point so that
 * `import 'ccmpp'` does not load mathjs (about 18 MB installed): mathjs is loaded only where this view
 * is imported.
 *
 * @example
 * import { multiply } from 'mathjs';
 * import { leslieMatrix } from 'ccmpp/leslie';
 *
 * const L = leslieMatrix(period, 'female');
 * multiply(L, Array.from(base.female)); // the female population after one period, without migration
 *
 * @module ccmpp/leslie
 */
export { leslieMatrix } from './project/leslie.js';
