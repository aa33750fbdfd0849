//go:build !windows

package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestE2EProgression takes the test twice in the real binary at 80×24
// with NO_COLOR=1, with different keys, and reads what a person sees: no
// change on the first result; on the second, beside each area, the
// change with its arrow (hand-computed: every statement 3 the first
// time; then information 5, communication 1, the rest 3); the wheel of
// that result with this test filled and the previous outlined in
// glyphs of their own; and the history list, newest first.
func TestE2EProgression(t *testing.T) {
	env := newEnv(t, "sv")
	env.extra = []string{"NO_COLOR=1", "COLORTERM=truecolor"}

	take := func(a *app, menu, keys string) {
		t.Helper()
		a.waitFor(menu)
		a.send("\r")
		a.waitFor("Om testet")
		a.send("s")
		a.waitFor(counter(1, 24))
		a.send(keys) // one burst, as from a fast typist
		a.waitFor("Fråga 1 / ")
		a.send("\x1b")
		a.waitFor("Avsluta testet och visa resultatet")
		a.send("\r")
		a.waitFor("Ditt resultat")
		a.waitFor("Medelvärde totalt")
	}

	a := start(t, env)
	take(a, "Gör testet", strings.Repeat("3", 24))
	if s := a.screen(); strings.ContainsAny(s, "▲▼±") || strings.Contains(s, "förra testet") {
		t.Errorf("the first result speaks of change:\n%s", a.dump())
	}
	a.send("q")
	a.exitOK("q on the first result")

	a = start(t, env)
	take(a, "Gör testet igen", "5555"+"111111"+strings.Repeat("3", 14))
	a.waitFor("▲ ▼ = förändring sedan förra testet (")
	areaLine := func(name, end string) {
		t.Helper()
		a.waitUntil(name+" … "+end, func(s string) bool {
			for _, l := range strings.Split(s, "\n") {
				l = strings.TrimSpace(l)
				if strings.HasPrefix(l, name+" ") && strings.HasSuffix(l, " "+end) {
					return true
				}
			}
			return false
		})
	}
	areaLine("Informations- och datakompetens", "5,0 ▲ +2,0")
	areaLine("Kommunikation och samarbete", "1,0 ▼ −2,0")
	areaLine("Digitalt innehållsskapande", "3,0   ±0,0")
	areaLine("Säkerhet", "3,0   ±0,0")

	// The wheel of this result.
	a.send("w")
	a.waitFor("Kompetenshjulet")
	a.waitFor("▒ detta test (")
	a.waitFor("• förra testet (")
	a.waitFor("esc tillbaka")
	s := a.screen()
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if !strings.Contains(lines[len(lines)-1], "esc tillbaka") {
		t.Errorf("the wheel does not end with its key help on the last row:\n%s", a.dump())
	}
	if strings.Count(s, "▒") < 10 || strings.Count(s, "•") < 10 || strings.Count(s, "·") < 10 {
		t.Errorf("the wheel lacks its fill, outline or frame:\n%s", a.dump())
	}
	for _, label := range []string{"Informations- och datakompetens 5,0 ▲ +2,0", "Problemlösning", "Säkerhet", "1,0 ▼ −2,0"} {
		if !strings.Contains(s, label) {
			t.Errorf("the wheel lacks the label %q:\n%s", label, a.dump())
		}
	}

	// Back to the result, to the menu, and to the history: two rows,
	// newest first. Overall means: 3,0, then (4·5 + 6·1 + 14·3)/24 = 2,83.
	a.send("\x1b")
	a.waitFor("Ditt resultat")
	a.send("\x1b")
	a.waitFor("Historik")
	a.send("\x1b[B\x1b[B\r")
	a.waitFor("Avslutade test: 2")
	rows := regexp.MustCompile(`(?m)^ *›? *\d{4}-\d\d-\d\d +digikomp v1 +(\S+) +(.+?) *$`)
	a.waitUntil("two history rows", func(s string) bool { return len(rows.FindAllString(s, -1)) == 2 })
	got := rows.FindAllStringSubmatch(a.screen(), -1)
	if got[0][1] != "2,8" || got[0][2] != "▼ −0,2" || got[1][1] != "3,0" || got[1][2] != "första" {
		t.Errorf("history rows %q, want 2,8 ▼ −0,2 then 3,0 första:\n%s", got, a.dump())
	}
	a.send("q")
	a.exitOK("q on the history")
	if c := colourSGR(a.output()); len(c) > 0 {
		t.Errorf("with NO_COLOR=1 the program wrote colour: %s", c[0])
	}
}
