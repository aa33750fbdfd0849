package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
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

// fmtTenths writes tenths with the language's decimal sign.
func (r groupReport) fmtTenths(t int) string { return formatTenths(r.lang, t) }

// fmtHundredths writes hundredths with two decimals.
func (r groupReport) fmtHundredths(h int) string {
	sign := ""
	if h < 0 {
		sign, h = "−", -h
	}
	point := "."
	if r.lang == survey.Swedish {
		point = ","
	}
	return fmt.Sprintf("%s%d%s%02d", sign, h/100, point, h%100)
}

func (r groupReport) areaName(id string) string {
	if a, ok := r.q.Area(id); ok {
		return strconv.Itoa(a.Number) + " " + survey.CleanLine(a.Name.In(r.lang))
	}
	return survey.Visible(id)
}

func (r groupReport) topicName(id string) string {
	if topics, err := survey.Topics(); err == nil {
		for _, t := range topics {
			if t.ID == id {
				return survey.CleanLine(t.Title.In(r.lang))
			}
		}
	}
	return survey.Visible(id)
}

func (r groupReport) percent(cat *ui.Catalog, s survey.Share) string {
	if !s.Known() {
		return cat.Transfer.TooFew
	}
	return fmt.Sprintf(cat.Transfer.Percent, s.Percent(), s.N)
}

// clip shortens s to n characters, ending in "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n-1]) + "…"
}

// writeText writes the report for a person, in 80 columns.
func (r groupReport) writeText(w io.Writer, cat *ui.Catalog) {
	c := cat.Transfer
	g := r.base
	para(w, "", fmt.Sprintf(c.ReportTitle, r.baseName))
	if g.Finished == 0 {
		para(w, "", fmt.Sprintf(c.ReportNone, r.baseName))
	}
	para(w, "", fmt.Sprintf(c.Participants, g.Finished, g.Unfinished))
	fmt.Fprintln(w)
	if g.Finished > 0 {
		r.writeAreas(w, cat)
		r.writeStatements(w, cat)
		r.writeSplits(w, cat)
		r.writeAlpha(w, cat)
		r.writeNeeds(w, cat)
		para(w, "", fmt.Sprintf(c.Digiteket, r.percent(cat, g.Digiteket)))
		m := r.percent(cat, g.Managers.Share)
		if g.Managers.Known() {
			m += " (" + fmt.Sprintf(c.ManagersOther, g.Managers.Partly, g.Managers.No, g.Managers.DontKnow) + ")"
		}
		para(w, "", fmt.Sprintf(c.Managers, m))
	}
	if r.end != nil {
		fmt.Fprintln(w)
		r.writeCompare(w, cat)
	}
}

func (r groupReport) writeAreas(w io.Writer, cat *ui.Catalog) {
	c := cat.Transfer
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{c.ColArea, c.ColMean, c.ColMedian, c.ColHigh, c.ColN, c.ColDistribution}, "\t"))
	row := func(name string, a survey.AreaStats) {
		if a.Ratings == 0 {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t\n", name, c.None, c.None, c.None, a.N)
			return
		}
		// The distribution in per cent of the ratings, so that it fits
		// however many answered.
		dist := make([]string, 0, len(a.Counts))
		for v := max(r.base.ScaleMin, 1); v < len(a.Counts); v++ {
			dist = append(dist, strconv.Itoa(survey.RoundRatio(100*a.Counts[v], a.Ratings, 0)))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d %%\t%d\t%s\n", clip(name, 26), r.fmtTenths(a.MeanTenths), r.fmtTenths(a.MedianTenths), a.HighPercent, a.N, strings.Join(dist, " "))
	}
	for _, a := range r.base.Areas {
		row(r.areaName(a.AreaID), a)
	}
	row(c.Overall, r.base.Overall)
	_ = tw.Flush()
	fmt.Fprintln(w)
}

