package ui

import (
	"fmt"
	"strings"

	"digikomp/store"
)

// finishedOf lists, for the fuzz target's checks, the profile's finished
// attempts in the store, without the failures failRead injects.
func (s *memStore) finishedOf(profileID string) []store.Attempt {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.history(profileID)
}

// checkProgression: the history, progress and wheel screens show the
// store's finished attempts: as many rows as there are, each screen its
// title, the history's cursor on screen; the wheel outlines a previous
// attempt exactly when there is one.
func (d *fuzzApp) checkProgression(view string) {
	m := d.m
	p := m.c.cat.Progression
	done := d.st.finishedOf(store.LocalProfile)
	if m.progression.err != nil {
		return
	}
	// The wheel of a result is drawn from that result, not the list.
	fromMenu := m.screen != screenWheel || m.progression.wheel.back == intentShow{screenWelcome}
	if fromMenu && len(m.progression.list) != len(done) {
		d.failf("the %s screen was built from %d finished attempts, the store holds %d", m.screen, len(m.progression.list), len(done))
	}
	switch m.screen {
	case screenHistory:
		if want := fmt.Sprintf(p.HistoryCount, len(done)); !strings.Contains(view, want) {
			d.failf("the history lacks %q", want)
		}
		if len(done) > 0 && d.m.c.height >= 24 && !strings.Contains(view, "›") {
			d.failf("the history's cursor is off screen")
		}
	case screenProgress:
		if !strings.Contains(view, p.ProgressTitle) {
			d.failf("the progress screen lacks its title")
		}
	case screenWheel:
		if !strings.Contains(view, p.WheelTitle) {
			d.failf("the wheel lacks its title")
		}
		if prev := strings.Contains(view, string(glyphPrevious)); fromMenu && m.c.height >= 24 && prev != (len(done) > 1) {
			d.failf("the wheel outlines a previous attempt: %v; the store holds %d finished", prev, len(done))
		}
	}
}
