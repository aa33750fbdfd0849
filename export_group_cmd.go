package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/transfer"
	"digikomp/ui"
)

// groupFlags are export's flags for a group: digikomp export
// [--workshop W | --round R | --all] [--format csv|jsonl] [--out FILE]
// [--with-names] [--with-text].
type groupFlags struct {
	workshop, round     *string
	all                 *bool
	withNames, withText *bool
}

func groupExportFlags(fs *flag.FlagSet) groupFlags {
	return groupFlags{
		workshop:  fs.String("workshop", "", ""),
		round:     fs.String("round", "", ""),
		all:       fs.Bool("all", false, ""),
		withNames: fs.Bool("with-names", false, ""),
		withText:  fs.Bool("with-text", false, ""),
	}
}

// asked reports whether the command line asks for a group's export.
func (g groupFlags) asked(fs *flag.FlagSet) bool {
	return flagSet(fs, "workshop") || flagSet(fs, "round") || flagSet(fs, "all") || flagSet(fs, "with-names") || flagSet(fs, "with-text")
}

// runGroupExport writes one record per finished attempt of a workshop, a
// round or the whole file, in the transfer format, to standard output or
// to a file written whole or not at all.
func runGroupExport(flags *flag.FlagSet, common *commonFlags, g groupFlags, rest []string, format, out string, stdout, stderr io.Writer) int {
	cat := ui.Messages(common.lang)
	c := cat.Transfer
	n := 0
	for _, name := range []string{"workshop", "round", "all"} {
		if flagSet(flags, name) {
			n++
		}
	}
	if !flagSet(flags, "format") {
		format = "csv"
	}
	switch {
	case len(rest) > 0:
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.ErrUnexpectedArg, survey.Visible(rest[0])))
		return exitUsage
	case flagSet(flags, "profile"):
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", c.ErrProfileGroup)
		return exitUsage
	case n > 1:
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", c.ErrFilters)
		return exitUsage
	case format != "csv" && format != "jsonl":
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(c.ErrFormat, survey.Visible(format)))
		return exitUsage
	case out == "" && flagSet(flags, "out"):
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", cat.Cmd.ErrOutEmpty)
		return exitUsage
	}
	dst := out
	if dst != "" {
		if abs, err := filepath.Abs(dst); err == nil {
			dst = abs
		}
		if samePath(dst, common.db) {
			fmt.Fprintf(stderr, cat.Cmd.ExportIsDatabase+"\n", dst)
			return exitUsage
		}
	}
	loaded, err := survey.Load()
	if err != nil {
		fmt.Fprintln(stderr, unexpected(cat, err))
		return exitError
	}
	st, code := openForCommand(cat, common.db, false, true, stderr)
	if code != exitOK {
		return code
	}
	defer st.Close()
	f, code := resolveFilter(st, cat, common.db, *g.workshop, *g.round, stderr)
	if code != exitOK {
		return code
	}
	opts := exportOptions{withNames: *g.withNames, withText: *g.withText, jsonl: format == "jsonl"}
	var buf bytes.Buffer
	count, err := writeGroupExport(&buf, st, loaded, f, opts, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, storeError(cat, common.db, err))
		return storeExitCode(err)
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
	if code := writeExport(cat, dst, common.db, buf.Bytes(), stderr); code != exitOK {
		return code
	}
	if count == 0 {
		fmt.Fprintf(stdout, c.ExportedNone+"\n", dst)
	} else {
		fmt.Fprintf(stdout, c.Exported+"\n", count, dst)
	}
	return exitOK
}

