package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// historyFormat is the version of the JSON document history --json
// writes; it changes only when a field changes meaning or goes away.
const historyFormat = 1

// runHistory is `digikomp history [--profile NAME] [--json]`: a
// profile's finished attempts, oldest first, each scored against the
// questionnaire it was taken with.
func runHistory(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	flags, common := newFlagSet()
	profile := flags.String("profile", os.Getenv(profileEnv), "")
	asJSON := flags.Bool("json", false, "")
	rest, code, done := common.parse(flags, args, stdout, stderr)
	if done {
		return code
	}
	cat := ui.Messages(common.lang)
	if len(rest) > 0 {
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.ErrUnexpectedArg, survey.Visible(rest[0])))
		return exitUsage
	}
	loaded, err := survey.Load()
	if err != nil {
		fmt.Fprintln(stderr, unexpected(cat, err))
		return exitError
	}
	path := common.db
	st, code := openForCommand(cat, path, false, true, stderr)
	if code != exitOK {
		return code
	}
	defer st.Close()
	p, code := findProfile(st, *profile, cat, path, stderr)
	if code != exitOK {
		return code
	}
	if code := unlock(st, p, newPrompter(stdin, stderr), cat, path, stderr, time.Now); code != exitOK {
		return code
	}
	finished, err := st.History(p.ID)
	if err != nil {
		fmt.Fprintln(stderr, storeError(cat, path, err))
		return storeExitCode(err)
	}
	rows, err := scoreAttempts(finished, definitions(st, loaded))
	if err != nil {
		fmt.Fprintln(stderr, storeError(cat, path, err))
		return storeExitCode(err)
	}
	if *asJSON {
		return writeJSON(stdout, historyDocument(p, rows, common.lang), cat, stderr)
	}
	writeHistory(stdout, cat, common.lang, profileName(cat, p), rows)
	return exitOK
}

// definitionFunc finds the questionnaire an attempt was taken with.
type definitionFunc func(id string, version int) (*survey.Questionnaire, bool, error)

// definitionStore is the part of the store that keeps questionnaires.
type definitionStore interface {
	Definition(questionnaireID string, version int) (*survey.Questionnaire, bool, error)
}

// definitions looks a questionnaire up in the file, falling back to the
// loaded one when its id and version match (a file that has not recorded
// the built-in questions yet).
func definitions(st definitionStore, loaded *survey.Questionnaire) definitionFunc {
	cache := map[string]*survey.Questionnaire{}
	return func(id string, version int) (*survey.Questionnaire, bool, error) {
		key := id + "\x00" + strconv.Itoa(version)
		if q, ok := cache[key]; ok {
			return q, q != nil, nil
		}
		q, ok, err := st.Definition(id, version)
		if err != nil {
			return nil, false, err
		}
		if !ok && loaded != nil && loaded.ID == id && loaded.Version == version {
			q, ok = loaded, true
		}
		if !ok {
			q = nil
		}
		cache[key] = q
		return q, ok, nil
	}
}

// scoredAttempt is one finished attempt with its result. Q is nil when
// the file does not hold the questionnaire it was taken with; then
// nothing is scored.
type scoredAttempt struct {
	Attempt store.Attempt
	Q       *survey.Questionnaire
	Result  survey.Result
	// Change is the overall mean's change from the attempt before, in
	// tenths, on the statements both share; HasChange is false for the
	// first attempt or when either could not be scored.
	Change    int
	HasChange bool
}

// scoreAttempts scores finished attempts (oldest first) each against its
// own questionnaire, and the change of each from the one before.
func scoreAttempts(list []store.Attempt, def definitionFunc) ([]scoredAttempt, error) {
	rows := make([]scoredAttempt, 0, len(list))
	var prev *scoredAttempt
	for _, a := range list {
		q, ok, err := def(a.QuestionnaireID, a.QuestionnaireVersion)
		if err != nil {
			return nil, err
		}
		r := scoredAttempt{Attempt: a}
		if ok {
			r.Q = q
			r.Result = survey.Score(q, a.Scores())
			if prev != nil && prev.Q != nil {
				c := survey.Compare(survey.Taken{Q: prev.Q, Ratings: prev.Attempt.Scores()}, survey.Taken{Q: q, Ratings: a.Scores()})
				if c.Overall.Known() {
					r.Change, r.HasChange = c.Overall.Tenths(), true
				}
			}
		}
		rows = append(rows, r)
		prev = &rows[len(rows)-1]
	}
	return rows, nil
}

