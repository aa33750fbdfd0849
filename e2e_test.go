//go:build !windows

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"digikomp/survey"
)

// uiText is what the tests look for on screen in one language. It is
// written out here, from the specification, rather than taken from the ui
// package, so a wrong catalogue entry fails the test.
type uiText struct {
	lang         survey.Lang
	start        string // welcome menu, fresh database
	intro        string // intro screen title
	cont         string // welcome menu with an unfinished test: answered, total
	question     string // discussion counter: n, total
	review       string // review screen title
	finish       string // first item of the review screen
	result       string // result screen title
	overall      string // mean (formatted), scale max
	answered     string // answered, total
	highShare    string // percentage (formatted)
	decimalComma bool
	notTerminal  string // part of the message when there is no terminal
	locked       string // part of the message when the database is in use
}

var languages = []uiText{
	{
		lang:         survey.Swedish,
		start:        "Gör testet",
		intro:        "Om testet",
		cont:         "Fortsätt där du slutade (%d av %d besvarade)",
		question:     "Fråga %d / %d",
		review:       "Innan du ser resultatet",
		finish:       "Avsluta testet och visa resultatet",
		result:       "Ditt resultat",
		overall:      "Medelvärde totalt: %s av %d",
		answered:     "Besvarade: %d av %d",
		highShare:    "andel svar 6–7: %s %%",
		decimalComma: true,
		notTerminal:  "terminal",
		locked:       "redan öppet i ett annat fönster",
	},
	{
		lang:        survey.English,
		start:       "Take the test",
		intro:       "About the test",
		cont:        "Continue where you left off (%d of %d answered)",
		question:    "Question %d / %d",
		review:      "Before you see your result",
		finish:      "Finish the test and show the result",
		result:      "Your result",
		overall:     "Overall mean: %s of %d",
		answered:    "Answered: %d of %d",
		highShare:   "share of answers 6–7: %s%%",
		notTerminal: "terminal",
		locked:      "already open in another window",
	},
}

// mean formats the mean sum/n with one decimal in the language's
// convention, rounded half away from zero as a person rounds (3.25 is
// 3.3), on the exact fraction.
func (u uiText) mean(sum, n int) string {
	tenths := (20*sum + n) / (2 * n)
	sep := "."
	if u.decimalComma {
		sep = ","
	}
	return fmt.Sprintf("%d%s%d", tenths/10, sep, tenths%10)
}

// The answers typed: statement i (0-based) gets rating(i), except
// skippedIndex, which is skipped with "s". The process is killed once
// statement killAfter (0-based) has been answered.
const (
	skippedIndex = 8  // statement 9
	killAfter    = 10 // statement 11; the screen then shows "12 / 24"
)

func rating(i int) int { return 1 + (i*5+3)%7 }

// keyFor is the key typed on statement i.
func keyFor(i int) string {
	if i == skippedIndex {
		return "s"
	}
	return strconv.Itoa(rating(i))
}

// counter is the statement counter at the top right, with the space in
// front so that " 1 / 24" does not match "11 / 24".
func counter(n, total int) string { return fmt.Sprintf(" %d / %d", n, total) }

func loadQuestionnaire(t *testing.T) *survey.Questionnaire {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatalf("survey.Load: %v", err)
	}
	return q
}

// answer types the keys for statements from..to (0-based, inclusive),
// waiting for each statement's counter before its key.
func answer(a *app, total, from, to int) {
	a.t.Helper()
	for i := from; i <= to; i++ {
		a.waitFor(counter(i+1, total))
		a.send(keyFor(i))
	}
}

