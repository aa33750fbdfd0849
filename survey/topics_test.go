package survey

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"digikomp/internal/langcheck"
)

func builtinTopics(t *testing.T) ([]Topic, *Questionnaire) {
	t.Helper()
	q, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := Topics()
	if err != nil {
		t.Fatalf("the built-in topics do not load: %v", err)
	}
	return ts, q
}

// Every area and every statement of the built-in questionnaire reaches at
// least one topic, so no weak spot goes without a suggestion.
func TestTopicsCoverQuestionnaire(t *testing.T) {
	ts, q := builtinTopics(t)
	areas, statements := map[string]int{}, map[string]int{}
	for _, tp := range ts {
		for _, a := range tp.Areas {
			areas[a]++
		}
		for _, s := range tp.Statements {
			statements[s]++
		}
	}
	for _, a := range q.Areas {
		if areas[a.ID] == 0 {
			t.Errorf("area %s reaches no topic", a.ID)
		}
	}
	for _, s := range q.Statements {
		if statements[s.ID] == 0 {
			t.Errorf("statement %s reaches no topic", s.ID)
		}
	}
	// And through Suggest: rating a single statement 1 and nothing else
	// suggests a topic for it.
	for _, s := range q.Statements {
		got := SuggestFrom(ts, q, Ratings{s.ID: 1})
		found := false
		for _, sg := range got {
			for _, st := range sg.Statements {
				found = found || st.StatementID == s.ID
			}
		}
		if !found {
			t.Errorf("rating %s 1 suggests nothing for it", s.ID)
		}
	}
}

// The list and the seed's wishlist are all there.
func TestTopicsIncludeWishlist(t *testing.T) {
	ts, _ := builtinTopics(t)
	want := []string{"kallkritik", "sociala-medier", "upphovsratt-licenser", "dataskydd-gdpr",
		"tillganglighet", "distanspedagogik", "makerspace", "e-tjanster-e-legitimation", "felsokning",
		"prioriterade-malgrupper", "fordjupning", "juridik", "lasframjande", "bibliotek-sociala-medier",
		"samarbetsverktyg", "oppen-kallkod", "guider-tjanster", "mik", "fria-arkiv",
		"demokrati-inkludering", "hogskoleansokan"}
	for _, id := range want {
		if _, ok := TopicByID(ts, id); !ok {
			t.Errorf("topic %s missing", id)
		}
	}
	// The copyright directive's articles are named as adopted.
	j, _ := TopicByID(ts, "juridik")
	for _, lang := range Langs {
		if why := j.Why.In(lang); !strings.Contains(why, "15") || !strings.Contains(why, "17") {
			t.Errorf("juridik (%s) does not name articles 15 and 17: %q", lang, why)
		}
	}
}

// Swedish texts hold no English words, and no Swedish text is a copy of
// its English twin.
func TestTopicsSwedish(t *testing.T) {
	ts, _ := builtinTopics(t)
	word := regexp.MustCompile(`\pL{3,}`)
	for _, tp := range ts {
		texts := append([]Text{tp.Title, tp.Why}, tp.Exercises...)
		for _, x := range texts {
			if w := langcheck.English(x.SV); len(w) > 0 {
				t.Errorf("%s: English %q in %q", tp.ID, w, x.SV)
			}
			if x.SV == x.EN && word.MatchString(x.SV) {
				t.Errorf("%s: Swedish same as English: %q", tp.ID, x.SV)
			}
		}
	}
}

func TestParseTopicsStrict(t *testing.T) {
	q, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	good := `
[[topics]]
id = "a-1"
areas = ["safety"]
statements = ["safe-gdpr"]
title.sv = "Titel"
title.en = "Title"
why.sv = "Varför"
why.en = "Why"
[[topics.exercises]]
sv = "Ett"
en = "One"
[[topics.exercises]]
sv = "Två"
en = "Two"
`
	if _, err := ParseTopics([]byte(good), q); err != nil {
		t.Fatalf("good file refused: %v", err)
	}
	cases := map[string][2]string{
		"unknown area":      {`areas = ["safety"]`, `areas = ["sakerhet"]`},
		"unknown statement": {`statements = ["safe-gdpr"]`, `statements = ["safe-x"]`},
		"bad id":            {`id = "a-1"`, `id = "Å"`},
		"long id":           {`id = "a-1"`, `id = "` + strings.Repeat("a", 41) + `"`},
		"unknown key":       {`title.en = "Title"`, "title.en = \"Title\"\ncolour = 1"},
		"missing english":   {`why.en = "Why"`, ``},
		"one exercise":      {"[[topics.exercises]]\nsv = \"Två\"\nen = \"Two\"\n", ""},
		"no links":          {"areas = [\"safety\"]\nstatements = [\"safe-gdpr\"]", ""},
		"area twice":        {`areas = ["safety"]`, `areas = ["safety", "safety"]`},
	}
	for name, c := range cases {
		bad := strings.Replace(good, c[0], c[1], 1)
		if bad == good {
			t.Fatalf("%s: replacement did not apply", name)
		}
		if _, err := ParseTopics([]byte(bad), q); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := ParseTopics([]byte(good+good), q); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("duplicate id: %v", err)
	}
	if _, err := ParseTopics([]byte("x = ["), q); err == nil {
		t.Error("syntax error accepted")
	}
	// Control characters in texts are cleaned.
	esc := strings.Replace(good, `title.sv = "Titel"`, `title.sv = "Ti\u001b[2Jtel"`, 1)
	ts, err := ParseTopics([]byte(esc), q)
	if err != nil || strings.ContainsRune(ts[0].Title.SV, 0x1b) {
		t.Errorf("escape kept: %v %q", err, ts)
	}
}

