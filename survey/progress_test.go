package survey

import (
	"reflect"
	"strings"
	"testing"
)

// scoreV2 is scoreTOML's questionnaire in a second version: b2 is gone, c2
// is new. Shared statements: a1, a2, b1, c1.
var scoreV2 = strings.NewReplacer(
	"version = 1", "version = 2",
	`id = "b2"`, `id = "c2"`,
	`area = "b"
competence = "2.2"`, `area = "c"
competence = "3.2"`,
).Replace(scoreTOML)

func TestMeanAndDeltaRounding(t *testing.T) {
	for _, c := range []struct {
		before, after Mean
		want          int
	}{
		{Mean{13, 4}, Mean{101, 25}, 7}, // 3.25 → 4.04 shown 3.3 → 4.0: +0.7, not the exact +0.79 (0.8)
		{Mean{7, 2}, Mean{7, 2}, 0},
		{Mean{9, 2}, Mean{13, 4}, -12}, // 4.5 → 3.25 (3.3): −1.2
		{Mean{1, 3}, Mean{2, 3}, 4},    // 0.3 → 0.7
		{Mean{0, 0}, Mean{5, 1}, 0},    // nothing before: unknown
	} {
		d := Delta{c.before, c.after}
		if got := d.Tenths(); got != c.want {
			t.Errorf("%v → %v: %d tenths, want %d", c.before, c.after, got, c.want)
		}
		if d.Known() != (c.before.N > 0 && c.after.N > 0) {
			t.Errorf("%v → %v: Known %v", c.before, c.after, d.Known())
		}
	}
	if (Mean{}).Float() != 0 || (Mean{7, 2}).Float() != 3.5 {
		t.Error("Float")
	}
}

// Hand-computed: the same questionnaire, every statement shared.
func TestCompareSameVersion(t *testing.T) {
	q := mustParse(t, scoreTOML)
	before := Taken{q, Ratings{"a1": 2, "a2": 3, "b1": 6, "b2": 6, "c1": 4}}
	after := Taken{q, Ratings{"a1": 5, "a2": 4, "b1": 6, "b2": 3, "c1": 4, "zz": 7, "c9": 9}}
	c := Compare(before, after)
	if !c.Same || c.Shared != 5 {
		t.Fatalf("Same %v Shared %d, want true 5", c.Same, c.Shared)
	}
	// a: 2.5 → 4.5 (+2.0); b: 6.0 → 4.5 (−1.5); c: 4.0 → 4.0;
	// overall 21/5 = 4.2 → 22/5 = 4.4 (+0.2). zz and c9 are not statements.
	want := map[string]int{"a": 20, "b": -15, "c": 0}
	for id, w := range want {
		d, ok := c.Area(id)
		if !ok || !d.Known() || d.Tenths() != w {
			t.Errorf("area %s: %+v (%v), want %d tenths", id, d, ok, w)
		}
	}
	if c.Overall != (Delta{Mean{21, 5}, Mean{22, 5}}) || c.Overall.Tenths() != 2 {
		t.Errorf("overall %+v", c.Overall)
	}
	wantRose := []StatementDelta{{"a1", 2, 5}, {"a2", 3, 4}}
	wantFell := []StatementDelta{{"b2", 6, 3}}
	if !reflect.DeepEqual(c.Rose, wantRose) || !reflect.DeepEqual(c.Fell, wantFell) {
		t.Errorf("rose %v fell %v, want %v and %v", c.Rose, c.Fell, wantRose, wantFell)
	}
	// The same means as each result shows.
	for _, ad := range c.Areas {
		ra := Score(q, after.Ratings)
		for _, as := range ra.Areas {
			if as.AreaID == ad.AreaID && as.MeanTenths() != ad.After.Tenths() {
				t.Errorf("area %s: result %d, comparison %d", as.AreaID, as.MeanTenths(), ad.After.Tenths())
			}
		}
	}
}

// Hand-computed: version 1 against version 2, on the four shared
// statements; b2 (only in v1) and c2 (only in v2) count on neither side.
func TestCompareAcrossVersions(t *testing.T) {
	v1, v2 := mustParse(t, scoreTOML), mustParse(t, scoreV2)
	before := Taken{v1, Ratings{"a1": 3, "a2": 3, "b1": 2, "b2": 7, "c1": 5}}
	after := Taken{v2, Ratings{"a1": 4, "a2": 5, "b1": 2, "c1": 4, "c2": 1}}
	c := Compare(before, after)
	if c.Same || c.Shared != 4 {
		t.Fatalf("Same %v Shared %d, want false 4", c.Same, c.Shared)
	}
	// a: 3.0 → 4.5 (+1.5); b: 2.0 → 2.0 (b2 left out); c: 5.0 → 4.0
	// (c2 left out): −1.0; overall 13/4 = 3.25 (3.3) → 15/4 = 3.75 (3.8): +0.5.
	for id, w := range map[string]Delta{
		"a": {Mean{6, 2}, Mean{9, 2}},
		"b": {Mean{2, 1}, Mean{2, 1}},
		"c": {Mean{5, 1}, Mean{4, 1}},
	} {
		if d, _ := c.Area(id); d != w {
			t.Errorf("area %s: %+v, want %+v", id, d, w)
		}
	}
	if c.Overall != (Delta{Mean{13, 4}, Mean{15, 4}}) || c.Overall.Tenths() != 5 {
		t.Errorf("overall %+v (%d)", c.Overall, c.Overall.Tenths())
	}
	wantRose := []StatementDelta{{"a2", 3, 5}, {"a1", 3, 4}}
	wantFell := []StatementDelta{{"c1", 5, 4}}
	if !reflect.DeepEqual(c.Rose, wantRose) || !reflect.DeepEqual(c.Fell, wantFell) {
		t.Errorf("rose %v fell %v, want %v and %v", c.Rose, c.Fell, wantRose, wantFell)
	}
}