// TestE2EFullRunWithCrash takes the whole test in the real binary, killing
// it half-way with SIGKILL, and checks that it resumes at the same
// statement and shows the result that survey.Score computes from the keys
// typed.
func TestE2EFullRunWithCrash(t *testing.T) {
	for _, u := range languages {
		t.Run(string(u.lang), func(t *testing.T) {
			t.Parallel()
			q := loadQuestionnaire(t)
			total := len(q.Statements)
			if total <= killAfter+1 || skippedIndex > killAfter {
				t.Fatalf("the questionnaire has %d statements; the test expects more than %d", total, killAfter+1)
			}
			env := newEnv(t, string(u.lang))

			// First run: fresh database, up to the middle, then a crash.
			a := start(t, env)
			a.waitFor(u.start)
			a.send("\r")
			a.waitFor(u.intro)
			a.send("s")
			answer(a, total, 0, killAfter)
			a.waitFor(counter(killAfter+2, total))
			a.kill()

			// Second run: the menu offers to continue, with the count of
			// answers given (the skip is not an answer).
			wantSoFar := 0
			for i := 0; i <= killAfter; i++ {
				if i != skippedIndex {
					wantSoFar++
				}
			}
			a = start(t, env)
			a.waitFor(fmt.Sprintf(u.cont, wantSoFar, total))
			a.send("\r")
			// It resumes at the statement after the last one answered. The
			// rest goes in as one burst, as from a fast typist: the app must
			// apply each key to its own statement.
			a.waitFor(counter(killAfter+2, total))
			var burst strings.Builder
			for i := killAfter + 1; i < total; i++ {
				burst.WriteString(keyFor(i))
			}
			a.send(burst.String())

			// Discussion questions: Esc skips them all.
			a.waitFor(fmt.Sprintf(u.question, 1, len(q.Discussion)))
			a.send("\x1b")

			// Review lists the skipped statement, as "a) 9. …".
			a.waitFor(u.review)
			a.waitFor(u.finish)
			a.waitFor(fmt.Sprintf("a) %d. ", skippedIndex+1))
			a.send("\r")
			a.waitFor(u.result)

			// The numbers on screen are survey.Score's for the keys typed.
			ratings := survey.Ratings{}
			for i, s := range q.Statements {
				if i != skippedIndex {
					ratings[s.ID] = rating(i)
				}
			}
			res := survey.Score(q, ratings)
			if res.Answered != total-1 {
				t.Fatalf("survey.Score counts %d answered, want %d", res.Answered, total-1)
			}
			a.waitFor(fmt.Sprintf(u.overall, u.mean(res.Sum, res.Answered), q.Scale.Max))
			a.waitFor(fmt.Sprintf(u.answered, res.Answered, total))
			a.waitFor(fmt.Sprintf(u.highShare, strconv.Itoa((200*res.High+res.Answered)/(2*res.Answered))))
			for _, as := range res.Areas {
				area, ok := q.Area(as.AreaID)
				if !ok {
					t.Fatalf("survey.Score returned unknown area %q", as.AreaID)
				}
				name, value := area.Name.In(u.lang), u.mean(as.Sum, as.Answered)
				a.waitUntil(fmt.Sprintf("an area line %q … %q", name, value), func(s string) bool {
					for _, l := range strings.Split(s, "\n") {
						l = strings.TrimSpace(l)
						if strings.HasPrefix(l, name+" ") && strings.HasSuffix(l, " "+value) {
							return true
						}
					}
					return false
				})
			}

			a.send("q")
			if code := a.wait(); code != 0 {
				t.Fatalf("after q the exit code is %d, want 0\n%s", code, a.dump())
			}
		})
	}
}

// TestE2ENotATerminal runs digikomp with its input and output redirected:
// it must refuse with exit code 2, say why, and create no database.
func TestE2ENotATerminal(t *testing.T) {
	for _, u := range languages {
		for _, stdin := range []string{"devnull", "pipe"} {
			t.Run(string(u.lang)+"/"+stdin, func(t *testing.T) {
				t.Parallel()
				env := newEnv(t, string(u.lang))
				var in io.Reader // nil: /dev/null
				if stdin == "pipe" {
					in = strings.NewReader("1\n2\n")
				}
				code, stdout, stderr := runPlain(t, env, in)
				if code != 2 {
					t.Fatalf("exit code %d, want 2\nstdout: %s\nstderr: %s", code, stdout, stderr)
				}
				if !strings.Contains(stderr, u.notTerminal) {
					t.Errorf("stderr %q does not mention %q", stderr, u.notTerminal)
				}
				if _, err := os.Stat(env.db); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("a database file was created at %s (stat: %v)", env.db, err)
				}
				_ = filepath.WalkDir(env.home, func(p string, d fs.DirEntry, err error) error {
					if err == nil && p != env.home {
						t.Errorf("created %s under HOME", p)
					}
					return err
				})
			})
		}
	}
}

// TestE2ESecondInstance starts digikomp twice on the same database: the
// second must give up quickly with exit code 3 and say that the test is
// open in another window, while the first goes on undisturbed.
func TestE2ESecondInstance(t *testing.T) {
	for _, u := range languages {
		t.Run(string(u.lang), func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, string(u.lang))
			first := start(t, env)
			first.waitFor(u.start)

			second := start(t, env)
			code := second.wait()
			if code != 3 {
				t.Fatalf("second instance: exit code %d, want 3\n%s", code, second.dump())
			}
			if took := second.exited.Sub(second.start); took > 3*time.Second {
				t.Errorf("second instance took %v to give up, want at most 3s", took)
			}
			if s := second.screen(); !strings.Contains(s, u.locked) {
				t.Errorf("second instance does not say %q\n%s", u.locked, second.dump())
			}

			// The first window still works and quits cleanly.
			first.send("\r")
			first.waitFor(u.intro)
			first.send("q")
			if code := first.wait(); code != 0 {
				t.Fatalf("first instance: exit code %d after q, want 0\n%s", code, first.dump())
			}
		})
	}
}
