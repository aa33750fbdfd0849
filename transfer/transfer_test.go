package transfer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var exported = time.Date(2026, 12, 2, 17, 0, 0, 0, time.UTC)

// sample returns records with every kind of field, and free text with
// å ä ö, commas, quotes, newlines and text a spreadsheet would take for a
// formula.
func sample() []Record {
	start := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	return []Record{
		{
			Attempt: "0000018a2b3c4d5e0011223344556677", Workshop: "a1b2c3d4", WorkshopName: "Nätverksträff, Växjö \"höst\"", WorkshopPlace: "Växjö, stadsbiblioteket",
			WorkshopDate: time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC),
			Round:        "2026 höst", Started: start, Finished: start.Add(25 * time.Minute),
			Questionnaire: "digikomp", QuestionnaireVersion: 1,
			Background: map[string]string{"role": "chef", "municipality": "Ödeshög"},
			Ratings:    Scores{{"s1", 5}, {"s2", 0}, {"s3", 7}},
			AreaMeans:  Scores{{"comm", 700}, {"info", 600}},
			Manager:    "yes", Learn: []string{"kallkritik", "gdpr"}, Teach: []string{"makerspace"}, ShowName: true,
			Profile: "Åsa Öberg, bibliotekarie", HasProfile: true,
			Discussion: map[string]string{"d1": "Vi lånar ut läsplattor, cyklar och \"symaskiner\";\nnästa rad: åäö ÅÄÖ.\r\nOch en till.", "d2": "=SUM(A1:A9)"},
			Plan:       &Plan{Topics: []string{"kallkritik"}, Goal: "Granska källor,\nbättre: åäö", Other: "'-- citerad"},
		},
		{
			Attempt: "0000018a2b3c4d5e8899aabbccddeeff", Started: start.Add(time.Hour), Finished: start.Add(2 * time.Hour),
			Questionnaire: "digikomp", QuestionnaireVersion: 2,
			Ratings: Scores{{"s1", 1}, {"s9", 4}}, AreaMeans: Scores{{"info", 250}},
			HasProfile: true,
		},
	}
}

func sampleHeader(n int) Header {
	return Header{Records: n, Exported: exported, WithNames: true, WithText: true, Columns: Columns{
		Background: []string{"role", "municipality"},
		Statements: []string{"s1", "s2", "s3", "s9"},
		Areas:      []string{"info", "comm"},
		Discussion: []string{"d1", "d2"},
	}}
}

