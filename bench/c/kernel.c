/*
 * C baseline of the cohort-component kernel: the same step as src/project/kernel.ts (`loopStep` and
 * `surviveSex`) for a period of width n — 5 years on 5-year groups, or 1 year on single years of age
 * (the same algebra: only the births' factor n/2 and the group count change) — operation for
 * operation and in the same order, so that the results
 * are bit-identical to the JS kernel when compiled without FMA contraction (-ffp-contract=off) and
 * without -ffast-math. Compiled and run by bench/kernel.bench.ts, which writes the inputs on stdin
 * (shortest round-trip decimal doubles) and reads the figures printed here.
 *
 * Two builds of this one source, to compare like with like:
 * - plain (`cc -O2`): a loop over a group count read at run time, migration tested at run time —
 *   the counterpart of the JS `loopStep`;
 * - `cc -O2 -DFIXED_GROUPS=21 -DFIXED_MIGRATION=1` (or 101 groups, 0 or 1): the group count and the
 *   presence of migration are compile-time constants, the group loops are fully unrolled (`#pragma GCC unroll`) and the
 *   per-sex pass inlined into the step — straight-line code, the counterpart of the JS `step`, which
 *   generates the unrolled step for its grid and migration pattern at run time.
 *
 * Input (whitespace-separated):
 *   G n
 *   sf[G-1] sm[G-1] bf bm asfr[G] femaleShare hasMigration mf[G] mm[G] startShare
 *   pf[G] pm[G]
 *   checkSteps chunkSteps reps repMilliseconds
 * Migration timing 'even' only (startShare 0.5): the JS kernel's W_end under 'end' (survivors
 * before the end's migrants) is not implemented here, and such input is refused.
 * Output (one "key value" per line): checksum, ok, ns_best, ns_median, steps_per_rep, reps, sink,
 * variant.
 *
 * Timing: the timed loop is a projection loop like the JS one — start from the base population,
 * chunkSteps steps alternating between two preallocated buffer pairs (each step depends on the
 * previous one, so nothing can be hoisted), births of every step added to a sink that is printed
 * (so nothing is dead). No allocation inside the loop. clock_gettime(CLOCK_MONOTONIC) around
 * each repetition; best and median of `reps` repetitions of about repMilliseconds each.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BIRTHS_F = 0, BIRTHS_M = 1, DEATHS_F = 2, DEATHS_M = 3 };

#ifdef FIXED_GROUPS
#ifndef FIXED_MIGRATION
#error "FIXED_GROUPS needs FIXED_MIGRATION (0 or 1)"
#endif
/* The group count as a constant, the loops unrolled, the per-sex pass inlined (constant asfr/NULL). */
#define GROUPS(g) FIXED_GROUPS
#define UNROLL _Pragma("GCC unroll 128")
#define SEX_PASS static inline __attribute__((always_inline)) double
#define MIGRATES(m) (FIXED_MIGRATION)
#define VARIANT "unrolled"
#else
#define GROUPS(g) (g)
#define UNROLL
#define SEX_PASS static double
#define MIGRATES(m) ((m) != NULL)
#define VARIANT "loop"
#endif

typedef struct {
  double width;          /* n: years of the period and of the age groups (5 or 1) */
  const double *sf, *sm; /* survival ratios, G - 1 */
  double bf, bm;         /* birth -> 0-4 survival */
  const double *asfr;    /* G */
  double femaleShare;    /* 100 / (100 + srb) */
  const double *mf, *mm; /* net migrants over the period, G, or NULL */
  double startShare;     /* 0.5 ('even') or 0 ('end') */
} KernelPeriod;

/* Results of the last surviveSex call (the JS kernel keeps them in module variables). */
typedef struct {
  double fertilityExposure;
  double lowest;
} SurviveState;

