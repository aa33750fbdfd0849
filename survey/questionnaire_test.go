package survey

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// maxStatementRunes keeps a statement to two lines of an 80-column screen.
const maxStatementRunes = 160

func loadT(t *testing.T) *Questionnaire {
	t.Helper()
	q, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return q
}

func TestEmbeddedQuestionnaireShape(t *testing.T) {
	q := loadT(t)
	if q.ID != "digikomp" || q.Version != 1 {
		t.Errorf("id, version = %q, %d; want digikomp, 1", q.ID, q.Version)
	}
	if q.Scale.Min != 1 || q.Scale.Max != 7 {
		t.Errorf("scale = %d–%d, want 1–7", q.Scale.Min, q.Scale.Max)
	}
	wantAreas := []string{"information", "communication", "creation", "safety", "problem-solving"}
	var gotAreas []string
	for i, a := range q.Areas {
		gotAreas = append(gotAreas, a.ID)
		if a.Number != i+1 {
			t.Errorf("area %q has number %d, want %d", a.ID, a.Number, i+1)
		}
	}
	if !slices.Equal(gotAreas, wantAreas) {
		t.Errorf("areas = %v, want %v", gotAreas, wantAreas)
	}
	if len(q.Statements) != 24 {
		t.Errorf("%d statements, want 24", len(q.Statements))
	}
	wantPerArea := map[string]int{"information": 4, "communication": 6, "creation": 5, "safety": 5, "problem-solving": 4}
	for id, want := range wantPerArea {
		if got := len(q.StatementsIn(id)); got != want {
			t.Errorf("area %q has %d statements, want %d", id, got, want)
		}
	}
	if len(q.Discussion) != 6 {
		t.Errorf("%d discussion questions, want 6", len(q.Discussion))
	}
}

// TestEmbeddedCompetenceCoverage checks that the statements together cover
// DigComp 2.1 exactly, and that each statement's competences belong to its
// own area.
func TestEmbeddedCompetenceCoverage(t *testing.T) {
	q := loadT(t)
	want := strings.Fields(`1.1 1.2 1.3 2.1 2.2 2.3 2.4 2.5 2.6 3.1 3.2 3.3 3.4
		4.1 4.2 4.3 4.4 5.1 5.2 5.3 5.4`)
	covered := map[string]bool{}
	for _, s := range q.Statements {
		a, _ := q.Area(s.Area)
		for _, c := range s.Competences() {
			covered[c] = true
			if major, _, _ := strings.Cut(c, "."); major != strconv.Itoa(a.Number) {
				t.Errorf("statement %q in area %d lists competence %s", s.ID, a.Number, c)
			}
		}
	}
	for _, c := range want {
		if !covered[c] {
			t.Errorf("competence %s is not covered", c)
		}
		delete(covered, c)
	}
	for c := range covered {
		t.Errorf("competence %s is not in DigComp 2.1", c)
	}
}

func TestEmbeddedStatementTexts(t *testing.T) {
	q := loadT(t)
	for _, s := range q.Statements {
		if !strings.HasPrefix(s.ID, areaPrefix[s.Area]) {
			t.Errorf("statement %q in area %q should start with %q", s.ID, s.Area, areaPrefix[s.Area])
		}
		if !strings.HasPrefix(s.Text.SV, "Jag ") {
			t.Errorf("statement %q: Swedish text does not start with \"Jag \": %q", s.ID, s.Text.SV)
		}
		if !strings.HasPrefix(s.Text.EN, "I ") {
			t.Errorf("statement %q: English text does not start with \"I \": %q", s.ID, s.Text.EN)
		}
		for lang, text := range map[Lang]string{Swedish: s.Text.SV, English: s.Text.EN} {
			if n := utf8.RuneCountInString(text); n > maxStatementRunes {
				t.Errorf("statement %q (%s) is %d runes, at most %d", s.ID, lang, n, maxStatementRunes)
			}
			if !strings.HasSuffix(text, ".") {
				t.Errorf("statement %q (%s) does not end with a full stop", s.ID, lang)
			}
		}
	}
}

var areaPrefix = map[string]string{
	"information":     "info-",
	"communication":   "comm-",
	"creation":        "create-",
	"safety":          "safe-",
	"problem-solving": "prob-",
}

// The Swedish discussion questions come from the network meetings and must
// stay word for word.
func TestEmbeddedDiscussionVerbatim(t *testing.T) {
	want := []DiscussionQuestion{
		{ID: "share-knowledge", Text: Text{SV: "Hur vill ni dela kunskap och erfarenheter framöver?"}},
		{ID: "network-form", Text: Text{SV: "Har ni behov av ett fortsatt nätverk och i så fall i vilken form? Vill ni hellre ha en digital informationskanal?"}},
		{ID: "network-value", Text: Text{SV: "Vad vill ni få ut av ett nätverk som handlar om MIK och digital kompetens?"}},
		{ID: "digiteket-use", Text: Text{SV: "Hur planerar ni att fortsätta använda Digiteket för fortbildning?"}},
		{ID: "digiteket-support", Text: Text{SV: "Kan ett nätverk fungera som ett stöd för interna Digiteket-aktiviteter och hur skulle det i så fall kunna se ut?"}},
		{ID: "regional-support", Text: Text{SV: "Vilket stöd önskar ni av regionbiblioteket inom frågor om MIK och digital kompetens?"}},
	}
	q := loadT(t)
	if len(q.Discussion) != len(want) {
		t.Fatalf("%d discussion questions, want %d", len(q.Discussion), len(want))
	}
	for i, w := range want {
		got := q.Discussion[i]
		if got.ID != w.ID || got.Text.SV != w.Text.SV {
			t.Errorf("discussion #%d = %q %q\nwant %q %q", i+1, got.ID, got.Text.SV, w.ID, w.Text.SV)
		}
	}
}

func TestEmbeddedBackground(t *testing.T) {
	q := loadT(t)
	want := map[string][]string{
		"municipality": nil,
		"role":         {"librarian", "assistant", "manager", "other"},
		"years":        {"0-2", "3-5", "6-10", "11-20", "21+"},
		"library_size": {"1-5", "6-15", "16-50", "51+"},
		"digiteket":    {"yes", "no", "unknown"},
	}
	var order []string
	for _, b := range q.Background {
		order = append(order, b.ID)
		var ids []string
		for _, o := range b.Options {
			ids = append(ids, o.ID)
		}
		if !slices.Equal(ids, want[b.ID]) {
			t.Errorf("background %q options = %v, want %v", b.ID, ids, want[b.ID])
		}
	}
	if wantOrder := []string{"municipality", "role", "years", "library_size", "digiteket"}; !slices.Equal(order, wantOrder) {
		t.Errorf("background questions = %v, want %v", order, wantOrder)
	}
	if b, _ := q.BackgroundQuestion("municipality"); b.Kind != KindMunicipality {
		t.Errorf("municipality question has kind %q", b.Kind)
	}
}

// Validate already rejects duplicates; this guards against a future change
// to Validate silently dropping that check for the shipped data.
func TestEmbeddedIDsUnique(t *testing.T) {
	q := loadT(t)
	seen := map[string]bool{}
	check := func(kind, id string) {
		if seen[kind+" "+id] {
			t.Errorf("%s id %q used twice", kind, id)
		}
		seen[kind+" "+id] = true
	}
	for _, s := range q.Statements {
		check("statement", s.ID)
	}
	for _, b := range q.Background {
		check("background", b.ID)
	}
	for _, d := range q.Discussion {
		check("discussion", d.ID)
	}
}
