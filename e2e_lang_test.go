//go:build !windows

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"

	"digikomp/internal/langcheck"
	"digikomp/store"
)

// swedishCase is one way of reaching a message: the arguments, the files
// it needs, and the exit code and Swedish words that show the path was
// really taken. To cover a new message, add a case.
type swedishCase struct {
	name string
	// args are given as they are; "--lang sv" is added last unless they
	// name a language themselves, so that a mistake met before --lang is
	// parsed must still be said in Swedish.
	args []string
	// envLang is DIGIKOMP_LANG, English unless set, for the same reason.
	envLang string
	// setup prepares env's files (env.db, env.home) before the run; it may
	// change env, add arguments, or keep a store open for the run's length.
	setup func(t *testing.T, env *appEnv, args *[]string)
	// app runs the case in a pseudo-terminal and drives it with drive (nil:
	// wait for it to exit); without app it runs with plain pipes.
	app   bool
	drive func(a *app)
	codes []int  // the exit codes that show the path was taken
	want  string // a piece of the Swedish message, so a case that stops reaching its path fails
	// pending names the engineer whose Swedish message this path waits
	// for; the case is skipped, saying so, until it lands.
	pending string
}

// TestE2ESwedishSaysNoEnglish drives every error path the tests can reach
// with --lang sv and fails on any word that only English has
// (langcheck.EnglishWords): every sentence must come from the Swedish
// catalogue. TestSwedishCatalogHasNoEnglish checks the catalogue itself.
func TestE2ESwedishSaysNoEnglish(t *testing.T) {
	for _, c := range append(swedishCases(), cmdSwedishCases()...) {
		t.Run(c.name, func(t *testing.T) {
			if c.pending != "" {
				t.Skipf("waiting for the Swedish message from %s", c.pending)
			}
			t.Parallel()
			env := newEnv(t, cmpOr(c.envLang, "en"))
			env.db = filepath.Join(filepath.Dir(env.db), "svar.db")
			args := slices.Clone(c.args)
			if c.setup != nil {
				c.setup(t, &env, &args)
			}
			if !slices.ContainsFunc(args, func(a string) bool { return strings.HasPrefix(strings.TrimLeft(a, "-"), "lang") }) {
				args = append(args, "--lang", "sv")
			}
			var code int
			var out string
			if c.app {
				a := start(t, env, args...)
				if c.drive != nil {
					c.drive(a)
				}
				code, out = a.wait(), a.output()
			} else {
				var stdout, stderr string
				code, stdout, stderr = runPlain(t, env, nil, args...)
				out = stdout + stderr
			}
			text := swedishText(out, filepath.Dir(filepath.Dir(env.home)))
			if !slices.Contains(c.codes, code) {
				t.Errorf("digikomp %q exited %d, want one of %v\n%s", args, code, c.codes, text)
			}
			if !strings.Contains(text, c.want) {
				t.Errorf("digikomp %q did not say %q\n%s", args, c.want, text)
			}
			if words := langcheck.English(text); len(words) > 0 {
				t.Errorf("digikomp %q printed English %q in Swedish mode:\n%s", args, words, text)
			}
			if m := stackTraceIn(out); m != "" {
				t.Errorf("digikomp %q printed %q", args, m)
			}
		})
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// terminalCodes are escape sequences and the pty's carriage returns.
var terminalCodes = regexp.MustCompile(`\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78MDEc]|\r`)

// systemDetail is the muted line under a failure that quotes the
// operating system's own words, which may be English.
var systemDetail = regexp.MustCompile(`(?m)^\s*Detaljer: .*$`)

// swedishText is what a person reads of out: without terminal codes, the
// system's detail lines, and with the test's own temporary folders, whose
// names hold the test's name, written as DIR.
func swedishText(out, dir string) string {
	out = terminalCodes.ReplaceAllString(out, "")
	return strings.ReplaceAll(systemDetail.ReplaceAllString(out, "Detaljer: …"), dir, "DIR")
}

func swedishCases() []swedishCase {
	answered := func(t *testing.T, env *appEnv, _ *[]string) { makeAnswered(t, env.db) }
	write := func(content string) func(t *testing.T, env *appEnv, _ *[]string) {
		return func(t *testing.T, env *appEnv, _ *[]string) {
			if err := os.WriteFile(env.db, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	locked := func(t *testing.T, env *appEnv, _ *[]string) {
		makeAnswered(t, env.db)
		s, err := store.Open(env.db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
	}
	truncated := func(t *testing.T, env *appEnv, _ *[]string) {
		makeAnswered(t, env.db)
		data, err := os.ReadFile(env.db)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(env.db, data[:len(data)/2], 0o600); err != nil {
			t.Fatal(err)
		}
	}
	questions := func(edit func(builtin string) string) func(t *testing.T, env *appEnv, args *[]string) {
		return func(t *testing.T, env *appEnv, args *[]string) {
			builtin, err := os.ReadFile(filepath.Join("survey", "data", "questionnaire.toml"))
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(env.home, "fragor.toml")
			if err := os.WriteFile(file, []byte(edit(string(builtin))), 0o600); err != nil {
				t.Fatal(err)
			}
			*args = append(*args, "--questions", file)
		}
	}
	backupTo := func(name string, before func(t *testing.T, env *appEnv)) func(t *testing.T, env *appEnv, args *[]string) {
		return func(t *testing.T, env *appEnv, args *[]string) {
			makeAnswered(t, env.db)
			if before != nil {
				before(t, env)
			}
			*args = append(*args, filepath.Join(env.home, name))
		}
	}
	diskFull := func(t *testing.T, env *appEnv, _ *[]string) {
		if err := os.Rename(validDatabase(t), env.db); err != nil {
			t.Fatal(err)
		}
		env.shell = "ulimit -f 0"
	}

	return []swedishCase{
		// Command-line mistakes.
		{name: "okänd-flagga", args: []string{"--bogus"}, codes: []int{exitUsage}, want: "Det finns ingen flagga som heter --bogus"},
		{name: "okänd-kort-flagga", args: []string{"-x"}, codes: []int{exitUsage}, want: "heter -x"},
		{name: "flagga-utan-värde", args: []string{"--lang", "sv", "--db"}, codes: []int{exitUsage}, want: "Flaggan --db behöver ett värde"},
		{name: "fel-värde", args: []string{"--accessible=kanske"}, codes: []int{exitUsage}, want: "”kanske” är inget giltigt värde för --accessible"},
		{name: "trasig-flagga", args: []string{"---x"}, codes: []int{exitUsage}, want: "går inte att läsa som en flagga"},
		{name: "okänt-språk", envLang: "sv", args: []string{"--lang", "xx"}, codes: []int{exitUsage}, want: "Språket ”xx” finns inte"},
		{name: "okänt-argument", args: []string{"foo"}, codes: []int{exitUsage}, want: "vet inte vad ”foo” betyder"},
		{name: "check-argument", args: []string{"check", "foo"}, codes: []int{exitUsage}, want: "vet inte vad ”foo” betyder"},
		{name: "backup-utan-fil", args: []string{"backup"}, codes: []int{exitUsage}, want: "Ange en fil"},
		{name: "backup-okänd-flagga", args: []string{"backup", "--bogus", "kopia.db"}, codes: []int{exitUsage}, want: "heter --bogus"},
		{name: "hjälp", args: []string{"-h"}, codes: []int{exitOK}, want: "Användning:"},
		{name: "ingen-terminal", codes: []int{exitUsage}, want: "behöver ett terminalfönster"},
		{name: "ingen-hemmapp", args: []string{"check"}, setup: func(t *testing.T, env *appEnv, _ *[]string) {
			env.extra = append(env.extra, "HOME=", "XDG_DATA_HOME=", "DIGIKOMP_DB=")
		}, codes: []int{exitError}, want: "hittar ingen mapp"},

		// digikomp check.
		{name: "check-ingen-databas", args: []string{"check"}, codes: []int{exitRefused}, want: "finns inte"},
		{name: "check-hel", args: []string{"check"}, setup: answered, codes: []int{exitOK}, want: "Inga fel hittades"},
		{name: "check-låst", args: []string{"check"}, setup: locked, codes: []int{exitLocked}, want: "redan öppet"},
		{name: "check-tom", args: []string{"check"}, setup: write(""), codes: []int{exitRefused}, want: "är tom"},
		{name: "check-främmande", args: []string{"check"}, setup: write(strings.Repeat("Inte en databas.\n", 600)), codes: []int{exitRefused}, want: "inte en digikomp-databas"},
		{name: "check-avkortad", args: []string{"check"}, setup: truncated, codes: []int{exitDamaged, exitRefused}, want: "skadad"},

		// digikomp backup.
		{name: "backup-finns", args: []string{"backup"}, setup: backupTo("kopia.db", func(t *testing.T, env *appEnv) {
			if err := os.WriteFile(filepath.Join(env.home, "kopia.db"), []byte("behåll"), 0o600); err != nil {
				t.Fatal(err)
			}
		}), codes: []int{exitUsage}, want: "finns redan"},
		{name: "backup-på-databasen", args: []string{"backup", "--force"}, setup: func(t *testing.T, env *appEnv, args *[]string) {
			makeAnswered(t, env.db)
			*args = append(*args, env.db)
		}, codes: []int{exitUsage}, want: "själva databasen"},
		{name: "backup-avkortad", args: []string{"backup"}, setup: func(t *testing.T, env *appEnv, args *[]string) {
			truncated(t, env, args)
			*args = append(*args, filepath.Join(env.home, "kopia.db"))
		}, codes: []int{exitDamaged, exitRefused}, want: "skadad"},
		{name: "backup-mapp-saknas", args: []string{"backup"}, setup: backupTo(filepath.Join("saknas", "kopia.db"), nil),
			codes: []int{exitError}, want: "Säkerhetskopian"},
		{name: "backup-på-pipe", args: []string{"backup", "--force"}, setup: backupTo("pipe", func(t *testing.T, env *appEnv) {
			if err := syscall.Mkfifo(filepath.Join(env.home, "pipe"), 0o600); err != nil {
				t.Fatal(err)
			}
		}), codes: []int{exitUsage}, want: "ingen vanlig fil"},
		{name: "db-tom", args: []string{"--db="}, codes: []int{exitUsage}, want: "--db behöver en sökväg"},
		{name: "hjälp-utan-hemmapp", args: []string{"--help"}, setup: func(t *testing.T, env *appEnv, _ *[]string) {
			env.extra = append(env.extra, "HOME=", "XDG_DATA_HOME=", "DIGIKOMP_DB=")
		}, codes: []int{exitOK}, want: "hemmappen är okänd: ange --db"},

		// The app.
		{name: "app-tom-fil", app: true, setup: write(""), codes: []int{exitRefused}, want: "är tom"},
		{name: "app-låst", app: true, setup: locked, codes: []int{exitLocked}, want: "redan öppet"},
		{name: "app-andra-frågor", app: true, setup: func(t *testing.T, env *appEnv, args *[]string) {
			makeAnswered(t, env.db)
			questions(func(s string) string { return strings.Replace(s, `id = "digikomp"`, `id = "regional"`, 1) })(t, env, args)
		}, codes: []int{exitQuestion}, want: "andra frågor"},
		{name: "app-frågefil-saknas", app: true, args: []string{"--questions", "saknas.toml"}, codes: []int{exitQuestion}, want: "saknas.toml"},
		{name: "app-frågefil-syntax", app: true, setup: questions(func(string) string { return "id = \"x\"\nversion = [\n" }),
			codes: []int{exitQuestion}, want: "Rad 2, tecken 12"},
		{name: "app-frågefil-ogiltig", app: true, setup: questions(func(s string) string { return strings.Replace(s, "max = 7", "max = 0", 1) }),
			codes: []int{exitQuestion}, want: "Skalan: max (0)"},
		{name: "app-mapp-är-fil", app: true, setup: func(t *testing.T, env *appEnv, _ *[]string) {
			blocker := filepath.Join(env.home, "fil")
			if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			env.db = filepath.Join(blocker, "svar.db")
		}, codes: []int{exitError}, want: "Kunde inte öppna"},
		{name: "app-disken-full-vid-start", app: true, setup: func(t *testing.T, env *appEnv, _ *[]string) {
			env.db = filepath.Join(env.home, "ny", "svar.db")
			env.shell = "ulimit -f 0"
		}, codes: []int{exitError}, want: "Disken är full"},
		{name: "app-disken-full", app: true, setup: diskFull, drive: func(a *app) {
			a.waitFor("Gör testet")
			a.send("\r")
			a.waitFor("Disken är full")
			a.send("q")
		}, codes: []int{exitOK}, want: "Kunde inte spara"},
		{name: "tillgänglig-disken-full", app: true, args: []string{"--accessible"}, setup: diskFull, drive: func(a *app) {
			a.waitOutput(fmt.Sprintf("Skriv en siffra från 1 till %d:", freshMenu), 1)
			a.line("1")
		}, codes: []int{exitError}, want: "Disken är full"},

		// The accessible mode's answers to mistakes.
		{name: "tillgänglig", app: true, args: []string{"--accessible"}, drive: func(a *app) {
			a.waitOutput(fmt.Sprintf("Skriv en siffra från 1 till %d:", freshMenu), 1)
			a.line("")
			a.waitOutput(fmt.Sprintf("Skriv en siffra från 1 till %d.", freshMenu), 1)
			a.line("1")
			a.waitOutput("Skriv 1 eller 2:", 1)
			a.line("9")
			a.waitOutput("Skriv 1 eller 2.", 1)
			a.line("2")
			a.waitOutput("Påstående 1 av 24", 1)
			a.line("x")
			a.waitOutput("Skriv en siffra från 1 till 7, eller s, t eller p.", 1)
			a.line("s")
			a.waitOutput("Du hoppade över påståendet.", 1)
			a.line("p")
		}, codes: []int{exitOK}, want: "Pausat."},
	}
}
