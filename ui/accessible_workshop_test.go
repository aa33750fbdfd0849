package ui

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"digikomp/survey"
)

// runWorkshopLines runs workshop mode in accessible mode with the lines
// as input, one per prompt, and returns what it said.
func runWorkshopLines(t *testing.T, st Store, lines []string) string {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() {
		for _, l := range lines {
			if _, err := pw.Write([]byte(l + "\n")); err != nil {
				return
			}
		}
		pw.Close()
	}()
	var out bytes.Buffer
	clock := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	pinSleep = func(d time.Duration) { clock = clock.Add(d) }
	t.Cleanup(func() { pinSleep = time.Sleep })
	_, err = RunAccessible(Config{Store: st, Questionnaire: q, Lang: survey.Swedish, Now: func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}, Workshop: WorkshopConfig{On: true}}, pr, &out)
	pr.Close()
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out.String())
	}
	return out.String()
}

func TestAccessibleWorkshopTurns(t *testing.T) {
	st := newMemStore()
	lines := []string{"1", "Träffen", "", "", "baslinje", wsPIN, wsPIN}
	turn := func(marker string) {
		lines = append(lines, "1", "2")
		for range 24 {
			lines = append(lines, "5")
		}
		lines = append(lines, marker, "", "", "", "", "", "", "2", "")
	}
	turn("LINJE-ETT")
	turn("LINJE-TVA")
	lines = append(lines, "4", "0000", wsPIN)
	out := runWorkshopLines(t, st, lines)
	if len(st.ws.list) != 1 || st.ws.list[0].pin != wsPIN {
		t.Fatalf("workshop not created: %+v\n%s", st.ws.list, out)
	}
	if n := len(st.ws.attempts); n != 2 {
		t.Errorf("%d attempts in the workshop, want 2\n%s", n, out)
	}
	// Each turn ends by erasing the screen and the scrollback, and the
	// way out asked the facilitator PIN.
	if strings.Count(out, scrubSeq) < 3 {
		t.Errorf("turns and leaving erased the scrollback %d times\n%s", strings.Count(out, scrubSeq), out)
	}
	if !strings.Contains(out, "Fel PIN (1 fel i rad)") {
		t.Errorf("a wrong facilitator PIN was not said\n%s", out)
	}
}
