package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// exportFormat is the version of the JSON document export writes.
const exportFormat = 1

// runExport is `digikomp export [--profile NAME] [--format json|csv]
// [--out FILE]`: everything kept about one profile, to standard output or
// to FILE, written whole or not at all.
func runExport(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	flags, common := newFlagSet()
	profile := flags.String("profile", os.Getenv(profileEnv), "")
	format := flags.String("format", "json", "")
	out := flags.String("out", "", "")
	group := groupExportFlags(flags)
	rest, code, done := common.parse(flags, args, stdout, stderr)
	if done {
		return code
	}
	cat := ui.Messages(common.lang)
	if group.asked(flags) {
		return runGroupExport(flags, common, group, rest, *format, *out, stdout, stderr)
	}
	switch {
	case len(rest) > 0:
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.ErrUnexpectedArg, survey.Visible(rest[0])))
		return exitUsage
	case *format != "json" && *format != "csv":
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.Cmd.ErrFormat, survey.Visible(*format)))
		return exitUsage
	case *out == "" && flagSet(flags, "out"):
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", cat.Cmd.ErrOutEmpty)
		return exitUsage
	}
	dst := *out
	if dst != "" {
		if abs, err := filepath.Abs(dst); err == nil {
			dst = abs
		}
	}
	loaded, err := survey.Load()
	if err != nil {
		fmt.Fprintln(stderr, unexpected(cat, err))
		return exitError
	}
	path := common.db
	if dst != "" && samePath(dst, path) {
		fmt.Fprintf(stderr, cat.Cmd.ExportIsDatabase+"\n", dst)
		return exitUsage
	}
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
	doc, err := exportDocument(st, p, definitions(st, loaded), time.Now())
	if err != nil {
		fmt.Fprintln(stderr, storeError(cat, path, err))
		return storeExitCode(err)
	}
	var buf bytes.Buffer
	switch *format {
	case "csv":
		writeCSV(&buf, cat, doc, dst != "" || !isTerminal(stdout))
	default:
		if code := writeJSON(&buf, doc, cat, stderr); code != exitOK {
			return code
		}
	}
	if dst == "" {
		data := buf.Bytes()
		if isTerminal(stdout) {
			data = []byte(survey.CleanText(string(data)))
		}
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintln(stderr, unexpected(cat, err))
			return exitError
		}
		return exitOK
	}
	if code := writeExport(cat, dst, path, buf.Bytes(), stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, cat.Cmd.Exported+"\n", profileName(cat, p), len(doc.Attempts), dst)
	return exitOK
}

// exportStore is what export reads.
type exportStore interface {
	Attempts(profileID string) ([]store.Attempt, error)
	Plan(id store.AttemptID) (store.Plan, bool, error)
}

// exportDoc is everything kept about one profile.
type exportDoc struct {
	Format   int             `json:"format"`
	Exported string          `json:"exported"`
	Profile  docProfile      `json:"profile"`
	Attempts []exportAttempt `json:"attempts"`
	// questionnaires are those the attempts were taken with, for the CSV's
	// column order; nil where the file does not hold one.
	questionnaires []*survey.Questionnaire
}

type exportAttempt struct {
	ID            string           `json:"id"`
	Questionnaire docQuestionnaire `json:"questionnaire"`
	Started       string           `json:"started"`
	Finished      *string          `json:"finished"` // null while unfinished
	// Background holds the chosen option's id, or a municipality's name.
	Background map[string]string `json:"background"`
	// Ratings by statement id; null for a statement skipped, absent for
	// one not reached.
	Ratings    map[string]*int   `json:"ratings"`
	Discussion map[string]string `json:"discussion"`
	Plan       *exportPlan       `json:"plan"` // null when none was made
}

type exportPlan struct {
	Topics   []string `json:"topics"`
	Goal     string   `json:"goal"`
	Learn    []string `json:"learn"`
	Teach    []string `json:"teach"`
	Other    string   `json:"other"`
	ShowName bool     `json:"show_name"`
}

