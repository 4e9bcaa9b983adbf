# Simulates the answer files used by rolefit's reliability tests. The CSVs
# are committed, so this only documents where they came from; run it from
# this directory with `Rscript simulate.R` to make them again.
set.seed(20240501)

# One latent trait drives every item; reversed items load negatively. Answers
# are rounded onto the response scale lo..hi. NA marks a skipped item.
simulate <- function(n, ids, reversed, lo, hi, noise = 1) {
  f <- rnorm(n)
  mid <- (lo + hi) / 2
  step <- (hi - lo) / 4
  x <- sapply(ids, function(id) {
    sign <- if (id %in% reversed) -1 else 1
    load <- runif(1, 0.5, 1.1)
    v <- round(mid + step * (sign * load * f + rnorm(n, sd = noise)))
    pmin(pmax(v, lo), hi)
  })
  as.data.frame(x)
}

knock_out <- function(x, p) {
  x[matrix(runif(prod(dim(x))) < p, nrow(x))] <- NA
  x
}

save <- function(x, file) write.csv(x, file, row.names = FALSE, na = "NA")

# A clean 6-item scale, 200 respondents, a2 and a5 reversed.
save(simulate(200, paste0("a", 1:6), c("a2", "a5"), 1, 5), "clean6.csv")

# The same design with about 10% of answers missing at random, plus one
# respondent who answered nothing and one who answered a single item.
m <- knock_out(simulate(250, paste0("b", 1:6), c("b2", "b5"), 1, 5), 0.10)
m[251, ] <- NA
m[252, ] <- c(4, NA, NA, NA, NA, NA)
save(m, "missing6.csv")

# A 7-point scale of 5 items with 15% missing.
save(knock_out(simulate(120, paste0("s", 1:5), c("s3", "s4"), 1, 7), 0.15), "seven5.csv")

# Two items: alpha if dropped is undefined for either.
save(simulate(60, c("p1", "p2"), character(0), 1, 5), "two.csv")

# A singular correlation matrix: d4 repeats d1, so lambda-6 needs the
# pseudo-inverse.
d <- simulate(40, paste0("d", 1:3), character(0), 1, 5)
d$d4 <- d$d1
save(d, "singular.csv")

# Pairwise covariances from disjoint groups of respondents that make an
# indefinite correlation matrix (e1 and e2 agree, e2 and e3 agree, e1 and e3
# disagree): the SMCs go through psych's clamping to 0 and to 1.
v <- c(1, 2, 2, 3, 4, 4, 5)
w <- c(1, 2, 3, 3, 4, 5, 5)
u <- c(2, 1, 3, 4, 3, 5, 4)
na <- rep(NA, 7)
save(data.frame(e1 = c(v, na, u), e2 = c(w, v, na), e3 = c(na, w, 6 - v)),
     "indefinite.csv")

# Responses to the shipped sales-service questionnaire (a copy of version 1
# is sales-service-v1.yaml, so later edits of the shipped file do not move
# these figures). Each facet has its own latent score, correlated within its
# composite; reversed items (key -1) load negatively; about 3% of answers are
# missing. Check, virtue and choice items and a name and e-mail column are
# there too, as in a real export, and are not scored.
q <- yaml::read_yaml("sales-service-v1.yaml")
items <- do.call(c, lapply(q$pages, function(p) p$items))
scale_of <- sapply(q$scales, function(s) s$id)
composite_of <- setNames(sapply(q$scales, function(s) s$composite), scale_of)
n <- 400
hunter <- rnorm(n)
farmer <- 0.2 * hunter + rnorm(n)
facet <- lapply(setNames(scale_of, scale_of), function(s) {
  g <- if (composite_of[[s]] == "hunter") hunter else farmer
  0.7 * g + sqrt(1 - 0.49) * rnorm(n)
})
cols <- list(name = sprintf("Person %03d", 1:n),
             email = sprintf("person%03d@example.com", 1:n))
for (it in items) {
  if (!is.null(it$scale)) {
    v <- round(3 + it$key * runif(1, 0.7, 1.1) * facet[[it$scale]] + rnorm(n, sd = 0.9))
    v <- pmin(pmax(v, 1), 5)
    v[runif(n) < 0.03] <- NA
  } else if (!is.null(it$check)) {
    v <- ifelse(runif(n) < 0.95, it$check, sample(1:5, n, replace = TRUE))
  } else if (isTRUE(it$virtue)) {
    v <- sample(1:5, n, replace = TRUE, prob = c(.3, .3, .2, .15, .05))
  } else {
    v <- sample(1:2, n, replace = TRUE)
  }
  cols[[it$id]] <- v
}
save(as.data.frame(cols), "sales-service.csv")
