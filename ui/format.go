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

// formatMean shows a mean given in tenths (survey's MeanTenths, rounded
// half away from zero on the exact fraction) with one decimal, with a
// decimal comma in Swedish: 33 is "3,3".
func formatMean(lang survey.Lang, tenths int) string {
	sign := ""
	if tenths < 0 {
		sign, tenths = "-", -tenths
	}
	point := "."
	if lang == survey.Swedish {
		point = ","
	}
	return sign + strconv.Itoa(tenths/10) + point + strconv.Itoa(tenths%10)
}

// formatPercent shows a whole percentage (survey's HighPercent); Swedish
// puts a space before the sign.
func formatPercent(lang survey.Lang, percent int) string {
	p := strconv.Itoa(percent)
	if lang == survey.Swedish {
		return p + " %"
	}
	return p + "%"
}