// resolveFilter turns --workshop (a name or an id) and --round into a
// filter, saying so when the file has no such workshop or round.
func resolveFilter(st *store.Store, cat *ui.Catalog, path, workshop, round string, stderr io.Writer) (groupFilter, int) {
	var f groupFilter
	if workshop != "" {
		w, ok, err := findWorkshop(st, workshop)
		if err != nil {
			fmt.Fprintln(stderr, storeError(cat, path, err))
			return f, storeExitCode(err)
		}
		if !ok {
			fmt.Fprintf(stderr, cat.Transfer.ErrNoWorkshop+"\n", survey.Visible(workshop))
			return f, exitNoProfile
		}
		f.Workshop = w.ID
	}
	if round != "" {
		ok, err := roundExists(st, round)
		if err != nil {
			fmt.Fprintln(stderr, storeError(cat, path, err))
			return f, storeExitCode(err)
		}
		if !ok {
			fmt.Fprintf(stderr, cat.Transfer.ErrNoRound+"\n", survey.Visible(round))
			return f, exitNoProfile
		}
		f.Round, _ = store.CleanRound(round)
	}
	return f, exitOK
}

type exportOptions struct {
	withNames, withText, jsonl bool
}

// writeGroupExport writes the export of the attempts f selects and
// returns how many it wrote. The records are gathered first: the header
// says how many follow, so that a file cut short is known as such.
func writeGroupExport(w io.Writer, st *store.Store, loaded *survey.Questionnaire, f groupFilter, opts exportOptions, now time.Time) (int, error) {
	def := definitions(st, loaded)
	var recs []transfer.Record
	var used []*survey.Questionnaire
	seenQ := map[*survey.Questionnaire]bool{}
	_, err := eachFinished(st, f, func(it groupItem) error {
		a := it.Attempt
		q, ok, err := def(a.QuestionnaireID, a.QuestionnaireVersion)
		if err != nil {
			return err
		}
		if ok && !seenQ[q] {
			seenQ[q] = true
			used = append(used, q)
		}
		recs = append(recs, recordOf(it, q, opts))
		return nil
	})
	if err != nil {
		return 0, err
	}
	h := transfer.Header{Records: len(recs), Exported: now, WithNames: opts.withNames, WithText: opts.withText,
		Columns: exportColumns(loaded, used, recs)}
	var tw transfer.Writer
	if opts.jsonl {
		tw, err = transfer.NewJSONL(w, h)
	} else {
		tw, err = transfer.NewCSV(w, h)
	}
	if err != nil {
		return 0, err
	}
	for i := range recs {
		if err := tw.Write(&recs[i]); err != nil {
			return 0, err
		}
	}
	return len(recs), tw.Close()
}

// recordOf is one attempt as the export writes it; q is the
// questionnaire it was taken with (nil if the file lacks it: then no
// area means).
func recordOf(it groupItem, q *survey.Questionnaire, opts exportOptions) transfer.Record {
	a := it.Attempt
	r := transfer.Record{
		Attempt: a.ID.String(), Workshop: it.Workshop.ID, WorkshopName: it.Workshop.Name,
		WorkshopPlace: it.Workshop.Place, WorkshopDate: it.Workshop.Date, Round: it.Workshop.Round,
		Started: a.Started, Finished: a.Finished,
		Questionnaire: a.QuestionnaireID, QuestionnaireVersion: a.QuestionnaireVersion,
		Background: a.Background, Ratings: ratingScores(q, a), Manager: attemptManager(a),
	}
	if q != nil {
		r.AreaMeans = areaMeans(q, a)
	}
	if p := it.Plan; p != nil {
		r.Learn, r.Teach, r.ShowName = p.Learn, p.Teach, p.ShowName
		if opts.withText && (len(p.Topics) > 0 || p.Goal != "" || p.Other != "") {
			r.Plan = &transfer.Plan{Topics: p.Topics, Goal: p.Goal, Other: p.Other}
		}
	}
	if opts.withNames {
		r.HasProfile = true
		if !it.Profile.Anonymous && it.Profile.ID != store.LocalProfile {
			r.Profile = it.Profile.Name
		}
	}
	if opts.withText {
		r.Discussion = a.Discussion
	}
	return r
}

