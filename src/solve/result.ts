import { CcmppError } from '../validate/errors.js';

/**
 * The outcome of every solver in ccmpp: a value that reaches the target, the honest statement
 * that none inside the bounds does, or that the search stopped before it could tell — never a bare
 * boundary value (design.md, "Solvers"). One contract for every solver: `reachable` only when
 * `achieved` meets the target within the solver's stated tolerance.
 */
export type SolveResult<T> =
  | {
      status: 'reachable';
      /** The solution. */
      value: T;
      /** What the solution achieves (the target, within the solver's tolerance). */
      achieved: number;
      iterations: number;
    }
  | {
      status: 'unreachable';
      /** Where the target lies against the reachable range: 'above' its top or 'below' its bottom. */
      side: 'below' | 'above';
      /** The bound of the searched parameter that comes closest to the target. */
      bound: number;
      /** What that bound achieves: the best the model can do. */
      achieved: number;
    }
  | {
      status: 'unconverged';
      /**
       * Why the search stopped without meeting the tolerance: `'iterations'` its iterations ran out;
       * `'jump'` its bracket shrank to adjacent floating-point numbers whose values lie on either side
       * of the target (f jumps over the tolerance window there); `'nan'` f gave NaN inside the bracket.
       */
      reason: 'iterations' | 'jump' | 'nan';
      /** The closest value the search found (not a solution). */
      value: T;
      /** What that value achieves. */
      achieved: number;
      iterations: number;
    };

/** A solve that ended with an answer: `reachable` or `unreachable` (not `unconverged`). */
export type Settled<T> = Exclude<SolveResult<T>, { status: 'unconverged' }>;

/**
 * The solve as settled, for reports that state an answer: an `unconverged` search is an error here
 * (a `CcmppError` naming `what`, the reason and the closest value), never printed as if it were one.
 */
export function settle<T>(r: SolveResult<T>, what: string): Settled<T> {
  if (r.status !== 'unconverged') return r;
  const why = { iterations: 'its iterations ran out', jump: 'the projected total jumps over the target', nan: 'a trial gave no number' }[r.reason];
  throw new CcmppError(`${what}: the search stopped without meeting the target (${why}); the closest value found, ${r.value}, gives ${r.achieved}`);
}
