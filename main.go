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
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/term"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
	"digikomp/ui/termbg"
)

// Exit codes, documented in the README.
const (
	exitOK       = 0
	exitError    = 1 // an unexpected failure while running
	exitUsage    = 2 // bad flags, or no terminal to run in
	exitLocked   = 3 // the database is open in another window
	exitRefused  = 4 // the database file is damaged, foreign, empty or newer
	exitQuestion = 5 // the questionnaire could not be loaded
	exitDamaged  = 6 // check or backup found the database damaged
	// exitNoProfile: --profile, DIGIKOMP_PROFILE or a command named a
	// profile the database does not have.
	exitNoProfile = 7
	// exitPIN: a protected profile's PIN was wrong, not given, or asked
	// again before the wait after wrong tries had passed.
	exitPIN = 8
	// exitImport: import refused a file whole or rejected records of it.
	exitImport = 9
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
	questions  string // a questionnaire file replacing the built-in one
	profile    string // the name of the profile to start as; "" for the default
	workshop   bool   // "digikomp workshop": workshop mode (ui/workshop.go)
	clearAfter time.Duration
}

func run(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	if os.Getenv(childEnv) == childVerify {
		return runVerifyChild(args, stdout)
	}
	workshop := false
	if cmd, rest := command(args); cmd != "" {
		switch cmd {
		case "workshop":
			args, workshop = rest, true
		case "check":
			return runCheck(rest, stdout, stderr)
		case "backup":
			return runBackup(rest, stdout, stderr)
		case "profile":
			return runProfile(rest, stdin, stdout, stderr)
		case "history":
			return runHistory(rest, stdin, stdout, stderr)
		case "export":
			return runExport(rest, stdin, stdout, stderr)
		case "import":
			return runImport(rest, stdout, stderr)
		case "report":
			return runReport(rest, stdout, stderr)
		}
	}
	opts, code, done := parseFlags(args, stdout, stderr)
	if done {
		return code
	}
	opts.workshop = workshop
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

	q, err := readQuestionnaire(opts.questions)
	if err != nil {
		fmt.Fprintln(stderr, cat.QuestionsError(opts.questions, err))
		return exitQuestion
	}
	if code := checkOwnQuestions(q, opts.questions, cat, stderr); code != exitOK {
		return code
	}

	st, err := store.Open(opts.db, store.Options{})
	var readOnly error
	if err != nil {
		st, readOnly, err = openReadOnly(opts.db, err)
	}
	if err != nil {
		fmt.Fprintln(stderr, openError(cat, opts.db, err))
		return openExitCode(err)
	}
	defer st.Close()
	if code := checkRecordedShape(st, q, cat, opts.db, stderr); code != exitOK {
		return code
	}
	profile := store.LocalProfile
	if opts.profile != "" {
		// A protected profile's PIN is asked by the interface, before
		// anything of the profile is shown.
		p, code := findProfile(st, opts.profile, cat, opts.db, stderr)
		if code != exitOK {
			return code
		}
		profile = p.ID
	}
	if code := checkResumable(st, q, profile, cat, opts.db, stderr); code != exitOK {
		return code
	}

	// Without --profile the interface decides who takes the test ("Vem
	// är du?" once the file holds more than one person; ui/profiles.go).
	given := ""
	if opts.profile != "" {
		given = profile
	}
	cfg := ui.Config{Store: st, Questionnaire: q, Lang: opts.lang, Profile: given, DBPath: opts.db, ReadOnly: readOnly}
	if opts.workshop {
		cfg.Workshop = ui.WorkshopConfig{On: true, ClearAfter: opts.clearAfter, Out: stdout}
	}
	var paused bool
	var unsaved error
	if opts.accessible {
		go exitOnSignal(lineSignals(opts.workshop), st, fmt.Sprintf(cat.Paused, opts.db), stdout)
		paused, err = ui.RunAccessible(cfg, stdin, stdout)
	} else {
		// Caught before the terminal is touched, so that a signal
		// from here on pauses as q does (signals.go).
		sigs := catchEndSignals()
		if out, ok := stdout.(*os.File); ok {
			termbg.Detect(stdin, out)
		}
		p := tea.NewProgram(ui.New(cfg), tea.WithAltScreen(), tea.WithInput(stdin), tea.WithOutput(stdout), tea.WithoutSignalHandler())
		stop := pauseOnSignals(p, sigs)
		var final tea.Model
		final, err = p.Run()
		stop()
		if m, ok := final.(ui.Model); ok {
			paused, unsaved = m.Paused, m.Unsaved
			if err == nil {
				err = m.Fatal
			}
		}
	}
	if err == nil && unsaved != nil {
		// Pausing could not keep the answer being written: say so, never
		// "everything kept".
		err = unsaved
		if !errors.Is(err, store.ErrCorrupt) {
			fmt.Fprintln(stderr, ui.WithDetail(cat.Failure(cat.DraftNotSaved, err)))
			return exitError
		}
	}
	switch {
	case errors.Is(err, store.ErrCorrupt):
		// Damage met while reading: the same code as damage met at
		// opening, and nothing more is written to the file; the sentence
		// only says the file is unchanged if this run wrote nothing.
		if st.Wrote() {
			fmt.Fprintf(stderr, cat.ErrCorruptWritten+"\n", opts.db)
		} else {
			fmt.Fprintln(stderr, openError(cat, opts.db, err))
		}
		return exitRefused
	case err != nil && store.KindOf(err) != store.KindOther:
		// A save the line-by-line runner could not make.
		fmt.Fprintln(stderr, ui.WithDetail(cat.SaveFailure(err)))
		return exitError
	case err != nil:
		fmt.Fprintln(stderr, unexpected(cat, err))
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
	var o options
	flags, common := newFlagSet()
	flags.BoolVar(&o.accessible, "accessible", false, "")
	flags.BoolVar(&o.version, "version", false, "")
	flags.StringVar(&o.questions, "questions", "", "")
	flags.StringVar(&o.profile, "profile", os.Getenv(profileEnv), "")
	flags.DurationVar(&o.clearAfter, "clear-after", 0, "")
	rest, code, done := common.parse(flags, args, stdout, stderr)
	o.db, o.lang = common.db, common.lang
	if !done && len(rest) > 0 {
		cat := ui.Messages(o.lang)
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.ErrUnexpectedArg, rest[0]))
		return o, exitUsage, true
	}
	return o, code, done
}

