package ui

import (
	"testing"

	"digikomp/survey"
)

// TestGoldenProfileScreens keeps a picture of the people screens at
// 80×24 in both languages: "Vem är du?", a PIN after four wrong tries
// (the count and the wait), a new person, the welcome screen of a named
// person whose last test is four months old, the people screen, a
// person's changes, the typed confirmation of a deletion and the
// settings. Regenerate with: go test ./ui -run Golden -update
func TestGoldenProfileScreens(t *testing.T) {
	for _, lang := range survey.Langs {
		h, _, _, _ := peopleHarness(t, lang)
		shot := func(name string) {
			t.Helper()
			checkGolden(t, string(lang)+"-"+name, h.screen())
		}
		shot("chooser")
		h.keys("<down><enter>")
		for range 4 {
			h.text("0000")
			h.keys("<enter>")
		}
		shot("pin-wait")
		h.keys("<esc><down><down><enter>")
		h.text("Cia")
		h.keys("<enter>")
		h.text("abcd")
		shot("new-person-pin")
		h.keys("<esc><enter>")
		shot("welcome-person")
		h.pick(h.m.c.cat.Profiles.MenuProfiles)
		shot("people")
		h.person("Anna")
		shot("person-changes")
		h.keys("<down><down><enter>")
		shot("person-delete")
		h.keys("<esc><esc><esc>")
		h.pick(h.m.c.cat.Profiles.MenuSettings)
		shot("settings")
	}
}