func (r groupReport) writeStatements(w io.Writer, cat *ui.Catalog) {
	c := cat.Transfer
	para(w, "", c.Statements)
	for _, s := range r.base.Statements {
		mean := c.None
		if s.N > 0 {
			mean = r.fmtTenths(s.MeanTenths)
		}
		text := survey.Visible(s.StatementID)
		if st, ok := r.q.Statement(s.StatementID); ok {
			text = survey.CleanLine(st.Text.In(r.lang))
		}
		mark := ""
		switch {
		case s.Highest && s.Lowest:
			mark = " (" + c.Highest + ", " + c.Lowest + ")"
		case s.Highest:
			mark = " (" + c.Highest + ")"
		case s.Lowest:
			mark = " (" + c.Lowest + ")"
		}
		fmt.Fprintf(w, "  %3s  %s%s\n", mean, clip(text, 70-utf8.RuneCountInString(mark)), mark)
	}
	fmt.Fprintln(w)
}

func (r groupReport) writeSplits(w io.Writer, cat *ui.Catalog) {
	c := cat.Transfer
	for _, sp := range r.base.Splits {
		b, ok := r.q.BackgroundQuestion(sp.QuestionID)
		name := survey.Visible(sp.QuestionID)
		if ok {
			name = survey.CleanLine(b.Prompt.In(r.lang))
		}
		para(w, "", fmt.Sprintf(c.SplitBy, strings.TrimRight(name, "?: ")))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		head := []string{"", c.ColN, c.Overall}
		for _, a := range r.q.Areas {
			head = append(head, strconv.Itoa(a.Number))
		}
		fmt.Fprintln(tw, "  "+strings.Join(head, "\t"))
		for _, grp := range sp.Groups {
			label := c.Unanswered
			if grp.OptionID != "" {
				label = survey.Visible(grp.OptionID)
				if o, ok := r.q.Option(sp.QuestionID, grp.OptionID); ok {
					label = survey.CleanLine(o.Label.In(r.lang))
				}
			}
			label = clip(label, 28)
			if grp.TooFew {
				fmt.Fprintf(tw, "  %s\t%s\n", label, c.TooFew)
				continue
			}
			cells := []string{label, strconv.Itoa(grp.N), r.groupMean(cat, grp.Overall)}
			for _, a := range grp.Areas {
				cells = append(cells, r.groupMean(cat, a))
			}
			fmt.Fprintln(tw, "  "+strings.Join(cells, "\t"))
		}
		_ = tw.Flush()
		fmt.Fprintln(w)
	}
}

func (r groupReport) groupMean(cat *ui.Catalog, m survey.GroupMean) string {
	switch {
	case m.TooFew:
		return cat.Transfer.TooFew
	case m.Ratings == 0:
		return cat.Transfer.None
	}
	return r.fmtTenths(m.MeanTenths)
}

func (r groupReport) writeAlpha(w io.Writer, cat *ui.Catalog) {
	c := cat.Transfer
	para(w, "", c.AlphaTitle+" "+c.AlphaExplain+".")
	for _, a := range r.base.Alpha {
		var s string
		switch {
		case a.Known:
			band := map[survey.AlphaBand]string{survey.AlphaHigh: c.AlphaHigh, survey.AlphaGood: c.AlphaGood, survey.AlphaModerate: c.AlphaModerate}[a.Band]
			if band == "" {
				band = c.AlphaLow
			}
			s = fmt.Sprintf(c.AlphaValue, r.fmtHundredths(a.Hundredths), band)
		case a.Reason == survey.AlphaOneStatement:
			s = c.AlphaOne
		case a.Reason == survey.AlphaFewCases:
			s = c.AlphaFewCases
		case a.Reason == survey.AlphaNoVariance:
			s = c.AlphaSame
		default:
			s = fmt.Sprintf(c.AlphaFewDone, survey.MinAlpha)
		}
		para(w, "    ", "  "+clip(r.areaName(a.AreaID), 30)+": "+s)
	}
	fmt.Fprintln(w)
}