/* Ages one sex by a period, except the first group. Returns deaths; with asfr, accumulates the exposure. */
SEX_PASS surviveSex(const double *p, const double *s, const double *mig, double h, double *out,
                   const double *asfr, int G, SurviveState *st) {
  (void)G; /* a constant in the unrolled build */
  const int last = GROUPS(G) - 1;
  const int migrates = MIGRATES(mig);
  const double e = 1 - h;
  double deaths = 0;
  double expo = 0;
  double lo = 0;
  double adj = migrates ? p[0] + h * mig[0] : p[0];
  if (adj < lo) lo = adj;
  UNROLL
  for (int x = 0; x < last - 1; x++) {
    const double survivors = adj * s[x];
    deaths += adj - survivors;
    const double end = migrates ? survivors + e * mig[x + 1] : survivors;
    if (end < lo) lo = end;
    out[x + 1] = end;
    if (asfr) expo += asfr[x] * adj + asfr[x + 1] * end;
    adj = migrates ? p[x + 1] + h * mig[x + 1] : p[x + 1];
    if (adj < lo) lo = adj;
  }
  const double adjOpen = migrates ? p[last] + h * mig[last] : p[last];
  if (adjOpen < lo) lo = adjOpen;
  const double pool = adj + adjOpen;
  const double survivors = pool * s[last - 1];
  deaths += pool - survivors;
  const double end = migrates ? survivors + e * mig[last] : survivors;
  if (end < lo) lo = end;
  out[last] = end;
  if (asfr) expo += asfr[last - 1] * adj + asfr[last] * (adjOpen + end);
  st->fertilityExposure = expo;
  st->lowest = lo;
  return deaths;
}

/* One step of width n for both sexes; returns 0 when some group would go negative. */
static int step(const double *pf, const double *pm, const KernelPeriod *k, double *outF, double *outM,
                double *totals, int G) {
  SurviveState st;
  const double h = k->startShare;
  const double deathsF = surviveSex(pf, k->sf, k->mf, h, outF, k->asfr, G, &st);
  double lo = st.lowest;
  const double births = 0.5 * k->width * st.fertilityExposure; /* (n/2) Σ asfr (W_start + W_end), as the JS */
  const double deathsM = surviveSex(pm, k->sm, k->mm, h, outM, NULL, G, &st);
  if (st.lowest < lo) lo = st.lowest;
  const double birthsF = births * k->femaleShare;
  const double birthsM = births - birthsF;
  const double e = 1 - h;
  const double f0 = birthsF * k->bf + (MIGRATES(k->mf) ? e * k->mf[0] : 0);
  const double m0 = birthsM * k->bm + (MIGRATES(k->mm) ? e * k->mm[0] : 0);
  outF[0] = f0;
  outM[0] = m0;
  totals[BIRTHS_F] = birthsF;
  totals[BIRTHS_M] = birthsM;
  totals[DEATHS_F] = deathsF + birthsF * (1 - k->bf);
  totals[DEATHS_M] = deathsM + birthsM * (1 - k->bm);
  return lo >= 0 && f0 >= 0 && m0 >= 0;
}

static double *readArray(int n) {
  double *a = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
  if (!a) exit(3);
  for (int i = 0; i < n; i++)
    if (scanf("%lf", &a[i]) != 1) {
      fprintf(stderr, "kernel: malformed input\n");
      exit(2);
    }
  return a;
}

static double readNumber(void) {
  double v;
  if (scanf("%lf", &v) != 1) {
    fprintf(stderr, "kernel: malformed input\n");
    exit(2);
  }
  return v;
}

