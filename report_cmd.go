package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// reportFormat is the version of the JSON document report --format json
// writes.
const reportFormat = 1

// runReport is `digikomp report [--workshop W] [--round R] [--compare
// R2] [--format text|csv|json]`: the group view without the interface.
// Text is in the person's language, with a decimal comma in Swedish;
// CSV and JSON are for programs, with a decimal point.
func runReport(args []string, stdout, stderr io.Writer) int {
	flags, common := newFlagSet()
	workshop := flags.String("workshop", "", "")
	round := flags.String("round", "", "")
	compare := flags.String("compare", "", "")
	format := flags.String("format", "text", "")
	rest, code, done := common.parse(flags, args, stdout, stderr)
	if done {
		return code
	}
	cat := ui.Messages(common.lang)
	c := cat.Transfer
	switch {
	case len(rest) > 0:
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.ErrUnexpectedArg, survey.Visible(rest[0])))
		return exitUsage
	case *format != "text" && *format != "csv" && *format != "json":
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.Cmd.ErrFormat, survey.Visible(*format)))
		return exitUsage
	case *workshop != "" && *round != "":
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", c.ErrFilters)
		return exitUsage
	case *compare != "" && *workshop == "" && *round == "":
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", c.ErrCompareNeeds)
		return exitUsage
	}
	q, err := survey.Load()
	if err != nil {
		fmt.Fprintln(stderr, unexpected(cat, err))
		return exitError
	}
	st, code := openForCommand(cat, common.db, false, true, stderr)
	if code != exitOK {
		return code
	}
	defer st.Close()
	base, code := resolveFilter(st, cat, common.db, *workshop, *round, stderr)
	if code != exitOK {
		return code
	}
	rep := groupReport{lang: common.lang, q: q, baseName: filterName(cat, *workshop, *round)}
	if rep.base, err = tallyGroup(st, q, base); err != nil {
		fmt.Fprintln(stderr, storeError(cat, common.db, err))
		return storeExitCode(err)
	}
	if *compare != "" {
		w, r := "", *compare
		if *workshop != "" {
			w, r = *compare, ""
		}
		end, code := resolveFilter(st, cat, common.db, w, r, stderr)
		if code != exitOK {
			return code
		}
		e, err := tallyGroup(st, q, end)
		if err != nil {
			fmt.Fprintln(stderr, storeError(cat, common.db, err))
			return storeExitCode(err)
		}
		rep.end, rep.endName = &e, filterName(cat, w, r)
	}
	switch *format {
	case "json":
		return writeJSON(stdout, rep.document(*workshop, *round, *compare), cat, stderr)
	case "csv":
		rep.writeCSV(stdout)
	default:
		rep.writeText(stdout, cat)
	}
	return exitOK
}

// tallyGroup counts the attempts f selects.
func tallyGroup(st *store.Store, q *survey.Questionnaire, f groupFilter) (survey.GroupReport, error) {
	t := survey.NewGroupTally(q)
	unfinished, err := eachRespondent(st, q, f, t.Add)
	if err != nil {
		return survey.GroupReport{}, err
	}
	for range unfinished {
		t.AddUnfinished()
	}
	return t.Report(), nil
}

func filterName(cat *ui.Catalog, workshop, round string) string {
	switch {
	case workshop != "":
		return fmt.Sprintf(cat.Transfer.ReportWorkshop, survey.CleanLine(workshop))
	case round != "":
		return fmt.Sprintf(cat.Transfer.ReportRound, survey.CleanLine(round))
	}
	return cat.Transfer.ReportAll
}

// groupReport is what report writes: a group, and another to compare it
// with.
type groupReport struct {
	lang              survey.Lang
	q                 *survey.Questionnaire
	base              survey.GroupReport
	end               *survey.GroupReport
	baseName, endName string
}

type reportDoc struct {
	Format     int                     `json:"format"`
	Workshop   string                  `json:"workshop,omitempty"`
	Round      string                  `json:"round,omitempty"`
	Compare    string                  `json:"compare,omitempty"`
	Report     survey.GroupReport      `json:"report"`
	End        *survey.GroupReport     `json:"end,omitempty"`
	Comparison *survey.RoundComparison `json:"comparison,omitempty"`
	Indicators []survey.Indicator      `json:"indicators,omitempty"`
}

func (r groupReport) document(workshop, round, compare string) reportDoc {
	d := reportDoc{Format: reportFormat, Workshop: workshop, Round: round, Compare: compare, Report: r.base}
	if r.end != nil {
		cmp := survey.CompareRounds(r.base, *r.end)
		d.End, d.Comparison, d.Indicators = r.end, &cmp, survey.Indicators(r.base, *r.end)
	}
	return d
}

// writeText writes the report for a person as the app's group view
// shows it (ui.GroupText, and ui.RoundsText for a comparison), under a
// line that says which group it is, in 80 columns. Discussion answers are
// left out: free text leaves the program only with export --with-text.
func (r groupReport) writeText(w io.Writer, cat *ui.Catalog) {
	c := cat.Transfer
	para(w, "", fmt.Sprintf(c.ReportTitle, r.baseName))
	if r.base.Finished == 0 {
		para(w, "", fmt.Sprintf(c.ReportNone, r.baseName))
	}
	fmt.Fprintln(w)
	for _, line := range ui.GroupText(r.q, r.base, nil, r.lang, width) {
		fmt.Fprintln(w, line)
	}
	if r.end != nil {
		fmt.Fprintln(w)
		for _, line := range ui.RoundsText(r.q, r.base, *r.end, r.baseName, r.endName, r.lang, width) {
			fmt.Fprintln(w, line)
		}
	}
}

