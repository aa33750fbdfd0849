package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/transfer"
	"digikomp/ui"
)

// maxListed is how many rejected records of one file are listed.
const maxListed = 50

// runImport is `digikomp import [--partial] FILE...`: the attempts of
// group exports made elsewhere join this database. Each file is read
// whole and checked first; a file that is not an export is refused
// whole, and one with rejected records imports nothing unless --partial
// is given. What is imported from a file is written in one transaction
// (per questionnaire version), and attempts the database already has are
// skipped, so importing the same file twice adds nothing.
func runImport(args []string, stdout, stderr io.Writer) int {
	flags, common := newFlagSet()
	partial := flags.Bool("partial", false, "")
	files, code, done := common.parse(flags, args, stdout, stderr)
	if done {
		return code
	}
	cat := ui.Messages(common.lang)
	if len(files) == 0 {
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", cat.Transfer.ErrNoFiles)
		return exitUsage
	}
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil && samePath(abs, common.db) {
			fmt.Fprintf(stderr, cat.Transfer.ErrIsDatabase+"\n", survey.Visible(f))
			return exitUsage
		}
	}
	loaded, err := survey.Load()
	if err != nil {
		fmt.Fprintln(stderr, unexpected(cat, err))
		return exitError
	}
	// Every file is read and judged before the database is opened, so
	// that files refused whole leave it untouched, and do not create it.
	result := exitOK
	decoded := make([]*transfer.File, len(files))
	for i, name := range files {
		f, code := readImportFile(cat, name, stderr)
		if code != exitOK {
			result = code
			continue
		}
		decoded[i] = f
	}
	if !slices.ContainsFunc(decoded, func(f *transfer.File) bool { return f != nil }) {
		return result
	}
	// The import's open maps the file wide enough for what it brings
	// (store.ImportHint); it is openForCommand's open otherwise.
	st, err := store.Open(common.db, store.Options{Import: importHint(decoded)})
	if err != nil {
		fmt.Fprintln(stderr, openError(cat, common.db, err))
		return openExitCode(err)
	}
	defer st.Close()
	for i, name := range files {
		if decoded[i] == nil {
			continue
		}
		code := importFile(st, loaded, cat, common.db, name, decoded[i], *partial, stdout, stderr)
		if code == exitLocked || code == exitRefused || code == exitError {
			return code // the database, not the file: the other files would fail too
		}
		if code != exitOK {
			result = code
		}
	}
	return result
}

// importHint counts the attempts of the decoded files for the store's
// open. Records the checks refuse later are counted too: with --partial
// that may leave the file up to a MiB larger than it would have been,
// nothing worse.
func importHint(files []*transfer.File) store.ImportHint {
	var h store.ImportHint
	for _, f := range files {
		if f == nil {
			continue
		}
		h.Attempts += len(f.Records)
		for _, r := range f.Records {
			if !r.Finished.IsZero() {
				h.Finished++
			}
		}
	}
	return h
}

// rejection is one record that is not imported, said in a sentence.
type rejection struct {
	line int
	why  string
}

// readImportFile reads and decodes one file, saying so when it is
// refused whole.
func readImportFile(cat *ui.Catalog, name string, stderr io.Writer) (*transfer.File, int) {
	shown := survey.Visible(name)
	fh, err := os.Open(name)
	if err != nil {
		fmt.Fprintln(stderr, ui.WithDetail(fmt.Sprintf(cat.Transfer.ErrOpen, shown), cat.DetailLine(err)))
		return nil, exitImport
	}
	defer fh.Close()
	file, err := transfer.Decode(fh, transfer.DefaultLimits)
	if err != nil {
		fmt.Fprintln(stderr, refusal(cat, shown, err))
		return nil, exitImport
	}
	return file, exitOK
}

