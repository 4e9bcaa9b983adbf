package assess

import (
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"rolefit/questionnaires"
)

// FuzzParse feeds arbitrary bytes to Parse. It must never panic, and what
// it accepts must be scorable: a simulated response scores without panic
// into a result that JSON can encode (no NaN), and parsing again gives the
// same hash.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "questionnaires", "*.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	shipped, _ := fs.Glob(questionnaires.FS, "*.yaml")
	if len(shipped) == 0 {
		f.Fatal("no shipped questionnaires embedded")
	}
	for _, name := range shipped {
		data, err := fs.ReadFile(questionnaires.FS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(validBase))
	for _, broken := range []string{
		"",
		"id: [",
		"- a\n- b\n",
		"id: t\nversion: 1\n---\nid: u\n",
		"a: &x [*x, *x]\n",
		validBase + "pairs:\n  synonyms: [[i1, i2, i3], [i1], i1]\n",
		validBase + "      - {id: p, options: [{text: a, composite: hunter}, {text: b, composite: farmer}, x]}\n",
		validBase + "      - {id: c, text: x, check: 99999999999999999999}\n",
		"id: t\nversion: 1\ntitle: T\nresponse_scale: {min: -5, max: -1, labels: [a, b, c, d, e]}\nscales: [{id: s, name: S}]\npages: [{items: [{id: a, text: a, scale: s, key: 1}, {id: b, text: b, scale: s, key: -1}]}]\n",
		"response_scale: {min: 1, max: 1}\n",
		"scales: [[], {}, 1]\npages: [[], {items: [[], {}]}]\n",
	} {
		f.Add([]byte(broken))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := Parse("fuzz.yaml", data)
		if err != nil {
			if q != nil {
				t.Fatalf("Parse returned a questionnaire and an error")
			}
			if err.Error() == "" {
				t.Fatalf("empty error message")
			}
			return
		}
		again, err := Parse("fuzz.yaml", data)
		if err != nil || again.Hash != q.Hash {
			t.Fatalf("second parse: %v, hash %s vs %s", err, again.Hash, q.Hash)
		}
		rng := rand.New(rand.NewPCG(1, 2))
		for _, style := range []Style{StyleAttentive, StyleRandom, StyleStraightLining} {
			r := Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng), Style: style, SkipRate: 0.2})
			if fe := ValidateResponse(q, r, false); fe != nil {
				t.Fatalf("simulated response invalid: %v", fe)
			}
			res := Score(q, r, Options{})
			if _, err := json.Marshal(res); err != nil {
				t.Fatalf("result does not encode: %v", err)
			}
		}
	})
}