func (r groupReport) writeNeeds(w io.Writer, cat *ui.Catalog) {
	c := cat.Transfer
	if len(r.base.Needs) == 0 {
		para(w, "", c.NeedsNone)
	} else {
		para(w, "", c.NeedsTitle)
		for _, n := range r.base.Needs {
			para(w, "      ", "  "+fmt.Sprintf(c.NeedsLine, n.Rank, r.topicName(n.TopicID), n.Points, n.Chosen))
		}
	}
	if len(r.base.Teach) > 0 {
		para(w, "", c.TeachTitle)
		for _, t := range r.base.Teach {
			line := fmt.Sprintf(c.TeachLine, r.topicName(t.TopicID), t.Count)
			if len(t.Names) > 0 {
				names := make([]string, len(t.Names))
				for i, n := range t.Names {
					names[i] = survey.CleanLine(n)
				}
				list := strings.Join(names, ", ")
				if t.MoreNames > 0 {
					list += " " + fmt.Sprintf(c.TeachMoreNames, t.MoreNames)
				}
				line += " " + fmt.Sprintf(c.TeachNames, list)
			}
			para(w, "    ", "  "+line)
		}
	}
	fmt.Fprintln(w)
}

func (r groupReport) writeCompare(w io.Writer, cat *ui.Catalog) {
	c := cat.Transfer
	cmp := survey.CompareRounds(r.base, *r.end)
	para(w, "", fmt.Sprintf(c.CompareTitle, r.baseName, r.endName))
	if !cmp.Same {
		para(w, "", c.Different)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{c.ColArea, c.ColBase, c.ColEnd, c.ColChange, c.ColHighBase, c.ColHighEnd, c.ColNBase, c.ColNEnd, c.ColHigher}, "\t"))
	row := func(name string, ch survey.RoundChange) {
		cells := []string{name, r.side(cat, ch.Base, false), r.side(cat, ch.End, false), c.None,
			r.side(cat, ch.Base, true), r.side(cat, ch.End, true), strconv.Itoa(ch.Base.N), strconv.Itoa(ch.End.N), c.None}
		if ch.Known {
			cells[3] = formatChange(r.lang, ch.ChangeTenths)
			cells[8] = c.No
			if ch.Higher {
				cells[8] = c.Yes
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	for _, a := range cmp.Areas {
		name := survey.Visible(a.AreaID)
		if area, ok := r.q.Area(a.AreaID); ok {
			name = strconv.Itoa(area.Number)
		}
		row(name, a)
	}
	row(c.Overall, cmp.Overall)
	_ = tw.Flush()
	para(w, "", c.CompareLegend)
	fmt.Fprintln(w)
	para(w, "", c.Indicators)
	for _, ind := range survey.Indicators(r.base, *r.end) {
		name := map[survey.IndicatorKind]string{survey.IndicatorResultHigher: c.IndResult, survey.IndicatorDigiteket: c.IndDigiteket, survey.IndicatorManagers: c.IndManagers}[ind.Kind]
		target := c.TargetNone
		switch ind.Target.Kind {
		case survey.TargetHigher:
			target = c.TargetHigher
		case survey.TargetAtLeast:
			target = fmt.Sprintf(c.TargetAtLeast, ind.Target.Percent)
		}
		status := map[survey.IndicatorStatus]string{survey.StatusMet: c.StatusMet, survey.StatusNotMet: c.StatusNotMet, survey.StatusNoTarget: c.StatusNoTarget}[ind.Status]
		if status == "" {
			status = c.StatusUnknown
		}
		detail := ""
		if ind.Kind == survey.IndicatorResultHigher {
			o := ind.Rounds.Overall
			if o.Known {
				detail = r.fmtTenths(o.Base.MeanTenths) + " → " + r.fmtTenths(o.End.MeanTenths) + ", " + formatChange(r.lang, o.ChangeTenths)
			}
		} else {
			detail = fmt.Sprintf(c.IndShares, r.percent(cat, ind.Base), r.percent(cat, ind.End))
		}
		line := fmt.Sprintf("  %s (%s): %s", name, target, status)
		if detail != "" {
			line += "; " + detail
		}
		para(w, "    ", line)
	}
}

func (r groupReport) side(cat *ui.Catalog, s survey.RoundSide, high bool) string {
	switch {
	case !s.Known:
		return cat.Transfer.None
	case high:
		return strconv.Itoa(s.HighPercent) + "\u00a0%"
	}
	return r.fmtTenths(s.MeanTenths)
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