// A statement skipped on one side counts on the other side's mean but
// never as a rise or fall; an area left blank on one side is not Known.
func TestCompareSkips(t *testing.T) {
	q := mustParse(t, scoreTOML)
	c := Compare(Taken{q, Ratings{"a1": 4, "c1": 2}}, Taken{q, Ratings{"a1": 4, "a2": 6, "b1": 1}})
	if d, _ := c.Area("a"); d != (Delta{Mean{4, 1}, Mean{10, 2}}) || d.Tenths() != 10 {
		t.Errorf("a: %+v", d)
	}
	if d, _ := c.Area("b"); d.Known() || d.Tenths() != 0 {
		t.Errorf("b is blank before: %+v", d)
	}
	if d, _ := c.Area("c"); d.Known() {
		t.Errorf("c is blank after: %+v", d)
	}
	if len(c.Rose) != 0 || len(c.Fell) != 0 {
		t.Errorf("rose %v fell %v, want none", c.Rose, c.Fell)
	}
}

// Ties keep the later questionnaire's order, largest change first.
func TestCompareOrder(t *testing.T) {
	q := mustParse(t, scoreTOML) // order a1 b1 a2 b2 c1
	c := Compare(Taken{q, Ratings{"a1": 1, "b1": 1, "a2": 1, "b2": 7, "c1": 7}},
		Taken{q, Ratings{"a1": 3, "b1": 5, "a2": 3, "b2": 5, "c1": 5}})
	want := []StatementDelta{{"b1", 1, 5}, {"a1", 1, 3}, {"a2", 1, 3}}
	if !reflect.DeepEqual(c.Rose, want) {
		t.Errorf("rose %v, want %v", c.Rose, want)
	}
	if want := []StatementDelta{{"b2", 7, 5}, {"c1", 7, 5}}; !reflect.DeepEqual(c.Fell, want) {
		t.Errorf("fell %v, want %v", c.Fell, want)
	}
}

func TestProgress(t *testing.T) {
	v1, v2 := mustParse(t, scoreTOML), mustParse(t, scoreV2)
	if p := Progress(nil); p.Means != nil || p.Mixed {
		t.Errorf("no attempts: %+v", p)
	}
	one := Progress([]Taken{{v1, Ratings{"a1": 3}}})
	if one.SinceFirst.Areas != nil || one.SincePrevious.Areas != nil || len(one.Means) != 1 {
		t.Errorf("one attempt: %+v", one)
	}
	list := []Taken{
		{v1, Ratings{"a1": 1, "a2": 2, "b1": 3, "b2": 4, "c1": 5}},
		{v1, Ratings{"a1": 2, "a2": 2, "b1": 3, "b2": 6, "c1": 5}},
		{v2, Ratings{"a1": 4, "a2": 4, "b1": 3, "c1": 6, "c2": 2}},
	}
	p := Progress(list)
	if !p.Mixed || !reflect.DeepEqual(p.Areas, []string{"a", "b", "c"}) {
		t.Fatalf("Mixed %v Areas %v", p.Mixed, p.Areas)
	}
	// Each attempt against its own questionnaire: the third's c is
	// (6+2)/2 = 4.0 with c2; its b is b1 only.
	wantA := []Mean{{3, 2}, {4, 2}, {8, 2}}
	wantB := []Mean{{7, 2}, {9, 2}, {3, 1}}
	wantC := []Mean{{5, 1}, {5, 1}, {8, 2}}
	for i, m := range p.Means {
		if m.Areas["a"] != wantA[i] || m.Areas["b"] != wantB[i] || m.Areas["c"] != wantC[i] {
			t.Errorf("attempt %d: %+v", i, m)
		}
	}
	// Since the first, on a1 a2 b1 c1: a 1.5 → 4.0 (+2.5), b 3 → 3,
	// c 5 → 6 (+1.0), overall 11/4 (2.8) → 17/4 (4.3): +1.5.
	if d, _ := p.SinceFirst.Area("a"); d.Tenths() != 25 {
		t.Errorf("a since first: %d", d.Tenths())
	}
	if d, _ := p.SinceFirst.Area("c"); d.Tenths() != 10 {
		t.Errorf("c since first: %d", d.Tenths())
	}
	if got := p.SinceFirst.Overall.Tenths(); got != 15 {
		t.Errorf("overall since first: %d", got)
	}
	// Since the previous: a 2.0 → 4.0 (+2.0), overall 12/4 (3.0) → 17/4 (4.3): +1.3.
	if d, _ := p.SincePrevious.Area("a"); d.Tenths() != 20 {
		t.Errorf("a since previous: %d", d.Tenths())
	}
	if got := p.SincePrevious.Overall.Tenths(); got != 13 {
		t.Errorf("overall since previous: %d", got)
	}
	if p.SinceFirst.Same || p.SincePrevious.Same {
		t.Error("v1 against v2 is not the same questionnaire")
	}
	if same := Progress(list[:2]); same.Mixed || !same.SincePrevious.Same {
		t.Errorf("two v1 attempts: Mixed %v Same %v", same.Mixed, same.SincePrevious.Same)
	}
}
