package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"digikomp/internal/langcheck"
	"digikomp/survey"
)

// Every field of the catalogue must be filled in every language, with the
// same format verbs in the same order, or a screen would show a blank or
// a garbled "%!d(MISSING)".
func TestCatalogsComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	// Sub-catalogues (Catalog.Progression, …) are walked too.
	sv, en := catalogStrings(Messages(survey.Swedish)), catalogStrings(Messages(survey.English))
	names := make([]string, 0, len(sv))
	for name := range sv {
		names = append(names, name)
	}
	for name := range en {
		if _, ok := sv[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		s, e := sv[name], en[name]
		if s == "" {
			t.Errorf("Swedish catalogue lacks %s", name)
		}
		if e == "" {
			t.Errorf("English catalogue lacks %s", name)
		}
		if vs, ve := verbs.FindAllString(s, -1), verbs.FindAllString(e, -1); !slices.Equal(vs, ve) {
			t.Errorf("%s: Swedish has verbs %v, English %v", name, vs, ve)
		}
	}
	if _, ok := sv["Cmd.ErrNoProfile"]; !ok {
		t.Error("the walk does not reach the Cmd strings")
	}
}

func TestMessagesDefaultsToSwedish(t *testing.T) {
	if Messages("") != Messages(survey.Swedish) || Messages("fi") != Messages(survey.Swedish) {
		t.Error("an unknown language should fall back to Swedish")
	}
	if Messages(survey.English).MenuStart == Messages(survey.Swedish).MenuStart {
		t.Error("English and Swedish menus are identical")
	}
}

// catalogStrings returns every string of a catalogue with the field it
// sits in, looking into maps, slices and nested structs as well, so a
// field added in any shape is read.
func catalogStrings(c *Catalog) map[string]string {
	out := map[string]string{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out[path] = v.String()
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(strings.TrimPrefix(path+"."+v.Type().Field(i).Name, "."), v.Field(i))
				}
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(fmt.Sprintf("%s[%v]", path, k), v.MapIndex(k))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		}
	}
	walk("", reflect.ValueOf(*c))
	return out
}

// Swedish mode must not print English. The catalogue is where every
// sentence comes from, so no Swedish string may hold a word that only
// English has, nor be a copy of its English twin. The end-to-end
// TestE2ESwedishSaysNoEnglish runs the same check on what the real binary
// prints on its error paths.
func TestSwedishCatalogHasNoEnglish(t *testing.T) {
	sv, en := catalogStrings(Messages(survey.Swedish)), catalogStrings(Messages(survey.English))
	if len(sv) < 100 {
		t.Fatalf("only %d strings found in the Swedish catalogue", len(sv))
	}
	word := regexp.MustCompile(`\pL{3,}`)
	for field, s := range sv {
		if words := langcheck.English(s); len(words) > 0 {
			t.Errorf("Swedish %s has English %q: %q", field, words, s)
		}
		if s == en[field] && word.MatchString(s) {
			t.Errorf("Swedish %s is the same as the English: %q", field, s)
		}
	}
}

// The questionnaire's Swedish texts and every Swedish golden screen are
// Swedish too.
func TestSwedishScreensHaveNoEnglish(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"title": q.Title.SV, "min": q.Scale.MinLabel.SV, "max": q.Scale.MaxLabel.SV}
	for _, a := range q.Areas {
		texts[a.ID] = a.Name.SV
	}
	for _, s := range q.Statements {
		texts[s.ID] = s.Text.SV
	}
	for _, b := range q.Background {
		texts[b.ID] = b.Prompt.SV
		for _, o := range b.Options {
			texts[b.ID+"."+o.ID] = o.Label.SV
		}
	}
	for _, d := range q.Discussion {
		texts[d.ID] = d.Text.SV
	}
	goldens, err := filepath.Glob(filepath.Join("testdata", "sv-*.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no Swedish golden screens: %v", err)
	}
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		texts[g] = string(b)
	}
	for where, s := range texts {
		if words := langcheck.English(s); len(words) > 0 {
			t.Errorf("%s has English %q:\n%s", where, words, s)
		}
	}
}

// A count of one must not stand before a plural ("1 profiler", "has 1
// problems"): such counts are phrased as labels ("Profiler: 1") or have a
// form of their own for one. Every string is formatted with 1 for each
// number and searched for a plural noun right after it.
func TestNoPluralAfterOne(t *testing.T) {
	plurals := regexp.MustCompile(`\b1 (?:\pL+ )?(?:påståenden|profiler|frågor|kommuner|problemen|sidor|statements|profiles|attempts|tests|problems|questions|answers|municipalities|pages)\b`)
	// Fields shown only for counts above one: ReviewSkipped has
	// ReviewSkippedOne beside it, and a questionnaire has many statements.
	above := map[string]bool{"ReviewSkipped": true, "IntroBody": true}
	verb := regexp.MustCompile(`%[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)
	for _, lang := range survey.Langs {
		for field, s := range catalogStrings(Messages(lang)) {
			if above[field] {
				continue
			}
			var args []any
			for _, v := range verb.FindAllString(s, -1) {
				if strings.HasSuffix(v, "d") {
					args = append(args, 1)
				} else {
					args = append(args, "x")
				}
			}
			if got := fmt.Sprintf(s, args...); plurals.MatchString(got) {
				t.Errorf("%s %s reads %q at one", lang, field, plurals.FindString(got))
			}
		}
	}
}
