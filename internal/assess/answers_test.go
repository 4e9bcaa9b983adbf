package assess

import (
	"math"
	"reflect"
	"testing"
)

func TestValidateResponse(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	all := handAnswers()
	all["d4"], all["o2"], all["o3"] = 3, 3, 3 // now every item is answered
	tests := []struct {
		name     string
		r        Response
		complete bool
		want     FieldErrors
	}{
		{"valid partial save", Response{Answers: map[string]int{"b1": 5, "p1": 2}, PageSeconds: []float64{12.5}}, false, nil},
		{"valid submission", Response{Answers: all, PageSeconds: []float64{45, 36, 3}}, true, nil},
		{"submission without timings", Response{Answers: all}, true, nil},
		{"off the scale", Response{Answers: map[string]int{"b1": 6, "chk1": 0}}, false, FieldErrors{
			"answers.b1":   "must be between 1 and 5",
			"answers.chk1": "must be between 1 and 5",
		}},
		{"choice", Response{Answers: map[string]int{"p1": 3}}, false, FieldErrors{
			"answers.p1": "must be 1 or 2",
		}},
		{"unknown item", Response{Answers: map[string]int{"inf1": 3}}, false, FieldErrors{
			"answers.inf1": "is not an item of small v1",
		}},
		{"incomplete submission", Response{Answers: handAnswers()}, true, FieldErrors{
			"answers.d4": "is not answered",
			"answers.o2": "is not answered",
			"answers.o3": "is not answered",
		}},
		{"too many timings", Response{PageSeconds: []float64{1, 2, 3, 4}}, false, FieldErrors{
			"page_seconds": "must have one entry per page (3), not 4",
		}},
		{"submission with some timings", Response{Answers: all, PageSeconds: []float64{1, 2}}, true, FieldErrors{
			"page_seconds": "must have one entry per page (3), not 2",
		}},
		{"bad timings", Response{PageSeconds: []float64{-1, math.NaN(), 3}}, false, FieldErrors{
			"page_seconds.0": "must be a number of seconds, 0 or more",
			"page_seconds.1": "must be a number of seconds, 0 or more",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ValidateResponse(q, tt.r, tt.complete)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestOneOf(t *testing.T) {
	tests := []struct {
		lo, hi int
		want   string
	}{{1, 2, "1 or 2"}, {1, 3, "1, 2 or 3"}, {1, 5, "between 1 and 5"}, {0, 10, "between 0 and 10"}}
	for _, tt := range tests {
		if got := oneOf(tt.lo, tt.hi); got != tt.want {
			t.Errorf("oneOf(%d, %d) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestFieldErrorsError(t *testing.T) {
	fe := FieldErrors{"answers.b": "y", "answers.a": "x"}
	if got, want := fe.Error(), "answers.a: x; answers.b: y"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
