package app

// Jitter is jitter, for the tests of package app_test.
var Jitter = jitter