func suggestedIDs(list []Suggestion) []string {
	var ids []string
	for _, s := range list {
		ids = append(ids, s.Topic.ID)
	}
	return ids
}

func TestSuggest(t *testing.T) {
	_, q := builtinTopics(t)
	ts := []Topic{
		{ID: "t-info", Areas: []string{"information"}},
		{ID: "t-safe", Areas: []string{"safety"}, Statements: []string{"safe-gdpr"}},
		{ID: "t-prob", Areas: []string{"problem-solving"}},
		{ID: "t-scam", Statements: []string{"safe-scams", "comm-share"}},
		{ID: "t-none", Statements: []string{"create-coding"}},
	}
	// Everything 6 except: safety low (mean 3), problem-solving 5,
	// safe-gdpr 2, comm-share 3, safe-scams 1.
	r := Ratings{}
	for _, s := range q.Statements {
		r[s.ID] = 6
	}
	for _, s := range q.StatementsIn("safety") {
		r[s.ID] = 4
	}
	r["safe-gdpr"], r["safe-scams"], r["comm-share"] = 2, 1, 3
	for _, s := range q.StatementsIn("problem-solving") {
		r[s.ID] = 5
	}
	got := SuggestFrom(ts, q, r)
	// t-scam (lowest 1) then t-safe (2), then t-prob (second weakest
	// area); information is not among the two weakest.
	if ids := suggestedIDs(got); !slices.Equal(ids, []string{"t-scam", "t-safe", "t-prob"}) {
		t.Fatalf("suggested %v", ids)
	}
	scam := got[0]
	if len(scam.Statements) != 2 || scam.Statements[0] != (StatementScore{"safe-scams", 1}) || scam.Statements[1] != (StatementScore{"comm-share", 3}) {
		t.Errorf("t-scam reasons %+v", scam.Statements)
	}
	if !slices.Equal(got[1].Areas, []string{"safety"}) || len(got[1].Statements) != 1 {
		t.Errorf("t-safe reasons %+v", got[1])
	}
	if !slices.Equal(got[2].Areas, []string{"problem-solving"}) || len(got[2].Statements) != 0 {
		t.Errorf("t-prob reasons %+v", got[2])
	}

	// Nothing answered: nothing to suggest.
	if got := SuggestFrom(ts, q, Ratings{}); len(got) != 0 {
		t.Errorf("empty ratings suggested %v", suggestedIDs(got))
	}
	// A rating of 4 is not low; off-scale values are ignored.
	// Only creation is answered, and no test topic links it.
	if got := SuggestFrom(ts, q, Ratings{"create-coding": 4, "safe-gdpr": 0}); len(got) != 0 {
		t.Errorf("4 or 0 counted as low: %+v", got)
	}
	// Equal areas: the first two in questionnaire order are the weakest.
	all := Ratings{}
	for _, s := range q.Statements {
		all[s.ID] = 5
	}
	if ids := suggestedIDs(SuggestFrom(ts, q, all)); !slices.Equal(ids, []string{"t-info"}) {
		// information and communication are the first two areas; only
		// t-info links to one of them.
		t.Errorf("ties: %v", ids)
	}
	// The built-in list suggests something for a weak result.
	low := Ratings{}
	for _, s := range q.Statements {
		low[s.ID] = 2
	}
	list, err := Suggest(q, low)
	if err != nil || len(list) < 5 {
		t.Errorf("built-in Suggest gave %d: %v", len(list), err)
	}
}