static double nowNs(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int compareDoubles(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Printed at the end: keeps every step's births observable. */
static volatile double sinkOut;

int main(void) {
  const int G = (int)readNumber();
  if (G < 3) {
    fprintf(stderr, "kernel: expected at least 3 groups\n");
    return 2;
  }
  KernelPeriod k;
  k.width = readNumber();
  if (k.width != 5 && k.width != 1) {
    fprintf(stderr, "kernel: expected a width of 5 or 1 years\n");
    return 2;
  }
  k.sf = readArray(G - 1);
  k.sm = readArray(G - 1);
  k.bf = readNumber();
  k.bm = readNumber();
  k.asfr = readArray(G);
  k.femaleShare = readNumber();
  const int hasMigration = (int)readNumber();
  const double *mf = readArray(G);
  const double *mm = readArray(G);
  k.mf = hasMigration ? mf : NULL;
  k.mm = hasMigration ? mm : NULL;
  k.startShare = readNumber();
  if (hasMigration && k.startShare != 0.5) {
    fprintf(stderr, "kernel: only 'even' migration timing (start share 0.5) is implemented\n");
    return 2;
  }
#ifdef FIXED_GROUPS
  if (G != FIXED_GROUPS || hasMigration != FIXED_MIGRATION) {
    fprintf(stderr, "kernel: built for %d groups and migration %d, got %d groups and migration %d\n", FIXED_GROUPS,
            FIXED_MIGRATION, G, hasMigration);
    return 2;
  }
#endif
  const double *baseF = readArray(G);
  const double *baseM = readArray(G);
  const int checkSteps = (int)readNumber();
  const int chunk = (int)readNumber();
  const int reps = (int)readNumber();
  const double repMs = readNumber();
  if (chunk < 2 || chunk % 2 != 0 || reps < 1 || reps > 1000) {
    fprintf(stderr, "kernel: expected an even chunk >= 2 and 1..1000 repetitions\n");
    return 2;
  }

  /* All buffers allocated once, before any loop. */
  double *af = malloc(sizeof(double) * (size_t)G), *am = malloc(sizeof(double) * (size_t)G);
  double *bf = malloc(sizeof(double) * (size_t)G), *bm = malloc(sizeof(double) * (size_t)G);
  double totals[4];
  double *times = malloc(sizeof(double) * (size_t)reps);
  if (!af || !am || !bf || !bm || !times) return 3;

  /* Checksum: checkSteps steps from the base; Σ (births + deaths) of every step + final total population. */
  memcpy(af, baseF, sizeof(double) * (size_t)G);
  memcpy(am, baseM, sizeof(double) * (size_t)G);
  double checksum = 0;
  int ok = 1;
  for (int t = 0; t < checkSteps; t++) {
    double *inF = t % 2 == 0 ? af : bf, *inM = t % 2 == 0 ? am : bm;
    double *outF = t % 2 == 0 ? bf : af, *outM = t % 2 == 0 ? bm : am;
    ok &= step(inF, inM, &k, outF, outM, totals, G);
    checksum += totals[BIRTHS_F] + totals[BIRTHS_M] + totals[DEATHS_F] + totals[DEATHS_M];
  }
  {
    const double *endF = checkSteps % 2 == 0 ? af : bf, *endM = checkSteps % 2 == 0 ? am : bm;
    for (int x = 0; x < G; x++) checksum += endF[x] + endM[x];
  }

  /* The timed projection loop: one chunk = reset to the base, then `chunk` chained steps. */
  double sink = 0;
  int okAll = 1;
#define RUN_CHUNKS(n)                                        \
  for (long c = 0; c < (n); c++) {                           \
    memcpy(af, baseF, sizeof(double) * (size_t)GROUPS(G));   \
    memcpy(am, baseM, sizeof(double) * (size_t)GROUPS(G));   \
    for (int i = 0; i < chunk; i += 2) {                     \
      okAll &= step(af, am, &k, bf, bm, totals, G);          \
      sink += totals[BIRTHS_F];                              \
      okAll &= step(bf, bm, &k, af, am, totals, G);          \
      sink += totals[BIRTHS_F];                              \
    }                                                        \
  }

  /* Calibration (and warm-up): double the chunk count until one run takes at least 20 ms. */
  long chunks = 1;
  for (;;) {
    const double t0 = nowNs();
    RUN_CHUNKS(chunks);
    const double dt = nowNs() - t0;
    if (dt >= 20e6) {
      chunks = (long)(chunks * (repMs * 1e6) / dt) + 1;
      break;
    }
    chunks *= 2;
  }
  for (int r = 0; r < reps; r++) {
    const double t0 = nowNs();
    RUN_CHUNKS(chunks);
    times[r] = (nowNs() - t0) / ((double)chunks * chunk);
  }
  qsort(times, (size_t)reps, sizeof(double), compareDoubles);
  sinkOut = sink;

  printf("checksum %.17g\n", checksum);
  printf("ok %d\n", ok && okAll);
  printf("ns_best %.6g\n", times[0]);
  printf("ns_median %.6g\n", times[reps / 2]);
  printf("steps_per_rep %ld\n", chunks * chunk);
  printf("reps %d\n", reps);
  printf("sink %.17g\n", sinkOut);
  printf("variant %s\n", VARIANT);
  return 0;
}
