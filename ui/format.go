package ui

import (
	"strconv"

	"digikomp/survey"
)

// formatCount writes a whole number with thousands grouped as each
// language does: "3 612" (with a no-break space) in Swedish, "3,612" in
// English.
func formatCount(lang survey.Lang, n int) string {
	sep := ","
	if lang == survey.Swedish {
		sep = "\u00a0"
	}
	s := strconv.Itoa(max(n, -n))
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if n < 0 {
		s = "-" + s
	}
	return s
}