// writeCSV writes the report as rows for a program: one section per
// row kind, a decimal point, numbers as computed.
func (r groupReport) writeCSV(w io.Writer) {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"section", "id", "option", "n", "mean", "median", "high_percent", "value", "n_end", "mean_end", "high_percent_end", "change", "higher"})
	dec := func(tenths int) string { return formatTenths(survey.English, tenths) }
	g := r.base
	_ = cw.Write([]string{"participants", "", "", strconv.Itoa(g.Finished), "", "", "", strconv.Itoa(g.Unfinished)})
	area := func(section string, a survey.AreaStats) {
		if a.Ratings == 0 {
			_ = cw.Write([]string{section, a.AreaID, "", strconv.Itoa(a.N)})
			return
		}
		dist := make([]string, 0, len(a.Counts))
		for v := max(g.ScaleMin, 1); v < len(a.Counts); v++ {
			dist = append(dist, strconv.Itoa(a.Counts[v]))
		}
		_ = cw.Write([]string{section, a.AreaID, "", strconv.Itoa(a.N), dec(a.MeanTenths), dec(a.MedianTenths), strconv.Itoa(a.HighPercent), strings.Join(dist, " ")})
	}
	for _, a := range g.Areas {
		area("area", a)
	}
	area("overall", g.Overall)
	for _, s := range g.Statements {
		mark := ""
		if s.Highest {
			mark = "highest"
		}
		if s.Lowest {
			mark = strings.TrimPrefix(mark+" lowest", " ")
		}
		mean := ""
		if s.N > 0 {
			mean = dec(s.MeanTenths)
		}
		_ = cw.Write([]string{"statement", s.StatementID, "", strconv.Itoa(s.N), mean, "", "", mark})
	}
	for _, sp := range g.Splits {
		for _, grp := range sp.Groups {
			if grp.TooFew {
				_ = cw.Write([]string{"split", sp.QuestionID, grp.OptionID, "", "", "", "", "too_few"})
				continue
			}
			for _, m := range append([]survey.GroupMean{grp.Overall}, grp.Areas...) {
				row := []string{"split", sp.QuestionID, grp.OptionID, strconv.Itoa(grp.N), "", "", "", m.AreaID}
				if m.TooFew {
					row[7] = strings.TrimPrefix(m.AreaID+" too_few", " ")
				} else if m.Ratings > 0 {
					row[4] = dec(m.MeanTenths)
				}
				_ = cw.Write(row)
			}
		}
	}
	for _, a := range g.Alpha {
		if a.Known {
			_ = cw.Write([]string{"alpha", a.AreaID, "", strconv.Itoa(a.Cases), formatHundredthsPoint(a.Hundredths), "", "", string(a.Band)})
		} else {
			_ = cw.Write([]string{"alpha", a.AreaID, "", strconv.Itoa(a.Cases), "", "", "", string(a.Reason)})
		}
	}
	for _, n := range g.Needs {
		_ = cw.Write([]string{"need", n.TopicID, "", strconv.Itoa(n.Chosen), "", "", "", strconv.Itoa(n.Points)})
	}
	for _, t := range g.Teach {
		_ = cw.Write([]string{"teach", t.TopicID, "", strconv.Itoa(t.Count), "", "", "", cell(strings.Join(t.Names, "; "))})
	}
	share := func(section string, s survey.Share) {
		if !s.Known() {
			_ = cw.Write([]string{section, "", "", "", "", "", "", "too_few"})
			return
		}
		_ = cw.Write([]string{section, "", "", strconv.Itoa(s.N), "", "", strconv.Itoa(s.Percent()), strconv.Itoa(s.Yes)})
	}
	share("digiteket", g.Digiteket)
	share("managers", g.Managers.Share)
	if r.end != nil {
		cmp := survey.CompareRounds(g, *r.end)
		for _, ch := range append(cmp.Areas, cmp.Overall) {
			row := []string{"compare", ch.AreaID, "", strconv.Itoa(ch.Base.N), "", "", "", "", strconv.Itoa(ch.End.N), "", "", "", ""}
			if ch.Base.Known {
				row[4], row[6] = dec(ch.Base.MeanTenths), strconv.Itoa(ch.Base.HighPercent)
			}
			if ch.End.Known {
				row[9], row[10] = dec(ch.End.MeanTenths), strconv.Itoa(ch.End.HighPercent)
			}
			if ch.Known {
				row[11], row[12] = strconv.FormatFloat(float64(ch.ChangeTenths)/10, 'f', 1, 64), strconv.FormatBool(ch.Higher)
			}
			_ = cw.Write(row)
		}
		for _, ind := range survey.Indicators(g, *r.end) {
			_ = cw.Write([]string{"indicator", string(ind.Kind), "", "", "", "", "", string(ind.Status)})
		}
	}
	cw.Flush()
}

func formatHundredthsPoint(h int) string {
	sign := ""
	if h < 0 {
		sign, h = "-", -h
	}
	return fmt.Sprintf("%s%d.%02d", sign, h/100, h%100)
}

// width is the text report's width: a terminal of 80 columns.
const width = 80

// para writes s as lines of at most width characters, broken at spaces;
// the lines after the first begin with indent.
func para(w io.Writer, indent, s string) {
	rest := strings.TrimLeft(s, " ")
	line := s[:len(s)-len(rest)]
	start := len(line)
	for _, word := range strings.Split(rest, " ") {
		switch {
		case len(line) == start:
			line += word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width:
			fmt.Fprintln(w, line)
			line = indent + word
		default:
			line += " " + word
		}
	}
	fmt.Fprintln(w, line)
}
