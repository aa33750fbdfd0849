package survey

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// hostileFiles are questionnaire files built to make a parser or a
// validator work hard or talk long: deep nesting of every kind, long
// arrays, many keys, many broken items, and files just inside the limits.
func hostileFiles() map[string]string {
	rep := func(s string, n int) string { return strings.Repeat(s, n) }
	// fill repeats item(i) joined by sep until the file would pass size.
	fill := func(size int, prefix string, item func(int) string, sep, suffix string) string {
		var b strings.Builder
		b.WriteString(prefix)
		for i := 0; b.Len() < size-len(suffix)-64; i++ {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(item(i))
		}
		b.WriteString(suffix)
		return b.String()
	}
	brokenStatement := func(i int) string {
		// No area, no competence, no texts, and a duplicate id.
		return fmt.Sprintf("[[statements]]\nid = \"s%d\"\n", i/2)
	}
	under := func(tokens int, item string, per int) string {
		return rep(item, tokens/per-1)
	}
	return map[string]string{
		"nested inline tables":   "x = " + rep("{a = ", 5000) + "1" + rep("}", 5000) + "\n",
		"nested in the title":    "title = " + rep("{a = ", 5000) + "1" + rep("}", 5000) + "\n",
		"nested arrays":          "x = " + rep("[", 5000) + "1" + rep("]", 5000) + "\n",
		"dotted key":             "x" + rep(".a", 5000) + " = 1\n",
		"dotted table header":    "[x" + rep(".a", 5000) + "]\nb = 1\n",
		"nested array tables":    fill(20<<10, "", func(i int) string { return "[[x" + rep(".a", i) + "]]\n" }, "", ""),
		"long array":             fill(MaxFileSize, "x = [", func(int) string { return "1" }, ",", "]\n"),
		"many keys":              fill(MaxFileSize, "", func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }, "", ""),
		"many tables":            fill(MaxFileSize, "", func(i int) string { return fmt.Sprintf("[t%d]\n", i) }, "", ""),
		"many inline tables":     fill(MaxFileSize, "x = [", func(i int) string { return fmt.Sprintf("{a%d = 1}", i) }, ",", "]\n"),
		"many broken statements": fill(MaxFileSize, "", brokenStatement, "", ""),
		"too large":              fill(MaxFileSize+2048, "title.sv = \"", func(int) string { return "a" }, "", "\"\n"),
		"one long string":        fill(MaxFileSize, "title.sv = \"", func(int) string { return "a" }, "", "\"\n"),
		"one long comment":       fill(MaxFileSize, "# ", func(int) string { return "a" }, "", "\n"),
		"under: inline tables":   "x = [" + under(maxTokens, "{a={b={c={d=1}}}},", 9) + "]\n",
		"under: dotted keys":     fill(MaxFileSize, "", func(i int) string { return fmt.Sprintf("a%d.b.c.d.e.f.g.h = 1\n", i) }, "", "")[:maxTokens/8*22],
		"under: keys":            under(maxTokens, "[[statements]]\nid=\"\"\n", 3),
		"under: array":           "x = [" + under(maxTokens, "[[[[[[1]]]]]],", 7) + "]\n",
		"unterminated string":    "title.sv = \"" + rep("a", MaxFileSize-100),
		"unterminated multiline": "title.sv = \"\"\"" + rep("a\n", MaxFileSize/2-100),
		"bidi and escapes in keys and ids": "id = \"a\\u202Eb\\u001b[2J\"\n\"\\u202e\\u0007\" = 1\n" +
			"[[statements]]\nid = \"\\u0000\"\n",
	}
}

// Every hostile file is refused quickly, with a short error. The time
// bound is the "well under a second", kept generous for a loaded
// two-core machine: on an idle one every file takes under 20 ms.
func TestParseHostileFiles(t *testing.T) {
	for name, src := range hostileFiles() {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse([]byte(src))
			took := time.Since(start)
			if err == nil {
				t.Fatal("Parse accepted it")
			}
			var ps *Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error %T %v, want *Problems", err, err)
			}
			if len(ps.List) == 0 || len(ps.List) > MaxProblems {
				t.Errorf("%d problems listed, want 1..%d", len(ps.List), MaxProblems)
			}
			if n := len(err.Error()); n > 8<<10 {
				t.Errorf("the error is %d bytes", n)
			}
			if took > 800*time.Millisecond {
				t.Errorf("Parse took %v", took)
			}
		})
	}
}

func TestParseLimitProblems(t *testing.T) {
	files := hostileFiles()
	tests := []struct{ file, want string }{
		{"nested inline tables", "file too-deep 0/8 at 1:0"},
		{"dotted key", "file too-deep"},
		{"nested array tables", "file too-deep 0/8 at 10:0"},
		{"long array", "file too-many-tokens"},
		{"too large", fmt.Sprintf("file too-large %d/%d", len(files["too large"]), MaxFileSize)},
		{"unterminated string", "file syntax"},
		{"many broken statements", "file too-many-tokens"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(files[tt.file]))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.file, err, tt.want)
		}
	}
}

// A file of many broken items lists the first MaxProblems in the file's
// order and counts the rest.
func TestParseCapsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(validTOML)
	for i := range 100 {
		fmt.Fprintf(&b, "[[discussion]]\nid = \"extra%d\"\n", i)
	}
	_, err := Parse([]byte(b.String()))
	var ps *Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Parse = %v, want *Problems", err)
	}
	if len(ps.List) != MaxProblems || ps.More != 200-MaxProblems {
		t.Errorf("%d listed and %d more, want %d and %d", len(ps.List), ps.More, MaxProblems, 200-MaxProblems)
	}
	if first := ps.List[0].String(); first != `discussion "extra0" missing-text text.sv` {
		t.Errorf("first problem %s, want the first in the file", first)
	}
}

// BenchmarkParseHostile measures the hostile files one by one, and the
// built-in questionnaire for comparison.
func BenchmarkParseHostile(b *testing.B) {
	files := hostileFiles()
	builtin, err := dataFS.ReadFile(questionnaireFile)
	if err != nil {
		b.Fatal(err)
	}
	files["built-in"] = string(builtin)
	for name, src := range files {
		data := []byte(src)
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _ = Parse(data)
			}
		})
	}
}
