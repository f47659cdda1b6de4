/**
 * The outcome of every solver in ccmpp: a value that reaches the target, or the honest statement
 * that none inside the bounds does — never a bare boundary value (design.md, "Solvers").
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
    };
