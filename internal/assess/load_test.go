package assess

import (
	"io/fs"
	"strings"
	"testing"

	"rolefit/questionnaires"
)

func TestFixturesParse(t *testing.T) {
	mini := mustParseFixture(t, "minimal.yaml")
	if len(mini.Composites) != 0 || len(mini.Scales) != 2 || mini.NumItems() != 5 || mini.Audience != nil || mini.Minutes != 0 {
		t.Errorf("minimal: %+v", mini)
	}
	small := mustParseFixture(t, "small.yaml")
	if small.Description != "Used by the tests of package assess." {
		t.Errorf("description = %q", small.Description)
	}
	if small.Source != "small.yaml" || !strings.HasPrefix(small.Hash, "sha256:") || len(small.Hash) != len("sha256:")+64 {
		t.Errorf("source %q hash %q", small.Source, small.Hash)
	}
	if len(small.Pairs.Synonyms) != 4 || small.Pairs.Antonyms[3] != [2]string{"o1", "o2"} {
		t.Errorf("pairs = %+v", small.Pairs)
	}
}

func TestParseRefusesHugeFiles(t *testing.T) {
	data := []byte(validBase + "# " + strings.Repeat("x", MaxFileSize) + "\n")
	_, err := Parse("big.yaml", data)
	if err == nil || !strings.Contains(err.Error(), "big.yaml: file is larger than") {
		t.Errorf("Parse of a huge file: %v", err)
	}
}

// BenchmarkParse parses and validates the shipped sales-service definition,
// as a server does at start-up.
func BenchmarkParse(b *testing.B) {
	data, err := fs.ReadFile(questionnaires.FS, "sales-service.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("sales-service.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
