//go:build !windows

package main

import (
	"strings"
	"testing"
)

// TestE2EPlanGoal: in the real binary at 80×24 with NO_COLOR=1, finish an
// attempt with safety rated low, open the plan from the result, pick two
// topics with space, write a goal and confirm it; restart the binary and
// see the goal on the welcome screen. Then take the test again and see
// the goal beside the result with the change in the chosen topics' area.
func TestE2EPlanGoal(t *testing.T) {
	env := newEnv(t, "sv")
	env.extra = []string{"NO_COLOR=1", "COLORTERM=truecolor"}
	take := func(a *app, menu, keys string) {
		t.Helper()
		a.waitFor(menu)
		a.send("\r")
		a.waitFor("Om testet")
		a.send("s")
		a.waitFor(counter(1, 24))
		a.send(keys)
		a.waitFor("Fråga 1 / ")
		a.send("\x1b")
		a.waitFor("Avsluta testet och visa resultatet")
		a.send("\r")
		a.waitFor("Medelvärde totalt")
	}

	// Information 4, communication 6, creation 5, safety 5, problem
	// solving 4 statements: safety rated 2, the rest 6.
	a := start(t, env)
	take(a, "Gör testet", strings.Repeat("6", 15)+"22222"+"6666")
	a.waitFor("p din plan")
	a.send("p")
	a.waitFor("Din lärandeplan")
	a.waitFor("Valda: 0")
	a.waitFor("Prova den här veckan:")
	a.send(" ")
	a.waitFor("Valda: 1")
	a.send("\x1b[B")
	a.waitFor("› [ ]")
	a.send(" ")
	a.waitFor("Valda: 2")
	if n := strings.Count(a.screen(), "[x]"); n != 2 {
		t.Errorf("%d topics marked after two picks:\n%s", n, a.dump())
	}
	a.send("\r")
	a.waitFor("Vad vill du kunna nästa gång?")
	a.send("Visa falska sms för besökare")
	a.waitFor("Visa falska sms för besökare")
	a.send("\r")
	a.waitFor("Planen är sparad.")
	a.waitFor("Behov och resurser")
	a.send("q")
	a.exitOK("q on the needs screen")

	a = start(t, env)
	a.waitFor("Ditt mål: Visa falska sms för besökare")
	a.waitFor("Min plan")
	lines := strings.Split(strings.TrimRight(a.screen(), "\n"), "\n")
	if len(lines) > 24 {
		t.Errorf("the welcome screen has %d lines:\n%s", len(lines), a.dump())
	}
	take(a, "Gör testet igen", strings.Repeat("5", 24))
	a.waitFor("Din plan från förra gången")
	a.waitUntil("the goal beside the result", func(s string) bool {
		s = strings.Join(strings.Fields(s), " ")
		return strings.Contains(s, "Ditt mål var ”Visa falska sms för besökare”; området") &&
			strings.Contains(s, "området Säkerhet ändrades +3,0.")
	})
	a.send("q")
	a.exitOK("q on the result")
	if c := colourSGR(a.output()); len(c) > 0 {
		t.Errorf("with NO_COLOR=1 the program wrote colour: %s", c[0])
	}
}