func encode(t *testing.T, kind Kind, h Header, recs []Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	var w Writer
	var err error
	if kind == CSV {
		w, err = NewCSV(&buf, h)
	} else {
		w, err = NewJSONL(&buf, h)
	}
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	for _, kind := range []Kind{CSV, JSONL} {
		t.Run(kind.String(), func(t *testing.T) {
			recs := sample()
			data := encode(t, kind, sampleHeader(len(recs)), recs)
			f, err := Decode(bytes.NewReader(data), DefaultLimits)
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			if f.Kind != kind || len(f.Rejected) != 0 || len(f.Records) != len(recs) {
				t.Fatalf("kind %v, rejected %v, %d records\n%s", f.Kind, f.Rejected, len(f.Records), data)
			}
			if h := f.Header; h.Version != Version || h.Records != 2 || !h.Exported.Equal(exported) || !h.WithNames || !h.WithText {
				t.Errorf("header %+v", h)
			}
			for i, got := range f.Records {
				want := recs[i]
				if kind == CSV {
					// CSV keeps line ends in text as line feeds.
					want.Discussion = maps.Clone(want.Discussion)
					for k, v := range want.Discussion {
						want.Discussion[k] = strings.ReplaceAll(v, "\r\n", "\n")
					}
				}
				want.Started, want.Finished = want.Started.UTC(), want.Finished.UTC()
				got.Started, got.Finished = got.Started.UTC(), got.Finished.UTC()
				// CSV gives scores in column order, JSON Lines in id order.
				byID := func(a, b Score) int { return strings.Compare(a.ID, b.ID) }
				slices.SortFunc(got.Ratings, byID)
				slices.SortFunc(got.AreaMeans, byID)
				if !reflect.DeepEqual(got.Record, want) {
					t.Errorf("record %d:\n got %#v\nwant %#v", i, got.Record, want)
				}
			}
			if f.Records[0].Line != 3-btoi(kind == JSONL) || f.Records[1].Line <= f.Records[0].Line {
				t.Errorf("lines %d, %d", f.Records[0].Line, f.Records[1].Line)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestCSVForSpreadsheets: a byte-order mark, RFC 4180 quoting that any
// CSV reader takes, formulas defused, the identifying first row.
func TestCSVForSpreadsheets(t *testing.T) {
	recs := sample()
	data := encode(t, CSV, sampleHeader(len(recs)), recs)
	if !bytes.HasPrefix(data, []byte("\ufeffdigikomp-export,version=1,records=2,exported=2026-12-02T17:00:00Z\r\n")) {
		t.Fatalf("start: %q", data[:min(len(data), 90)])
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err == nil {
		t.Fatal("the first row and the columns have different lengths; ReadAll should say so")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	rows, err = r.ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	col := map[string]int{}
	for i, c := range rows[1] {
		col[c] = i
	}
	if got := rows[2][col["discussion:d2"]]; got != "'=SUM(A1:A9)" {
		t.Errorf("formula cell %q", got)
	}
	if got := rows[2][col["plan:other"]]; got != "''-- citerad" {
		t.Errorf("apostrophe cell %q", got)
	}
	if got := rows[2][col["mean:info"]]; got != "6.00" {
		t.Errorf("mean %q", got)
	}
	if got := rows[3][col["rating:s2"]]; got != "" {
		t.Errorf("a statement not reached is %q", got)
	}
	if got := rows[2][col["rating:s2"]]; got != "0" {
		t.Errorf("a skipped statement is %q", got)
	}
}

// TestPrivacyByDefault: without names and text, neither a name nor a
// discussion answer nor a plan's goal is in the bytes, in either form.
func TestPrivacyByDefault(t *testing.T) {
	for _, kind := range []Kind{CSV, JSONL} {
		recs := sample()
		h := sampleHeader(len(recs))
		h.WithNames, h.WithText = false, false
		data := encode(t, kind, h, recs)
		for _, s := range []string{"Åsa", "läsplattor", "SUM", "Granska", "profile", "discussion", "plan"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%v: %q is in the export", kind, s)
			}
		}
		f, err := Decode(bytes.NewReader(data), DefaultLimits)
		if err != nil || len(f.Records) != 2 || f.Header.WithNames || f.Header.WithText || f.Records[0].HasProfile {
			t.Errorf("%v: %v %+v", kind, err, f)
		}
	}
}

func TestWriterRefuses(t *testing.T) {
	recs := sample()
	h := sampleHeader(1)
	h.Columns.Statements = []string{"s1"}
	var buf bytes.Buffer
	w, err := NewCSV(&buf, h)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(&recs[0]); !errors.Is(err, ErrColumn) {
		t.Errorf("a rating without a column: %v", err)
	}
	bad := recs[1]
	bad.Attempt = "XYZ"
	if err := w.Write(&bad); err == nil {
		t.Error("a bad attempt id was written")
	}
	if _, err := NewCSV(&buf, Header{Columns: Columns{Statements: []string{"a", "a"}}}); !errors.Is(err, ErrColumn) {
		t.Errorf("repeated column: %v", err)
	}
}

// TestRejectedRecordsHaveLines: damaged records are listed with the
// line they start on and why; the others are read.
func TestRejectedRecordsHaveLines(t *testing.T) {
	recs := sample()
	t.Run("csv", func(t *testing.T) {
		data := string(encode(t, CSV, sampleHeader(len(recs)), recs))
		lines := strings.Split(data, "\r\n")
		// Lines 1 and 2 are the header; record 1 spans several lines
		// (newlines in its text); the second record is the last line.
		last := len(lines) - 2
		cells := strings.Split(lines[last], ",")
		cells[7] = "yesterday" // started
		lines[last] = strings.Join(cells, ",")
		lines = append(lines[:len(lines)-1], strings.Replace(lines[last], "8899aabb", "8899aabc", 1)+",extra", "")
		data = strings.Replace(strings.Join(lines, "\r\n"), "records=2", "records=3", 1)
		f, err := Decode(strings.NewReader(data), DefaultLimits)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		want := []Problem{{Line: last + 1, Code: CodeDate, Field: "started"}, {Line: last + 2, Code: CodeFields}}
		if !reflect.DeepEqual(f.Rejected, want) || len(f.Records) != 1 {
			t.Errorf("rejected %v, want %v; %d records", f.Rejected, want, len(f.Records))
		}
	})
	t.Run("jsonl", func(t *testing.T) {
		data := string(encode(t, JSONL, sampleHeader(len(recs)), recs))
		lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
		extra := []string{
			strings.Replace(lines[2], `"ratings":{`, `"ratings":{"s7":8.5,`, 1),     // 4: not a whole number
			strings.Replace(lines[2], `"attempt":`, `"colour":"red","attempt":`, 1), // 5: unknown key
			lines[2], // 6: the same attempt again
			`{"attempt":"0000018a2b3c4d5e8899aabbccddee00","questionnaire":"digikomp"`, // 7: cut short
			"", // 8: blank
			`{"attempt":"0000018a2b3c4d5e8899aabbccddee01","date":"2026-01-01T00:00:00Z","started":"2026-01-02T00:00:00Z","questionnaire":"q","questionnaire_version":1}`,                         // 9: finished before started
			`{"attempt":"0000018a2b3c4d5e8899aabbccddee02","date":"2026-01-01T00:00:00Z","started":"2026-01-01T00:00:00Z","questionnaire":"q","questionnaire_version":1,"learn":["Not a topic"]}`, // 10
		}
		lines = append(lines, extra...)
		data = strings.Replace(strings.Join(lines, "\n")+"\n", `"records":2`, fmt.Sprintf(`"records":%d`, 2+len(extra)), 1)
		f, err := Decode(strings.NewReader(data), DefaultLimits)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		want := []Problem{
			{Line: 4, Code: CodeNumber, Field: "rating:s7"},
			{Line: 5, Code: CodeUnknownKey, Field: "colour"},
			{Line: 6, Code: CodeDuplicate, Field: "attempt"},
			{Line: 7, Code: CodeSyntax},
			{Line: 8, Code: CodeBlank},
			{Line: 9, Code: CodeDate, Field: "date"},
			{Line: 10, Code: CodeTopic, Field: "learn"},
		}
		if !reflect.DeepEqual(f.Rejected, want) || len(f.Records) != 2 {
			t.Errorf("rejected\n %v, want\n %v; %d records", f.Rejected, want, len(f.Records))
		}
	})
}

// TestRefusedWhole: files that are not a digikomp export of this
// version, cut short, or beyond the limits, are refused whole.
func TestRefusedWhole(t *testing.T) {
	recs := sample()
	csvData := encode(t, CSV, sampleHeader(len(recs)), recs)
	jsonData := encode(t, JSONL, sampleHeader(len(recs)), recs)
	small := Limits{MaxLine: 300, MaxRecords: 10, MaxBytes: 1 << 20}
	cases := []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"empty", nil, DefaultLimits, ErrNotExport},
		{"only a byte-order mark", []byte("\ufeff"), DefaultLimits, ErrNotExport},
		{"binary", []byte("SQLite format 3\x00\x10\x00"), DefaultLimits, ErrNotExport},
		{"bbolt file", append([]byte{0, 0, 0, 0, 0, 0, 0, 0, 4, 0}, bytes.Repeat([]byte{0xed, 0xda, 0x0c, 0xed}, 10)...), DefaultLimits, ErrNotExport},
		{"another program's CSV", []byte("name,score\nÅsa,5\n"), DefaultLimits, ErrNotExport},
		{"another program's JSON", []byte(`{"name":"Åsa"}` + "\n"), DefaultLimits, ErrNotExport},
		{"a profile export", []byte(`{"format": 1, "exported": "2026-01-01T00:00:00Z", "attempts": []}`), DefaultLimits, ErrNotExport},
		{"csv header cut short", csvData[:20], DefaultLimits, ErrHeader},
		{"jsonl header cut short", jsonData[:30], DefaultLimits, ErrNotExport},
		{"csv without its column row", []byte("digikomp-export,version=1,records=0,exported=2026-01-01T00:00:00Z\r\n"), DefaultLimits, ErrHeader},
		{"newer csv", bytes.Replace(csvData, []byte("version=1"), []byte("version=2"), 1), DefaultLimits, ErrNewer},
		{"newer jsonl", bytes.Replace(jsonData, []byte(`"version":1`), []byte(`"version":7`), 1), DefaultLimits, ErrNewer},
		{"unknown column", bytes.Replace(csvData, []byte("round,"), []byte("colour,"), 1), DefaultLimits, ErrHeader},
		{"repeated column", bytes.Replace(csvData, []byte("round,"), []byte("workshop,"), 1), DefaultLimits, ErrHeader},
		{"unknown header key", bytes.Replace(jsonData, []byte(`"records"`), []byte(`"colour":1,"records"`), 1), DefaultLimits, ErrHeader},
		{"csv cut at a line end", csvData[:bytes.LastIndex(csvData[:len(csvData)-2], []byte("\r\n"))+2], DefaultLimits, ErrCount},
		{"jsonl cut at a line end", jsonData[:bytes.LastIndex(jsonData[:len(jsonData)-1], []byte("\n"))+1], DefaultLimits, ErrCount},
		{"csv cut mid-record", csvData[:len(csvData)-10], DefaultLimits, nil}, // the last record is rejected: counted
		{"jsonl with a record added", append(bytes.Clone(jsonData), jsonData[bytes.IndexByte(jsonData, '\n')+1:]...), DefaultLimits, ErrCount},
		{"line too long", jsonData, small, ErrLineTooLong},
		{"too many records announced", bytes.Replace(jsonData, []byte(`"records":2`), []byte(`"records":9999999999`), 1), DefaultLimits, ErrTooMany},
		{"too many records", csvData, Limits{MaxLine: 1 << 16, MaxRecords: 1, MaxBytes: 1 << 20}, ErrTooMany},
		{"too many bytes", csvData, Limits{MaxLine: 1 << 16, MaxRecords: 10, MaxBytes: 100}, ErrTooMany},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Decode(bytes.NewReader(c.data), c.lim)
			if c.want == nil {
				if err != nil || len(f.Rejected) != 1 || f.Rejected[0].Code != CodeSyntax && f.Rejected[0].Code != CodeFields && f.Rejected[0].Code != CodeNumber {
					t.Errorf("got %v %+v", err, f)
				}
				return
			}
			var fe *FileError
			if !errors.Is(err, c.want) || !errors.As(err, &fe) {
				t.Errorf("got %v (%+v), want %v", err, f, c.want)
			}
		})
	}
}

func TestMeans(t *testing.T) {
	for h, s := range map[int]string{0: "0.00", 5: "0.05", 425: "4.25", 700: "7.00", 12345: "123.45"} {
		if got := FormatMean(h); got != s {
			t.Errorf("FormatMean(%d) = %q", h, got)
		}
		if got, fe := parseMean("m", s); fe != nil || got != h {
			t.Errorf("parseMean(%q) = %d %v", s, got, fe)
		}
	}
	for _, s := range []string{"4,25", "4.2", "-1.00", "1e2", "", " 4.25", "4.250"} {
		if _, fe := parseMean("m", s); fe == nil {
			t.Errorf("parseMean(%q) accepted", s)
		}
	}
}

func TestGuard(t *testing.T) {
	for _, s := range []string{"", "a", "=1", "'=1", "''=1", "'", "''", "-", "@x", "\tx", "'a", "a'"} {
		if got := unguard(guard(s)); got != s {
			t.Errorf("unguard(guard(%q)) = %q", s, got)
		}
		if g := guard(s); risky(g) && !strings.HasPrefix(g, "'") {
			t.Errorf("guard(%q) = %q is still a formula", s, g)
		}
	}
}

func TestScores(t *testing.T) {
	var s Scores
	s.Set("b", 2)
	s.Set("a", 1)
	s.Set("b", 3)
	if v, ok := s.Get("b"); !ok || v != 3 || len(s) != 2 {
		t.Errorf("after setting b twice: %v", s)
	}
	if _, ok := s.Get("c"); ok {
		t.Error("Get found an id never set")
	}
	r := sample()[1]
	r.Ratings = append(r.Ratings, Score{"s1", 2})
	var p Problem
	if err := r.Check(); !errors.As(err, &p) || p.Code != CodeID || p.Field != "rating:s1" {
		t.Errorf("a rating given twice: %v", err)
	}
	for _, kind := range []Kind{CSV, JSONL} {
		var buf bytes.Buffer
		var w Writer
		var err error
		if kind == CSV {
			w, err = NewCSV(&buf, sampleHeader(1))
		} else {
			w, err = NewJSONL(&buf, sampleHeader(1))
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(&r); err == nil {
			t.Errorf("%v: a record with a rating given twice was written", kind)
		}
	}
}

func TestParseNumbers(t *testing.T) {
	for s, want := range map[string]int{"0": 0, "7": 7, "07": 7, "99": 99} {
		if n, fe := parseSmall("f", s, 2); fe != nil || n != want {
			t.Errorf("parseSmall(%q) = %d, %v", s, n, fe)
		}
	}
	for _, s := range []string{"", "100", "-1", "+1", " 1", "1 ", "1.0", "a", "٣"} {
		if _, fe := parseSmall("f", s, 2); fe == nil {
			t.Errorf("parseSmall(%q) accepted", s)
		}
	}
	for s, want := range map[string]int{"0.00": 0, "4.25": 425, "700.00": 70000, "007.05": 705, "0000.05": -1} {
		n, fe := parseMean("f", s)
		if want < 0 {
			if fe == nil {
				t.Errorf("parseMean(%q) accepted", s)
			}
		} else if fe != nil || n != want {
			t.Errorf("parseMean(%q) = %d, %v", s, n, fe)
		}
	}
	for _, s := range []string{"", "4", "4.", ".25", "4.2", "4.250", "4,25", "-4.25", "1000.00", "4.2a", "4..25"} {
		if _, fe := parseMean("f", s); fe == nil {
			t.Errorf("parseMean(%q) accepted", s)
		}
	}
}
