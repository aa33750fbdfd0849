// Command digikomp is a terminal self-assessment of digital competence for
// public-library staff: 24 statements on a seven-point scale in the five
// DigComp areas, with optional background and network discussion
// questions, every answer kept the moment it is given.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/term"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// Exit codes, documented in the README.
const (
	exitOK       = 0
	exitError    = 1 // an unexpected failure while running
	exitUsage    = 2 // bad flags, or no terminal to run in
	exitLocked   = 3 // the database is open in another window
	exitRefused  = 4 // the database file is damaged, foreign, empty or newer
	exitQuestion = 5 // the questionnaire could not be loaded
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it the module version or VCS revision from the build info is shown.
var version = ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the parsed flags and environment.
type options struct {
	db         string
	lang       survey.Lang
	accessible bool
	version    bool
}

func run(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	opts, code, done := parseFlags(args, stdout, stderr)
	if done {
		return code
	}
	cat := ui.Messages(opts.lang)
	// A dumb terminal cannot draw screens; huh makes the same choice.
	if os.Getenv("TERM") == "dumb" {
		opts.accessible = true
	}
	if opts.version {
		fmt.Fprintln(stdout, "digikomp", buildVersion())
		return exitOK
	}

	// Nothing is opened or created until we know there is a person at a
	// terminal to answer.
	if !term.IsTerminal(int(stdin.Fd())) || (!opts.accessible && !isTerminal(stdout)) {
		fmt.Fprintln(stderr, cat.ErrNotTerminal)
		return exitUsage
	}

	q, err := survey.Load()
	if err != nil {
		fmt.Fprintf(stderr, cat.ErrQuestions+"\n", err)
		return exitQuestion
	}

	st, err := store.Open(opts.db, store.Options{})
	if err != nil {
		fmt.Fprintln(stderr, openError(cat, opts.db, err))
		return openExitCode(err)
	}
	defer st.Close()

	cfg := ui.Config{Store: st, Questionnaire: q, Lang: opts.lang, Profile: store.LocalProfile, DBPath: opts.db}
	var paused bool
	if opts.accessible {
		paused, err = ui.RunAccessible(cfg, stdin, stdout)
	} else {
		var final tea.Model
		final, err = tea.NewProgram(ui.New(cfg), tea.WithAltScreen(), tea.WithInput(stdin), tea.WithOutput(stdout)).Run()
		if m, ok := final.(ui.Model); ok {
			paused = m.Paused
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if paused {
		fmt.Fprintf(stdout, cat.Paused+"\n", opts.db)
	}
	return exitOK
}

// parseFlags reads flags, falling back to DIGIKOMP_DB and DIGIKOMP_LANG.
// It returns done when the program should stop with code (help, errors).
func parseFlags(args []string, stdout, stderr io.Writer) (options, int, bool) {
	lang := survey.Swedish
	if l, err := survey.ParseLang(os.Getenv("DIGIKOMP_LANG")); err == nil {
		lang = l
	}
	defaultDB, dbErr := store.DefaultPath()
	if env := os.Getenv("DIGIKOMP_DB"); env != "" {
		defaultDB, dbErr = env, nil
	}

	fs := flag.NewFlagSet("digikomp", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var o options
	langFlag := fs.String("lang", string(lang), "")
	fs.StringVar(&o.db, "db", defaultDB, "")
	fs.BoolVar(&o.accessible, "accessible", false, "")
	fs.BoolVar(&o.version, "version", false, "")
	help := fs.Bool("help", false, "")
	fs.BoolVar(help, "h", false, "")
	err := fs.Parse(args)

	if l, lerr := survey.ParseLang(*langFlag); lerr == nil {
		lang = l
	} else if err == nil {
		err = lerr
	}
	o.lang = lang
	cat := ui.Messages(lang)
	switch {
	case errors.Is(err, flag.ErrHelp) || *help:
		fmt.Fprintf(stdout, cat.Usage, "digikomp", defaultDB)
		return o, exitOK, true
	case err != nil:
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", err)
		return o, exitUsage, true
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Errorf("unexpected argument %q", fs.Arg(0)))
		return o, exitUsage, true
	case o.db == "" && dbErr != nil:
		fmt.Fprintf(stderr, cat.ErrOpen+"\n", "?", dbErr)
		return o, exitError, true
	}
	if abs, err := filepath.Abs(o.db); err == nil {
		o.db = abs
	}
	return o, exitOK, false
}

// openError turns a store error into a sentence for the person.
func openError(cat *ui.Catalog, path string, err error) string {
	switch {
	case errors.Is(err, store.ErrLocked):
		return fmt.Sprintf(cat.ErrLocked, path)
	case errors.Is(err, store.ErrForeign):
		return fmt.Sprintf(cat.ErrForeign, path)
	case errors.Is(err, store.ErrCorrupt):
		return fmt.Sprintf(cat.ErrCorrupt, path)
	case errors.Is(err, store.ErrEmpty):
		return fmt.Sprintf(cat.ErrEmpty, path)
	case errors.Is(err, store.ErrNewerSchema):
		return fmt.Sprintf(cat.ErrNewerSchema, path)
	}
	return fmt.Sprintf(cat.ErrOpen, path, err)
}

func openExitCode(err error) int {
	switch {
	case errors.Is(err, store.ErrLocked):
		return exitLocked
	case errors.Is(err, store.ErrForeign), errors.Is(err, store.ErrCorrupt),
		errors.Is(err, store.ErrEmpty), errors.Is(err, store.ErrNewerSchema):
		return exitRefused
	}
	return exitError
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}