// historyAreas are the areas shown as columns: every area of the
// questionnaires used, in the order first met (newest questionnaire
// first), each with the number and name that questionnaire gives it.
func historyAreas(rows []scoredAttempt) []survey.Area {
	var areas []survey.Area
	seen := map[string]bool{}
	for i := len(rows) - 1; i >= 0; i-- {
		if rows[i].Q == nil {
			continue
		}
		for _, a := range rows[i].Q.Areas {
			if !seen[a.ID] {
				seen[a.ID] = true
				areas = append(areas, a)
			}
		}
	}
	return areas
}

// writeHistory writes the history as a table in the person's language:
// date, questionnaire version, overall mean, change, and a column per
// area, with the areas named under it.
func writeHistory(w io.Writer, cat *ui.Catalog, lang survey.Lang, name string, rows []scoredAttempt) {
	if len(rows) == 0 {
		fmt.Fprintf(w, cat.Cmd.HistoryNone+"\n", name)
		return
	}
	fmt.Fprintf(w, cat.Cmd.HistoryTitle+"\n\n", name)
	areas := historyAreas(rows)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{cat.Cmd.HistoryDate, cat.Cmd.HistoryVersion, cat.Cmd.HistoryMean, cat.Cmd.HistoryChange}
	for _, a := range areas {
		head = append(head, strconv.Itoa(a.Number))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	var unscored []string
	for _, r := range rows {
		a := r.Attempt
		cells := []string{a.Finished.Local().Format(time.DateOnly), strconv.Itoa(a.QuestionnaireVersion)}
		none := cat.Cmd.HistoryNoValue
		switch {
		case r.Q == nil:
			cells = append(cells, none, none)
			unscored = append(unscored, fmt.Sprintf(cat.Cmd.HistoryUnscored, survey.Visible(a.QuestionnaireID), a.QuestionnaireVersion))
		case r.Result.Answered == 0:
			cells = append(cells, none, none)
		case r.HasChange:
			cells = append(cells, formatTenths(lang, r.Result.MeanTenths()), formatChange(lang, r.Change))
		default:
			cells = append(cells, formatTenths(lang, r.Result.MeanTenths()), none)
		}
		for _, area := range areas {
			cells = append(cells, areaCell(r, area.ID, lang, none))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	_ = tw.Flush()
	if len(areas) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, cat.Cmd.HistoryAreas)
		for _, a := range areas {
			fmt.Fprintf(w, "  %d  %s\n", a.Number, survey.CleanLine(a.Name.In(lang)))
		}
	}
	for _, s := range unscored {
		fmt.Fprintln(w, s)
	}
}

// areaCell is an attempt's mean in one area, or none when it has no
// rating there (or that area is not in its questionnaire).
func areaCell(r scoredAttempt, areaID string, lang survey.Lang, none string) string {
	for _, s := range r.Result.Areas {
		if s.AreaID == areaID && s.Answered > 0 {
			return formatTenths(lang, s.MeanTenths())
		}
	}
	return none
}

// formatTenths writes a number given in tenths with one decimal, with a
// decimal comma in Swedish and a true minus sign: 42 is "4,2".
func formatTenths(lang survey.Lang, tenths int) string {
	sign := ""
	if tenths < 0 {
		sign, tenths = "−", -tenths
	}
	point := "."
	if lang == survey.Swedish {
		point = ","
	}
	return sign + strconv.Itoa(tenths/10) + point + strconv.Itoa(tenths%10)
}

// formatChange writes a change in tenths with its sign: "+0,8", "−0,3",
// "±0,0".
func formatChange(lang survey.Lang, tenths int) string {
	switch {
	case tenths > 0:
		return "+" + formatTenths(lang, tenths)
	case tenths == 0:
		return "±" + formatTenths(lang, 0)
	}
	return formatTenths(lang, tenths)
}

// historyDoc is the JSON document of history --json. Means are numbers
// (the exact mean; sum and answered give it as a fraction), dates RFC
// 3339 in UTC.
type historyDoc struct {
	Format   int            `json:"format"`
	Profile  docProfile     `json:"profile"`
	Attempts []historyEntry `json:"attempts"`
}

type docProfile struct {
	Name      string `json:"name"` // "" for the default profile
	Default   bool   `json:"default"`
	Created   string `json:"created,omitempty"`
	Protected bool   `json:"protected"`
}

type docQuestionnaire struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

type historyEntry struct {
	ID            string           `json:"id"`
	Questionnaire docQuestionnaire `json:"questionnaire"`
	Started       string           `json:"started"`
	Finished      string           `json:"finished"`
	// Scored is false when the file does not hold the questionnaire the
	// attempt was taken with; then no mean is given.
	Scored   bool          `json:"scored"`
	Mean     *float64      `json:"mean"` // null when nothing was rated
	Sum      int           `json:"sum"`
	Answered int           `json:"answered"`
	Skipped  int           `json:"skipped"`
	Change   *float64      `json:"change"` // from the attempt before, on the statements both share, rounded to tenths; null for the first
	Areas    []historyArea `json:"areas"`
}

type historyArea struct {
	ID       string   `json:"id"`
	Number   int      `json:"number"`
	Name     string   `json:"name"`
	Mean     *float64 `json:"mean"`
	Sum      int      `json:"sum"`
	Answered int      `json:"answered"`
}

func docProfileOf(p store.Profile) docProfile {
	d := docProfile{Name: p.Name, Default: p.ID == store.LocalProfile, Protected: p.Protected}
	if !p.Created.IsZero() {
		d.Created = rfc3339(p.Created)
	}
	return d
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// mean is sum/n as a number, or nil (null) when n is 0.
func mean(sum, n int) *float64 {
	if n == 0 {
		return nil
	}
	m := float64(sum) / float64(n)
	return &m
}

func historyDocument(p store.Profile, rows []scoredAttempt, lang survey.Lang) historyDoc {
	doc := historyDoc{Format: historyFormat, Profile: docProfileOf(p), Attempts: []historyEntry{}}
	for _, r := range rows {
		a := r.Attempt
		e := historyEntry{
			ID:            a.ID.String(),
			Questionnaire: docQuestionnaire{ID: a.QuestionnaireID, Version: a.QuestionnaireVersion},
			Started:       rfc3339(a.Started),
			Finished:      rfc3339(a.Finished),
			Scored:        r.Q != nil,
			Areas:         []historyArea{},
		}
		if r.Q != nil {
			e.Mean, e.Sum, e.Answered, e.Skipped = mean(r.Result.Sum, r.Result.Answered), r.Result.Sum, r.Result.Answered, r.Result.Skipped
			for i, s := range r.Result.Areas {
				area := r.Q.Areas[i]
				e.Areas = append(e.Areas, historyArea{ID: s.AreaID, Number: area.Number, Name: area.Name.In(lang), Mean: mean(s.Sum, s.Answered), Sum: s.Sum, Answered: s.Answered})
			}
		}
		if r.HasChange {
			c := float64(r.Change) / 10
			e.Change = &c
		}
		doc.Attempts = append(doc.Attempts, e)
	}
	return doc
}

// writeJSON writes v indented, ending in a line feed. JSON escapes the
// C0 controls itself; DEL, the C1 controls and the bidirectional
// overrides, which a terminal could act on, are escaped too (see
// escapeUnsafe), so the document is the same data and safe to show.
func writeJSON(w io.Writer, v any, cat *ui.Catalog, stderr io.Writer) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err == nil {
		_, err = w.Write(append(escapeUnsafe(b), '\n'))
	}
	if err != nil {
		fmt.Fprintln(stderr, unexpected(cat, err))
		return exitError
	}
	return exitOK
}

// escapeUnsafe writes the characters that survey.CleanText removes and
// JSON leaves as they are as \u escapes. Outside strings JSON holds only
// ASCII, so only string contents change, and only in their spelling.
func escapeUnsafe(b []byte) []byte {
	s := string(b)
	if !strings.ContainsFunc(s, unsafeRune) {
		return b
	}
	var out strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&out, "\\u%04x", r)
			continue
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}

func unsafeRune(r rune) bool {
	return (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
