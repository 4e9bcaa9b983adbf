# Mantel–Haenszel figures of R's mantelhaen.test (package stats) for the
# stratified 2×2 tables of internal/assess/dif_test.go, which checks
# rolefit's MantelHaenszel against them. Run from this directory with
# Debian's r-base-core:
#
#     Rscript reference.R
#
# Each table lists strata as (A, B, C, D): the reference group's keyed and
# other answers, then the focal group's. mantelhaen.test's estimate is the
# common odds ratio, its statistic the χ² with the continuity correction
# (correct = TRUE), and its 95% interval exp(ln α ± 1.96·SE) with the
# Robins–Breslow–Greenland SE, from which the SE is read back.
tables <- list(
  hand   = list(c(3, 1, 1, 3), c(2, 2, 1, 3)),
  scaled = list(c(60, 20, 20, 60), c(40, 40, 20, 60)),
  five   = list(c(10, 30, 8, 32), c(25, 25, 18, 32), c(40, 20, 30, 30), c(50, 10, 42, 18), c(30, 5, 28, 9)),
  even   = list(c(20, 20, 19, 21), c(30, 10, 29, 11), c(12, 28, 13, 27)),
  strong = list(c(45, 15, 20, 40), c(30, 30, 12, 48), c(55, 5, 35, 25), c(20, 40, 6, 54))
)
for (name in names(tables)) {
  strata <- tables[[name]]
  x <- array(0, dim = c(2, 2, length(strata)))
  for (k in seq_along(strata)) {
    s <- strata[[k]]
    # rows: reference, focal; columns: keyed, other
    x[, , k] <- matrix(c(s[1], s[3], s[2], s[4]), nrow = 2)
  }
  t <- mantelhaen.test(x, correct = TRUE)
  se <- (log(t$conf.int[2]) - log(t$conf.int[1])) / (2 * qnorm(0.975))
  cat(sprintf("%s: alpha %.12f chisq %.12f p %.12g se_log %.12f\n",
              name, t$estimate, t$statistic, t$p.value, se))
}