// importFile checks the records of one decoded file against the
// questions, imports them and says what became of them.
func importFile(st *store.Store, loaded *survey.Questionnaire, cat *ui.Catalog, dbPath, name string, file *transfer.File, partial bool, stdout, stderr io.Writer) int {
	c := cat.Transfer
	shown := survey.Visible(name)
	def := definitions(st, loaded)
	var rejected []rejection
	for _, p := range file.Rejected {
		rejected = append(rejected, rejection{p.Line, whyRejected(cat, p)})
	}
	byQ := map[*survey.Questionnaire][]importItem{}
	var order []*survey.Questionnaire
	for _, l := range file.Records {
		q, ok, err := def(l.Questionnaire, l.QuestionnaireVersion)
		if err != nil {
			fmt.Fprintln(stderr, storeError(cat, dbPath, err))
			return storeExitCode(err)
		}
		if !ok {
			rejected = append(rejected, rejection{l.Line, fmt.Sprintf(c.WhyQuestionnaire, survey.Visible(l.Questionnaire), l.QuestionnaireVersion)})
			continue
		}
		item, why := checkRecord(cat, q, l)
		if why != "" {
			rejected = append(rejected, rejection{l.Line, why})
			continue
		}
		if byQ[q] == nil {
			order = append(order, q)
			// Most files are of one version: room for all at once, not
			// a slice of large items copied as it doubles.
			byQ[q] = make([]importItem, 0, len(file.Records))
		}
		byQ[q] = append(byQ[q], item)
	}
	// The decoded records are copied into the items: let the collector
	// have them while the transaction builds its pages.
	file.Records = nil
	slices.SortStableFunc(rejected, func(a, b rejection) int { return a.line - b.line })
	if len(rejected) > 0 {
		fmt.Fprintf(stderr, c.Rejected+"\n", shown, len(rejected))
		for i, r := range rejected {
			if i == maxListed {
				fmt.Fprintf(stderr, c.RejectedMore+"\n", len(rejected)-maxListed)
				break
			}
			fmt.Fprintf(stderr, c.RejectedLine+"\n", r.line, r.why)
		}
		if !partial {
			fmt.Fprintf(stderr, c.NothingImported+"\n", shown, len(rejected))
			fmt.Fprintln(stderr, c.SkipHint)
			return exitImport
		}
	}
	added, present := 0, 0
	var late []rejection
	for _, q := range order {
		// Only the lines are wanted afterwards: the items themselves are
		// let go once they are the store's records.
		items := byQ[q]
		delete(byQ, q)
		lines := make([]int, len(items))
		for i := range items {
			lines[i] = items[i].Line
		}
		rep, err := importItems(st, q, items, time.Now())
		if err != nil {
			if errors.Is(err, store.ErrLocked) || errors.Is(err, store.ErrCorrupt) {
				fmt.Fprintln(stderr, storeError(cat, dbPath, err))
				return storeExitCode(err)
			}
			sentence := fmt.Sprintf(c.ImportFailed, shown)
			if cause := cat.Cause(store.KindOf(err)); cause != "" {
				sentence += " " + cause
			}
			fmt.Fprintln(stderr, ui.WithDetail(sentence+" "+c.ImportUnchanged, cat.DetailLine(err)))
			if store.KindOf(err) == store.KindOther {
				return exitImport
			}
			return exitError
		}
		added += rep.Added
		present += rep.Present
		for i, r := range rep.Results {
			if r.Outcome == store.ImportConflict || r.Outcome == store.ImportRejected {
				why := c.WhyStore
				if errors.Is(r.Err, store.ErrConflict) {
					why = c.WhyConflict
				}
				late = append(late, rejection{lines[i], why})
			}
		}
	}
	if len(late) > 0 {
		// What the database itself refused when writing: the others are in.
		slices.SortStableFunc(late, func(a, b rejection) int { return a.line - b.line })
		fmt.Fprintf(stderr, c.Rejected+"\n", shown, len(late))
		for i, r := range late {
			if i == maxListed {
				fmt.Fprintf(stderr, c.RejectedMore+"\n", len(late)-maxListed)
				break
			}
			fmt.Fprintf(stderr, c.RejectedLine+"\n", r.line, r.why)
		}
		rejected = append(rejected, late...)
	}
	if added == 0 && present > 0 {
		fmt.Fprintf(stdout, c.ImportedNothing+"\n", shown)
	} else {
		fmt.Fprintf(stdout, c.Imported+"\n", shown, added, present)
	}
	if len(rejected) > 0 {
		return exitImport
	}
	return exitOK
}

// refusal is the sentence for a file refused whole.
func refusal(cat *ui.Catalog, name string, err error) string {
	c := cat.Transfer
	switch {
	case errors.Is(err, transfer.ErrNotExport):
		return fmt.Sprintf(c.RefusedForeign, name)
	case errors.Is(err, transfer.ErrNewer):
		return fmt.Sprintf(c.RefusedNewer, name)
	case errors.Is(err, transfer.ErrHeader):
		return fmt.Sprintf(c.RefusedHeader, name)
	case errors.Is(err, transfer.ErrCount):
		return fmt.Sprintf(c.RefusedCount, name)
	case errors.Is(err, transfer.ErrLineTooLong), errors.Is(err, transfer.ErrTooMany):
		return fmt.Sprintf(c.RefusedLimit, name)
	}
	return ui.WithDetail(fmt.Sprintf(c.RefusedRead, name), cat.DetailLine(err))
}

