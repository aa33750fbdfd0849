package ui

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
)

// TestCatalogsComplete reads only the catalogue's top-level strings; the
// plan's sub-catalogue gets the same checks here: every field filled in
// both languages, with the same format verbs in the same order.
func TestPlanCatalogComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	sv, en := reflect.ValueOf(planSV), reflect.ValueOf(planEN)
	typ := sv.Type()
	if typ.NumField() < 10 {
		t.Fatalf("only %d fields", typ.NumField())
	}
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		s, e := sv.Field(i).String(), en.Field(i).String()
		if s == "" || e == "" {
			t.Errorf("%s is empty in a language (sv %q, en %q)", name, s, e)
		}
		if vs, ve := verbs.FindAllString(s, -1), verbs.FindAllString(e, -1); !slices.Equal(vs, ve) {
			t.Errorf("%s: Swedish has verbs %v, English %v", name, vs, ve)
		}
	}
	if Messages("sv").Plan != planSV || Messages("en").Plan != planEN {
		t.Error("the catalogues do not hold the plan strings")
	}
}
