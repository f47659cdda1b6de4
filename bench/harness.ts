/**
 * Benchmark harness: every bench/*.bench.ts exports `groups`; bench/run.ts runs them all in one
 * process and prints one table, each case beside its group's baseline as a ratio.
 * Benchmarks measure; they never assert (tests do not depend on wall-clock time). Every figure in
 * the table is measured in the same run: there are no typed-in reference figures.
 * The same `run` function listed in two groups is measured once and shown in both.
 */
import { fileURLToPath } from 'node:url';

/**
 * bench/ (its sources: c/, r/, .build/), whether this runs bundled from bench/.build/js/ (as
 * `npm run bench` does) or from the TypeScript source.
 */
export const BENCH_DIR = fileURLToPath(new URL(import.meta.url.includes('/.build/js/') ? '../../' : './', import.meta.url));

export interface BenchCase {
  name: string;
  /** Work for one timed call. */
  run?: () => void;
  /**
   * Or a measurement taken elsewhere (e.g. a compiled C program): µs per operation — the median of
   * its repetitions, and the fastest (`minMicroseconds`) where there were several — with a note on
   * how it was taken, or a reason it was skipped.
   */
  external?: () => { microseconds: number; minMicroseconds?: number; note?: string } | { skipped: string };
  /** Operations per call (e.g. 1000 targets solved per call): the table reports time per operation. */
  opsPerCall?: number;
  /** The case others in the group are compared with. */
  baseline?: boolean;
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