// whyRejected says why the format refused a record.
func whyRejected(cat *ui.Catalog, p transfer.Problem) string {
	c := cat.Transfer
	field := survey.Visible(p.Field)
	switch p.Code {
	case transfer.CodeSyntax:
		return c.WhySyntax
	case transfer.CodeFields:
		return c.WhyFields
	case transfer.CodeUnknownKey:
		return fmt.Sprintf(c.WhyUnknownKey, field)
	case transfer.CodeMissing:
		return fmt.Sprintf(c.WhyMissing, field)
	case transfer.CodeAttemptID:
		return c.WhyAttemptID
	case transfer.CodeDuplicate:
		return c.WhyDuplicate
	case transfer.CodeDate:
		return fmt.Sprintf(c.WhyDate, field)
	case transfer.CodeText:
		return fmt.Sprintf(c.WhyText, field)
	case transfer.CodeID:
		return fmt.Sprintf(c.WhyID, field)
	case transfer.CodeTopic:
		return fmt.Sprintf(c.WhyTopic, field)
	case transfer.CodeBool:
		return fmt.Sprintf(c.WhyBool, field)
	case transfer.CodeBlank:
		return c.WhyBlank
	}
	return fmt.Sprintf(c.WhyNumber, field)
}

// checkRecord checks a record against the questionnaire it names, as a
// save would, and returns it as an attempt to import, or why not.
func checkRecord(cat *ui.Catalog, q *survey.Questionnaire, l transfer.Line) (importItem, string) {
	c := cat.Transfer
	id, err := store.ParseAttemptID(l.Attempt)
	if err != nil {
		return importItem{}, c.WhyAttemptID
	}
	a := store.Attempt{
		ID: id, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version,
		Started: l.Started, Finished: l.Finished,
		Background: l.Background, Discussion: l.Discussion,
	}
	var values []int16
	if len(l.Ratings) > 0 {
		values = make([]int16, len(q.Statements))
		for i := range values {
			values[i] = store.NotReached
		}
	}
	next := 0 // a file's columns come in the questionnaire's order: try the next one first
	for _, r := range l.Ratings {
		sid, v := r.ID, r.Value
		i := next
		if i >= len(q.Statements) || q.Statements[i].ID != sid {
			i = q.StatementIndex(sid)
		}
		next = i + 1
		if i < 0 {
			return importItem{}, fmt.Sprintf(c.WhyStatement, survey.Visible(sid))
		}
		if v != store.Skipped && !q.Scale.Contains(v) {
			return importItem{}, fmt.Sprintf(c.WhyRating, survey.Visible(sid))
		}
		values[i] = int16(v)
	}
	for qid, v := range l.Background {
		b, ok := q.BackgroundQuestion(qid)
		if !ok {
			return importItem{}, fmt.Sprintf(c.WhyBackground, survey.Visible(qid))
		}
		if b.Kind == survey.KindMunicipality {
			if _, ok := survey.LookupMunicipality(v); !ok {
				return importItem{}, fmt.Sprintf(c.WhyOption, survey.Visible(qid))
			}
		} else if _, ok := q.Option(qid, v); !ok {
			return importItem{}, fmt.Sprintf(c.WhyOption, survey.Visible(qid))
		}
	}
	for qid := range l.Discussion {
		if _, ok := q.DiscussionQuestion(qid); !ok {
			return importItem{}, fmt.Sprintf(c.WhyDiscussion, survey.Visible(qid))
		}
	}
	if l.Manager != "" && (!survey.ValidManagerAnswer(l.Manager) || !survey.IsManager(l.Background)) {
		return importItem{}, c.WhyManager
	}
	item := importItem{Line: l.Line, Attempt: a, Values: values, ProfileName: l.Profile,
		Workshop: workshopInfo{ID: l.Workshop, Name: l.WorkshopName, Place: l.WorkshopPlace, Round: l.Round, Date: l.WorkshopDate}}
	setManager(&item.Attempt, l.Manager)
	if len(l.Learn) > 0 || len(l.Teach) > 0 || l.ShowName || l.Plan != nil {
		p := store.Plan{Learn: l.Learn, Teach: l.Teach, ShowName: l.ShowName}
		if l.Plan != nil {
			p.Topics, p.Goal, p.Other = l.Plan.Topics, l.Plan.Goal, l.Plan.Other
		}
		item.Plan = &p
	}
	return item, ""
}

// setManager records the managers' answer on an attempt to import.
func setManager(a *store.Attempt, answer string) { a.Manager = answer }
