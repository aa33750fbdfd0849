package ui

import (
	"strings"
	"testing"

	"digikomp/survey"
)

// TestReviewListsBothEnds: the first and the last statement, left open,
// are both listed, with their numbers, and each key leads to its own.
func TestReviewListsBothEnds(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.keys("<enter>s<right>")
	h.keys(strings.Repeat("5", 22))
	h.keys("s<esc>")
	h.see("Innan du ser resultatet", "a) 1. ", "b) 24. ")
	h.keys("b")
	h.see("24 / 24")
}
