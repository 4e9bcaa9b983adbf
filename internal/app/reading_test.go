package app_test

import (
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/assess"
)

// readingResult is a scored response with the given composites, class,
// bands (half-width w, none when 0), reference group n (none when 0) and
// flags.
func readingResult(hunter, farmer float64, class assess.Class, borderline []string, w float64, n int, pref *float64, sev assess.Severity, flags ...string) assess.Result {
	res := assess.Result{Profile: &assess.Profile{Class: class, Borderline: len(borderline) > 0, BorderlineOn: borderline, Cut: 3.5},
		Preference: &assess.Preference{Index: pref}, Quality: assess.Quality{Severity: sev}}
	for _, c := range []struct {
		id, name string
		v        float64
	}{{"hunter", "New-business selling", hunter}, {"farmer", "Relationship service", farmer}} {
		s := assess.ScaleScore{ID: c.id, Name: c.name, Score: &c.v}
		if w > 0 {
			s.Band = &assess.Band{Low: c.v - w, High: c.v + w}
		}
		if n > 0 {
			s.Norm = &assess.Standing{Percentile: 50, N: n, Provisional: n < assess.ProvisionalBelowN}
		}
		res.Composites = append(res.Composites, s)
	}
	for _, f := range flags {
		res.Quality.Flags = append(res.Quality.Flags, assess.Flag{Code: f, Severity: sev})
	}
	return res
}

// The reading's sentences follow the class, the borderline mark, the
// preference, the bands, the reference group and the flags.
func TestReadingFollowsTheNumbers(t *testing.T) {
	for _, tc := range []struct {
		name    string
		res     assess.Result
		manager bool
		want    []string
		notWant []string
	}{
		{"hunter, no bands, no norms, no flags", readingResult(4.2, 2.8, assess.ClassHunter, nil, 0, 0, nil, ""),
			false, []string{"a hunter (hunter 4.20, farmer 2.80; 3.50 or more counts as high)", "points to new-business selling",
				"self-report", "not yet known", "no percentiles yet", "No response-quality check raised a flag"},
			[]string{"borderline", "provisional", "manager's rating describes"}},
		{"farmer, provisional norms", readingResult(2.1, 4.4, assess.ClassFarmer, nil, 0.3, 120, nil, ""),
			false, []string{"a farmer", "account service or customer success", "±0.30 points", "the 120 responses your organisation had before theirs", "provisional"},
			[]string{"a hunter", "That is wide", "not yet known"}},
		{"ambidextrous, settled norms, wide bands", readingResult(4.0, 4.1, assess.ClassAmbidextrous, nil, 0.6, 250, nil, ""),
			false, []string{"ambidextrous", "let the value of their hours decide", "That is wide", "the 250 responses your organisation had before theirs"},
			[]string{"provisional"}},
		{"developing and borderline on both", readingResult(3.3, 3.2, assess.ClassDeveloping, []string{"hunter", "farmer"}, 0.4, 0, nil, ""),
			false, []string{"developing", "do not point to either kind of role", "borderline: the bands of the hunter and farmer composites contain the cut 3.50"}, nil},
		{"borderline on one", readingResult(3.6, 2.0, assess.ClassHunter, []string{"hunter"}, 0.4, 0, nil, ""),
			false, []string{"the band of the hunter composite contains the cut 3.50"}, nil},
		{"unknown", readingResult(0, 0, assess.ClassUnknown, nil, 0, 0, nil, ""),
			false, []string{"Too little was answered"}, []string{"a hunter", "a farmer"}},
		{"likely careless", readingResult(4.2, 2.8, assess.ClassHunter, nil, 0, 0, nil, assess.SeverityLikely, "instructed", "longstring"),
			false, []string{"2 quality flags (instructed, longstring)", "careless", "doubtful"}, []string{"No response-quality check"}},
		{"worth a look", readingResult(4.2, 2.8, assess.ClassHunter, nil, 0, 0, nil, assess.SeverityLook, "speed"),
			false, []string{"1 quality flag (speed) worth a look"}, []string{"doubtful", "No response-quality check"}},
		{"preference agrees", readingResult(4.2, 2.8, assess.ClassHunter, nil, 0, 0, ptr(0.6), ""),
			false, []string{"mostly chose selling (preference +0.60", "That agrees with the class"}, []string{"does not match"}},
		{"preference disagrees", readingResult(4.2, 2.8, assess.ClassHunter, nil, 0, 0, ptr(-0.5), ""),
			false, []string{"mostly chose service (preference −0.50", "does not match the class"}, nil},
		{"preference balanced", readingResult(2.2, 4.2, assess.ClassFarmer, nil, 0, 0, ptr(0.1), ""),
			false, []string{"chose each about as often"}, []string{"agrees", "does not match"}},
		{"a manager's rating", readingResult(4.2, 2.8, assess.ClassHunter, nil, 0, 0, nil, ""),
			true, []string{"The manager's rating describes", "one manager's rating"}, []string{"Their own answers", "self-report"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := app.ReadingOf(tc.res, tc.manager)
			got := strings.Join(append(append([]string{}, r.Placement...), r.Limits...), " | ")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %q, want it to contain %q", got, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("got %q, want it without %q", got, w)
				}
			}
		})
	}
}