func exportDocument(st exportStore, p store.Profile, def definitionFunc, now time.Time) (exportDoc, error) {
	doc := exportDoc{Format: exportFormat, Exported: rfc3339(now), Profile: docProfileOf(p), Attempts: []exportAttempt{}}
	list, err := st.Attempts(p.ID)
	if err != nil {
		return doc, err
	}
	for _, a := range list {
		e := exportAttempt{
			ID:            a.ID.String(),
			Questionnaire: docQuestionnaire{ID: a.QuestionnaireID, Version: a.QuestionnaireVersion},
			Started:       rfc3339(a.Started),
			Background:    orEmpty(a.Background),
			Ratings:       map[string]*int{},
			Discussion:    orEmpty(a.Discussion),
		}
		if a.Done() {
			f := rfc3339(a.Finished)
			e.Finished = &f
			plan, ok, err := st.Plan(a.ID)
			if err != nil {
				return doc, err
			}
			if ok {
				e.Plan = &exportPlan{Topics: orNone(plan.Topics), Goal: plan.Goal, Learn: orNone(plan.Learn), Teach: orNone(plan.Teach), Other: plan.Other, ShowName: plan.ShowName}
			}
		}
		for id, r := range a.Ratings {
			if r.Value == store.Skipped {
				e.Ratings[id] = nil
				continue
			}
			v := r.Value
			e.Ratings[id] = &v
		}
		q, _, err := def(a.QuestionnaireID, a.QuestionnaireVersion)
		if err != nil {
			return doc, err
		}
		doc.Attempts = append(doc.Attempts, e)
		doc.questionnaires = append(doc.questionnaires, q)
	}
	return doc, nil
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func orNone(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// csvColumns are the ids of the background questions, statements and
// discussion questions the attempts answered, each group in the order of
// the questionnaires (newest first), then any id no questionnaire known
// to the file has, sorted.
func csvColumns(doc exportDoc) (background, statements, discussion []string) {
	add := func(list []string, seen map[string]bool, id string) []string {
		if seen[id] {
			return list
		}
		seen[id] = true
		return append(list, id)
	}
	seenB, seenS, seenD := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := len(doc.questionnaires) - 1; i >= 0; i-- {
		q := doc.questionnaires[i]
		if q == nil {
			continue
		}
		for _, b := range q.Background {
			background = add(background, seenB, b.ID)
		}
		for _, s := range q.Statements {
			statements = add(statements, seenS, s.ID)
		}
		for _, d := range q.Discussion {
			discussion = add(discussion, seenD, d.ID)
		}
	}
	var restB, restS, restD []string
	for _, a := range doc.Attempts {
		for id := range a.Background {
			if !seenB[id] {
				restB = add(restB, seenB, id)
			}
		}
		for id := range a.Ratings {
			if !seenS[id] {
				restS = add(restS, seenS, id)
			}
		}
		for id := range a.Discussion {
			if !seenD[id] {
				restD = add(restD, seenD, id)
			}
		}
	}
	slices.Sort(restB)
	slices.Sort(restS)
	slices.Sort(restD)
	return append(background, restB...), append(statements, restS...), append(discussion, restD...)
}

// writeCSV writes one row per attempt under a row of headings in the
// person's language, UTF-8 with a byte-order mark first when bom is set
// (so that spreadsheet programs read å, ä and ö right). A skipped
// statement is "0"; an empty cell was not answered. Lists of topics are
// joined by " | ". Free text that a spreadsheet would take for a formula
// (beginning with =, +, -, @, a tab or a carriage return) gets a leading
// apostrophe.
func writeCSV(w io.Writer, cat *ui.Catalog, doc exportDoc, bom bool) {
	if bom {
		_, _ = io.WriteString(w, "\ufeff")
	}
	c := cat.Cmd
	background, statements, discussion := csvColumns(doc)
	head := []string{c.ColProfile, c.ColCreated, c.ColAttempt, c.ColQuestions, c.ColVersion, c.ColStarted, c.ColFinished}
	for _, id := range background {
		head = append(head, c.ColBackground+id)
	}
	head = append(head, statements...)
	for _, id := range discussion {
		head = append(head, c.ColDiscussion+id)
	}
	head = append(head, c.ColPlanTopics, c.ColPlanGoal, c.ColPlanLearn, c.ColPlanTeach, c.ColPlanOther, c.ColPlanShowName)
	cw := csv.NewWriter(w)
	_ = cw.Write(head)
	for _, a := range doc.Attempts {
		finished := ""
		if a.Finished != nil {
			finished = *a.Finished
		}
		name := doc.Profile.Name
		if doc.Profile.Default {
			name = c.DefaultProfile
		}
		row := []string{cell(name), doc.Profile.Created, a.ID, cell(a.Questionnaire.ID), strconv.Itoa(a.Questionnaire.Version), a.Started, finished}
		for _, id := range background {
			row = append(row, cell(a.Background[id]))
		}
		for _, id := range statements {
			v, ok := a.Ratings[id]
			switch {
			case !ok:
				row = append(row, "")
			case v == nil:
				row = append(row, strconv.Itoa(store.Skipped))
			default:
				row = append(row, strconv.Itoa(*v))
			}
		}
		for _, id := range discussion {
			row = append(row, cell(a.Discussion[id]))
		}
		if p := a.Plan; p != nil {
			show := c.No
			if p.ShowName {
				show = c.Yes
			}
			row = append(row, cell(strings.Join(p.Topics, " | ")), cell(p.Goal), cell(strings.Join(p.Learn, " | ")), cell(strings.Join(p.Teach, " | ")), cell(p.Other), show)
		} else {
			row = append(row, "", "", "", "", "", "")
		}
		_ = cw.Write(row)
	}
	cw.Flush()
}

// cell keeps a spreadsheet from reading text as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// samePath reports whether a and b name the same file: the same path, or
// the same file reached another way (a link, another spelling).
func samePath(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// writeExport writes data to dst through a private temporary file in the
// same folder that takes dst's name only once it is complete and on disk:
// a failure leaves any earlier dst as it was, and nothing else behind.
// dst is created 0600: it holds a person's answers.
func writeExport(cat *ui.Catalog, dst, dbPath string, data []byte, stderr io.Writer) int {
	if info, err := os.Lstat(dst); err == nil && !info.Mode().IsRegular() {
		if target, err := os.Stat(dst); err != nil || !target.Mode().IsRegular() || info.Mode()&fs.ModeSymlink == 0 {
			fmt.Fprintf(stderr, cat.Cmd.ExportNotRegular+"\n", dst)
			return exitUsage
		}
	}
	if samePath(dst, dbPath) {
		fmt.Fprintf(stderr, cat.Cmd.ExportIsDatabase+"\n", dst)
		return exitUsage
	}
	err := atomicWrite(dst, data)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(stderr, cat.Cmd.ExportNoFolder+"\n", filepath.Dir(dst))
		return exitError
	}
	sentence := cat.Cmd.ExportNotWritten
	if cause := cat.Cause(store.KindOf(err)); cause != "" {
		sentence += " " + cause
	}
	fmt.Fprintln(stderr, ui.WithDetail(sentence+" "+cat.Cmd.ExportUnchanged, cat.DetailLine(err)))
	return exitError
}

// atomicWrite writes data to a new 0600 file beside dst, syncs it and
// renames it over dst, then syncs the folder.
func atomicWrite(dst string, data []byte) (err error) {
	dir := filepath.Dir(dst)
	f, err := os.CreateTemp(dir, ".digikomp-export-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, dst); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
