# Times R MortCast's logquad() for bench/mortality.bench.ts (run by Rscript --vanilla, in the same
# bench run as mxForE0). Arguments: the R library path that holds MortCast, the number of targets
# per timed call, the number of timed calls.
#
# Targets: e0 spread evenly over 60-85 years (midpoints), sexes alternating, as in the JS cases:
# one vectorised logquad() call per sex per timed call (a0rule "ak", Andreev-Kingkade, as ccmpp's
# default). Prints "key value" lines: us_best, us_median (µs per target), reps, targets, mortcast,
# r, and worst / checked (largest |e0 - target| over a sample of the answers, by MortCast's
# life.table) when that could be computed.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: Rscript logquad.R <MortCast library> <targets> <reps>")
lib <- args[[1]]
n <- as.integer(args[[2]])
reps <- as.integer(args[[3]])
suppressPackageStartupMessages(library(MortCast, lib.loc = lib))

targets <- 60 + 25 * ((seq_len(n) - 1) + 0.5) / n
female <- targets[seq(1, n, by = 2)]  # i = 0, 2, 4, ... in the JS cases
male <- targets[seq(2, n, by = 2)]

solve <- function() list(female = logquad(female, sex = "female"), male = logquad(male, sex = "male"))

res <- solve()  # warm-up (and the answers checked below)
times <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  solve()
  times[r] <- proc.time()[["elapsed"]] - t0
}
us <- sort(times) * 1e6 / n
put <- function(key, value) cat(key, " ", value, "\n", sep = "")

put("us_best", format(us[1], digits = 6))
put("us_median", format(us[(reps + 1) %/% 2], digits = 6))
put("reps", reps)
put("targets", n)
put("mortcast", as.character(packageVersion("MortCast", lib.loc = lib)))
put("r", paste0("R ", R.version$major, ".", R.version$minor))

worst <- tryCatch({
  w <- 0
  checked <- 0
  for (sex in c("female", "male")) {
    mx <- res[[sex]]$mx
    e0 <- if (sex == "female") female else male
    for (j in unique(round(seq(1, ncol(mx), length.out = 50)))) {
      w <- max(w, abs(life.table(mx[, j], sex = sex)$ex[1] - e0[j]))
      checked <- checked + 1
    }
  }
  c(w, checked)
}, error = function(e) NULL)
if (!is.null(worst)) {
  put("worst", format(worst[1], digits = 3))
  put("checked", worst[2])
}