// commonFlags are the flags of the app and of every command, with their
// fallbacks DIGIKOMP_DB and DIGIKOMP_LANG.
type commonFlags struct {
	db        string
	lang      survey.Lang
	langFlag  *string
	defaultDB string
	dbErr     error
	help      *bool
}

// newFlagSet returns a flag set with --db, --lang and --help defined.
// Its own error output is discarded: messages come from the catalogue.
func newFlagSet() (*flag.FlagSet, *commonFlags) {
	c := &commonFlags{lang: survey.Swedish}
	if l, err := survey.ParseLang(os.Getenv("DIGIKOMP_LANG")); err == nil {
		c.lang = l
	}
	c.defaultDB, c.dbErr = store.DefaultPath()
	if env := os.Getenv("DIGIKOMP_DB"); env != "" {
		c.defaultDB, c.dbErr = env, nil
	}
	fs := flag.NewFlagSet("digikomp", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.langFlag = fs.String("lang", string(c.lang), "")
	fs.StringVar(&c.db, "db", c.defaultDB, "")
	c.help = fs.Bool("help", false, "")
	fs.BoolVar(c.help, "h", false, "")
	return fs, c
}

// parse parses args, allowing flags after positional arguments
// ("backup FILE --force"), and returns the positional ones. It returns
// done when the program should stop with code (help, errors).
func (c *commonFlags) parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) ([]string, int, bool) {
	if s, ok := langFromArgs(args); ok {
		if l, err := survey.ParseLang(s); err == nil {
			c.lang = l
		}
	}
	var rest []string
	err := fs.Parse(args)
	for err == nil && fs.NArg() > 0 {
		rest = append(rest, fs.Arg(0))
		err = fs.Parse(fs.Args()[1:])
	}
	l, langErr := survey.ParseLang(*c.langFlag)
	if err == nil && langErr == nil {
		c.lang = l
	}
	cat := ui.Messages(c.lang)
	switch {
	case errors.Is(err, flag.ErrHelp) || *c.help:
		def := c.defaultDB
		if c.dbErr != nil {
			def = cat.UsageNoDefault
		}
		fmt.Fprintf(stdout, cat.Usage, "digikomp", def)
		return rest, exitOK, true
	case err != nil:
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", flagMessage(cat, err))
		return rest, exitUsage, true
	case langErr != nil:
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.ErrUnknownLang, *c.langFlag))
		return rest, exitUsage, true
	case c.db == "" && flagSet(fs, "db"):
		// filepath.Abs would make "--db=" the current folder.
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", cat.ErrEmptyDB)
		return rest, exitUsage, true
	case c.db == "" && c.dbErr != nil:
		// No home folder to derive the default from: store.DefaultPath's
		// reason is in English and names variables a person need not know.
		fmt.Fprintln(stderr, cat.ErrNoDataDir)
		return rest, exitError, true
	}
	if abs, err := filepath.Abs(c.db); err == nil {
		c.db = abs
	}
	return rest, exitOK, false
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// command finds a command word among args, wherever the flags are
// ("digikomp --lang en check"), and returns it with the other args.
func command(args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return "", args
		case valueFlag(a):
			i++ // the flag's value
		case strings.HasPrefix(a, "-"):
		case a == "check" || a == "backup" || a == "profile" || a == "history" || a == "export" || a == "import" || a == "report" || a == "workshop":
			return a, append(slices.Clone(args[:i]), args[i+1:]...)
		default:
			return "", args
		}
	}
	return "", args
}

