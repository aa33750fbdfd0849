package ui

import (
	"reflect"
	"regexp"
	"slices"
	"testing"

	"digikomp/survey"
)

// Every field of the catalogue must be filled in every language, with the
// same format verbs in the same order, or a screen would show a blank or
// a garbled "%!d(MISSING)".
func TestCatalogsComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	sv := reflect.ValueOf(*Messages(survey.Swedish))
	en := reflect.ValueOf(*Messages(survey.English))
	typ := sv.Type()
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		s, e := sv.Field(i).String(), en.Field(i).String()
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
}

func TestMessagesDefaultsToSwedish(t *testing.T) {
	if Messages("") != Messages(survey.Swedish) || Messages("fi") != Messages(survey.Swedish) {
		t.Error("an unknown language should fall back to Swedish")
	}
	if Messages(survey.English).MenuStart == Messages(survey.Swedish).MenuStart {
		t.Error("English and Swedish menus are identical")
	}
}