// ratingScores are an attempt's ratings in the order of q's statements,
// the columns' order, or by id without q.
func ratingScores(q *survey.Questionnaire, a store.Attempt) transfer.Scores {
	s := make(transfer.Scores, 0, len(a.Ratings))
	if q != nil {
		for _, st := range q.Statements {
			if v, ok := a.Ratings[st.ID]; ok {
				s = append(s, transfer.Score{ID: st.ID, Value: v.Value})
			}
		}
	}
	if len(s) == len(a.Ratings) {
		return s
	}
	// Ratings of statements q lacks, which a checked file cannot hold.
	s = s[:0]
	for _, id := range slices.Sorted(maps.Keys(a.Ratings)) {
		s = append(s, transfer.Score{ID: id, Value: a.Ratings[id].Value})
	}
	return s
}

// areaMeans are an attempt's area means in hundredths, as survey.Score
// has them (skips left out), without its per-attempt allocations: an
// export scores every attempt of the file.
func areaMeans(q *survey.Questionnaire, a store.Attempt) transfer.Scores {
	var sums, counts [16]int
	if len(q.Areas) > len(sums) {
		res := survey.Score(q, a.Scores())
		var m transfer.Scores
		for _, s := range res.Areas {
			if s.Answered > 0 {
				m = append(m, transfer.Score{ID: s.AreaID, Value: survey.RoundRatio(s.Sum, s.Answered, 2)})
			}
		}
		return m
	}
	areaOf := areaIndex(q)
	for i, st := range q.Statements {
		if v, ok := a.Ratings[st.ID]; ok && v.Value != store.Skipped && areaOf[i] >= 0 {
			sums[areaOf[i]] += v.Value
			counts[areaOf[i]]++
		}
	}
	var m transfer.Scores
	for i, area := range q.Areas {
		if counts[i] > 0 {
			if m == nil {
				m = make(transfer.Scores, 0, len(q.Areas))
			}
			m = append(m, transfer.Score{ID: area.ID, Value: survey.RoundRatio(sums[i], counts[i], 2)})
		}
	}
	return m
}

// areaIndexes caches each questionnaire's statement → area index.
var areaIndexes = map[*survey.Questionnaire][]int{}

func areaIndex(q *survey.Questionnaire) []int {
	if idx, ok := areaIndexes[q]; ok {
		return idx
	}
	idx := make([]int, len(q.Statements))
	for i, st := range q.Statements {
		idx[i] = -1
		for j, a := range q.Areas {
			if a.ID == st.Area {
				idx[i] = j
			}
		}
	}
	areaIndexes[q] = idx
	return idx
}

// exportColumns are the CSV columns: the loaded questionnaire's ids in
// its order, then those of the other questionnaires used, then any id
// only a record has, sorted.
func exportColumns(loaded *survey.Questionnaire, used []*survey.Questionnaire, recs []transfer.Record) transfer.Columns {
	var c transfer.Columns
	seen := map[string]bool{}
	add := func(list *[]string, kind, id string) {
		if !seen[kind+id] {
			seen[kind+id] = true
			*list = append(*list, id)
		}
	}
	for _, q := range append([]*survey.Questionnaire{loaded}, used...) {
		for _, b := range q.Background {
			add(&c.Background, "b", b.ID)
		}
		for _, s := range q.Statements {
			add(&c.Statements, "s", s.ID)
		}
		for _, a := range q.Areas {
			add(&c.Areas, "a", a.ID)
		}
		for _, d := range q.Discussion {
			add(&c.Discussion, "d", d.ID)
		}
	}
	var rb, rs, ra, rd []string
	for _, r := range recs {
		for id := range r.Background {
			add(&rb, "b", id)
		}
		for _, x := range r.Ratings {
			add(&rs, "s", x.ID)
		}
		for _, x := range r.AreaMeans {
			add(&ra, "a", x.ID)
		}
		for id := range r.Discussion {
			add(&rd, "d", id)
		}
	}
	for _, l := range [][]string{rb, rs, ra, rd} {
		slices.Sort(l)
	}
	c.Background = append(c.Background, rb...)
	c.Statements = append(c.Statements, rs...)
	c.Areas = append(c.Areas, ra...)
	c.Discussion = append(c.Discussion, rd...)
	return c
}

// attemptManager is the managers' answer of an attempt.
func attemptManager(a store.Attempt) string { return a.Manager }