// valueFlag reports whether a is a flag whose value follows as the next
// argument: --db PATH, not --db=PATH.
func valueFlag(a string) bool {
	switch strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-") {
	case "db", "lang", "questions", "profile", "format", "out", "workshop", "round", "compare", "clear-after":
		return a != strings.TrimLeft(a, "-") && !strings.HasPrefix(a, "---")
	}
	return false
}

// checkResumable refuses to go on when the unfinished attempt belongs to
// other questions: resuming it with these would show its answers against
// the wrong statements. An attempt naming questions this file never
// recorded is damage, not another questionnaire.
func checkResumable(st *store.Store, q *survey.Questionnaire, profile string, cat *ui.Catalog, path string, stderr io.Writer) int {
	a, ok, err := st.Unfinished(profile)
	if err != nil || !ok || (a.QuestionnaireID == q.ID && a.QuestionnaireVersion == q.Version) {
		return exitOK // read errors are the interface's to show
	}
	recorded, err := st.HasQuestionnaire(a.QuestionnaireID, a.QuestionnaireVersion)
	if err == nil && !recorded {
		err = store.ErrCorrupt
	}
	if err == nil {
		// A flipped bit in the recorded questionnaire id still names a
		// recorded shape, but no longer the definition stored beside it:
		// that is damage (exit 4), not someone else's questions (exit 5).
		_, _, err = st.Definition(a.QuestionnaireID, a.QuestionnaireVersion)
	}
	if err != nil {
		// Only damage is damage: another failure to read is said as such.
		fmt.Fprintln(stderr, openError(cat, path, err))
		return openExitCode(err)
	}
	// The id comes from the file, which may have been written elsewhere.
	fmt.Fprintf(stderr, cat.ErrOtherQuestions+"\n", survey.Visible(a.QuestionnaireID), a.QuestionnaireVersion)
	return exitQuestion
}

// checkOwnQuestions refuses a questions file that claims the built-in
// questionnaire's id and version with other statements or another scale.
// Its answers would be recorded as the built-in questions' version, and
// the file could then not tell them from damage (store.notBuiltin).
func checkOwnQuestions(q *survey.Questionnaire, path string, cat *ui.Catalog, stderr io.Writer) int {
	if path == "" {
		return exitOK
	}
	builtin, err := survey.Load()
	if err != nil || q.ID != builtin.ID || q.Version != builtin.Version || store.SameShape(q, builtin) {
		return exitOK
	}
	fmt.Fprintf(stderr, cat.ErrQuestionsOwnID+"\n", survey.Visible(path), survey.Visible(q.ID), q.Version)
	return exitQuestion
}

// checkRecordedShape refuses questions whose id and version the file
// already holds with other statements or another scale: their answers
// would be read against the wrong statements.
func checkRecordedShape(st *store.Store, q *survey.Questionnaire, cat *ui.Catalog, path string, stderr io.Writer) int {
	switch err := st.CheckQuestionnaire(q); {
	case err == nil:
		return exitOK
	case errors.Is(err, store.ErrQuestionnaireChanged):
		fmt.Fprintf(stderr, cat.ErrQuestionsChanged+"\n", path, survey.Visible(q.ID), q.Version)
		return exitQuestion
	default:
		fmt.Fprintln(stderr, openError(cat, path, err))
		return openExitCode(err)
	}
}

// readQuestionnaire returns the built-in questionnaire, or the one in
// path, parsed strictly and validated. It reads no more than one byte past
// the size a questions file may have, so a huge file or a device that never
// ends is refused as too large.
func readQuestionnaire(path string) (*survey.Questionnaire, error) {
	if path == "" {
		return survey.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, survey.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	return survey.Parse(data)
}

// openReadOnly opens for reading a database that exists but could not be
// opened for writing (a read-only disk, another user's file), so that the
// person can still see what it holds. It returns the store and why it is
// read-only, or the error to report: the first one, unless reading was
// refused for a reason of its own (another window has it open).
func openReadOnly(path string, err error) (*store.Store, error, error) {
	if k := store.KindOf(err); errors.Is(err, store.ErrCorrupt) || (k != store.KindReadOnly && k != store.KindDenied) {
		return nil, nil, err
	}
	st, rerr := store.Open(path, store.Options{ReadOnly: true})
	switch {
	case rerr == nil:
		return st, err, nil
	case errors.Is(rerr, store.ErrLocked):
		return nil, nil, rerr
	}
	return nil, nil, err
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
	// Anything else, with what the person can do about it where there is
	// something, and the system's words on a line of their own.
	sentence := fmt.Sprintf(cat.OpenFailed, path)
	if cause := cat.Cause(store.KindOf(err)); cause != "" {
		sentence += " " + cause
	}
	return ui.WithDetail(sentence+" "+cat.OpenElsewhere, cat.DetailLine(err))
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
