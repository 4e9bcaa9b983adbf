# Reference figures for rolefit's reliability statistics, from Revelle's
# psych package (psych::alpha). Run from this directory:
#
#   Rscript reference.R
#
# It reads the answer files listed below, reverses the reversed items on the
# response scale's theoretical bounds (lo + hi - x, as rolefit does), and
# writes reference.json with psych's figures in rolefit's JSON shape, for
# both missing-data modes: "pairwise" is psych::alpha's default
# use = "pairwise"; "listwise" is psych::alpha on na.omit(x). Debian's
# r-cran-psych, r-cran-jsonlite and r-cran-yaml are all it needs.
#
# It also writes sales-service.json: the figures of every scale and
# composite of sales-service-v1.yaml over sales-service.csv, in the shape of
# `rolefit stats --format json`, for each mode. Listwise deletion is per
# scale: a respondent who skipped an item of one scale still counts for the
# others.
suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
  library(yaml)
})

datasets <- list(
  list(file = "tiny.csv", lo = 1, hi = 5, reversed = character(0)),
  list(file = "clean6.csv", lo = 1, hi = 5, reversed = c("a2", "a5")),
  list(file = "missing6.csv", lo = 1, hi = 5, reversed = c("b2", "b5")),
  list(file = "seven5.csv", lo = 1, hi = 7, reversed = c("s3", "s4")),
  list(file = "two.csv", lo = 1, hi = 5, reversed = character(0)),
  list(file = "singular.csv", lo = 1, hi = 5, reversed = character(0)),
  # No respondent answered all three, so there is no listwise case.
  list(file = "indefinite.csv", lo = 1, hi = 5, reversed = character(0),
       modes = "pairwise")
)

# figures returns psych's statistics for already-keyed answers x (a data
# frame, NA for missing) in rolefit's JSON shape.
figures <- function(id, x) {
  a <- suppressMessages(suppressWarnings(
    alpha(x, check.keys = FALSE, warnings = FALSE)))
  k <- ncol(x)
  # psych gives no n or SEM. rolefit's n counts the respondents with a scale
  # score (at least one item answered); its SEM is of the sum score,
  # sqrt(sum(C)) * sqrt(1 - alpha), with psych's covariance matrix C.
  C <- cov(x, use = "pairwise")
  raw <- a$total$raw_alpha
  items <- lapply(seq_len(k), function(i) list(
    id = colnames(x)[i],
    r_drop = a$item.stats$r.drop[i],
    # With two items the rest is one item, which has no alpha.
    alpha_if_dropped = if (k > 2) a$alpha.drop$raw_alpha[i] else NULL
  ))
  list(
    id = id,
    n = sum(rowSums(!is.na(x)) > 0),
    k = k,
    mean = a$total$mean,
    sd = a$total$sd,
    alpha = raw,
    std_alpha = a$total$std.alpha,
    lambda6 = a$total[["G6(smc)"]],
    average_r = a$total$average_r,
    sem = sqrt(sum(C)) * sqrt(1 - raw),
    items = items
  )
}

cases <- list()
for (d in datasets) {
  x <- read.csv(d$file, na.strings = c("", "NA"))
  for (id in d$reversed) x[[id]] <- d$lo + d$hi - x[[id]]
  id <- sub("\\.csv$", "", d$file)
  modes <- if (is.null(d$modes)) c("pairwise", "listwise") else d$modes
  for (mode in modes) {
    y <- if (mode == "listwise") na.omit(x) else x
    cases[[length(cases) + 1]] <- list(
      file = d$file, min = d$lo, max = d$hi, reversed = I(d$reversed),
      mode = mode, want = figures(id, y))
  }
}

out <- list(
  generator = "reference.R",
  psych_version = as.character(packageVersion("psych")),
  r_version = R.version.string,
  cases = cases
)
write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
      "reference.json")

# The shipped questionnaire: a scale's items are its scored items in page
# order, a composite's the items of its scales in definition order.
q <- read_yaml("sales-service-v1.yaml")
answers <- read.csv("sales-service.csv", na.strings = c("", "NA"))
scored <- Filter(function(it) !is.null(it$scale),
                 do.call(c, lapply(q$pages, function(p) p$items)))
for (it in scored) {
  if (it$key < 0) {
    answers[[it$id]] <- q$response_scale$min + q$response_scale$max - answers[[it$id]]
  }
}
items_of <- function(scales) {
  unlist(lapply(scales, function(s)
    unlist(lapply(Filter(function(it) it$scale == s, scored), function(it) it$id))))
}
groups <- list()
for (s in q$scales) groups[[s$id]] <- items_of(s$id)
for (c in q$composites) {
  groups[[c$id]] <- items_of(unlist(lapply(
    Filter(function(s) identical(s$composite, c$id), q$scales), function(s) s$id)))
}
report <- list()
for (mode in c("pairwise", "listwise")) {
  report[[mode]] <- list(scales = lapply(names(groups), function(id) {
    x <- answers[, groups[[id]]]
    figures(id, if (mode == "listwise") na.omit(x) else x)
  }))
}
write(toJSON(c(list(generator = "reference.R",
                    psych_version = as.character(packageVersion("psych"))),
               report),
             auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
      "sales-service.json")
