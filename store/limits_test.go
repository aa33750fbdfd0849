package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"digikomp/survey"
)

// limitTOML is a questionnaire file at the edge of the survey package's
// limits: n statements whose ids are idLen bytes, the given version and
// scale, nb background questions (the first a choice of no options, the
// rest municipality questions), and background, option and discussion ids
// of idLen bytes too.
func limitTOML(n, idLen int, version int64, min, max, nb, no int) string {
	id := func(i int) string {
		s := fmt.Sprintf("%d-", i)
		// Two-byte letters, so that the limit is counted in bytes.
		return s + strings.Repeat("å", (idLen-len(s))/2) + strings.Repeat("x", (idLen-len(s))%2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "id = %q\nversion = %d\ntitle.sv = \"T\"\ntitle.en = \"T\"\n", id(0), version)
	fmt.Fprintf(&b, "[scale]\nmin = %d\nmax = %d\nmin_label.sv = \"L\"\nmin_label.en = \"L\"\nmax_label.sv = \"H\"\nmax_label.en = \"H\"\n", min, max)
	fmt.Fprintf(&b, "[[areas]]\nid = %q\nnumber = 1\nname.sv = \"A\"\nname.en = \"A\"\n", id(0))
	for i := range n {
		fmt.Fprintf(&b, "[[statements]]\nid = %q\narea = %q\ncompetence = \"1.1\"\ntext.sv = \"S\"\ntext.en = \"S\"\n", id(i), id(0))
	}
	fmt.Fprintf(&b, "[[background]]\nid = %q\nkind = \"choice\"\nprompt.sv = \"P\"\nprompt.en = \"P\"\n", id(0))
	for i := range no {
		fmt.Fprintf(&b, "[[background.options]]\nid = %q\nlabel.sv = \"O\"\nlabel.en = \"O\"\n", id(i))
	}
	for i := 1; i < nb; i++ {
		fmt.Fprintf(&b, "[[background]]\nid = %q\nkind = \"municipality\"\nprompt.sv = \"P\"\nprompt.en = \"P\"\n", id(i))
	}
	fmt.Fprintf(&b, "[[discussion]]\nid = %q\ntext.sv = \"D\"\ntext.en = \"D\"\n", id(0))
	return b.String()
}

// A questionnaire at every limit of the loader is taken by the store:
// started, answered (the last statement at the top of the scale),
// finished and verified; one step past any limit is refused by the
// loader, before the database is opened.
func TestLoaderLimitsAreStoreLimits(t *testing.T) {
	edge := limitTOML(survey.MaxStatements, survey.MaxIDLen, survey.MaxVersion, survey.MaxRating-10, survey.MaxRating,
		survey.MaxBackground, survey.MaxOptions)
	q, err := survey.Parse([]byte(edge))
	if err != nil {
		t.Fatalf("the edge questionnaire does not load: %v", err)
	}
	path := t.TempDir() + "/edge.db"
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.StartAttempt(LocalProfile, q, t0)
	if err != nil {
		t.Fatalf("StartAttempt refused a questionnaire the loader took: %v", err)
	}
	last := q.Statements[len(q.Statements)-1].ID
	if err := s.SaveRating(a.ID, last, q.Scale.Max, Position{Stage: StageStatements}); err != nil {
		t.Fatalf("SaveRating: %v", err)
	}
	if err := s.SaveBackground(a.ID, q.Background[0].ID, q.Background[0].Options[survey.MaxOptions-1].ID, Position{Stage: StageStatements}); err != nil {
		t.Fatalf("SaveBackground: %v", err)
	}
	if err := s.SaveDiscussion(a.ID, q.Discussion[0].ID, "svar", Position{Stage: StageStatements}); err != nil {
		t.Fatalf("SaveDiscussion: %v", err)
	}
	if err := s.Finish(a.ID, t0.Add(time.Minute)); err != nil {
		t.Fatalf("Finish: %v", err)
	}
	if err := s.CheckQuestionnaire(q); err != nil {
		t.Errorf("CheckQuestionnaire of the recorded questionnaire: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if v, err := Verify(path, time.Second); err != nil || !v.Sound() {
		t.Errorf("Verify = %+v, %v", v, err)
	}

	past := map[string]string{
		"statements": limitTOML(survey.MaxStatements+1, 8, 1, 1, 7, 1, 2),
		"id length":  limitTOML(3, survey.MaxIDLen+1, 1, 1, 7, 1, 2),
		"version":    limitTOML(3, 8, survey.MaxVersion+1, 1, 7, 1, 2),
		"scale":      limitTOML(3, 8, 1, survey.MaxRating-5, survey.MaxRating+1, 1, 2),
		"background": limitTOML(3, 8, 1, 1, 7, survey.MaxBackground+1, 2),
		"options":    limitTOML(3, 8, 1, 1, 7, 1, survey.MaxOptions+1),
		"NUL in id":  strings.Replace(limitTOML(3, 8, 1, 1, 7, 1, 2), `id = "1-`, `id = "1\u0000-`, 1),
	}
	for name, src := range past {
		if _, err := survey.Parse([]byte(src)); err == nil {
			t.Errorf("%s: the loader took a questionnaire past its limit", name)
		}
	}
}
