/**
 * Benchmark harness: every bench/*.bench.ts exports `groups`; bench/run.ts runs them all in one
 * process and prints one table, each case beside its group's baseline as a ratio.
 * Benchmarks measure; they never assert (tests do not depend on wall-clock time).
 * The same `run` function listed in two groups is measured once and shown in both.
 */
export interface BenchCase {
  name: string;
  /** Work for one timed call. */
  run?: () => void;
  /**
   * Or a measurement taken elsewhere (e.g. a compiled C program): µs per operation (with a note on
   * how it was taken), or a reason it was skipped.
   */
  external?: () => { microseconds: number; note?: string } | { skipped: string };
  /** Operations per call (e.g. 1000 targets solved per call): the table reports time per operation. */
  opsPerCall?: number;
  /** The case others in the group are compared with. */
  baseline?: boolean;
  /** A fixed reference figure, not measured in this run (labelled as such in the table). */
  reference?: { microseconds: number; source: string };
  /** A goal to print beside the measurement, e.g. '≤ 1.5 µs'. */
  goal?: string;
  /**
   * Called after the case ran: confirms it did the work it claims (e.g. checksums agree with the
   * baseline's). `ok: false` prints the message as a WARNING row; `ok: true` prints it as a note.
   */
  check?: () => { ok: boolean; message: string } | undefined;
}

export interface BenchGroup {
  title: string;
  cases: BenchCase[];
}
