package assess

import (
	"math/rand/v2"
	"testing"
)

// Validating a complete, valid submission allocates nothing per answer:
// it runs for every submission (docs/PERFORMANCE.md). The one allocation
// allowed is the error map, made before anything is known to be wrong.
func TestValidateResponseAllocations(t *testing.T) {
	q := shippedSalesServiceV2(t)
	r := Response{Answers: straightAnswers(q, rand.New(rand.NewPCG(1, 2)))}
	if fe := ValidateResponse(q, r, true); fe != nil {
		t.Fatalf("a complete response: got %v, want valid", fe)
	}
	if got := testing.AllocsPerRun(20, func() { ValidateResponse(q, r, true) }); got > 1 {
		t.Errorf("allocations validating %d answers: got %v, want at most 1", len(r.Answers), got)
	}
}
