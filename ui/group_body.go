package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"digikomp/survey"
)

// The group view's text: everything a facilitator shows the room about a
// workshop or a collection round (issue 12), rendered from a
// survey.GroupReport and the group's discussion answers. It is pure: the
// screen (group_view.go), the accessible runner and the text report of
// `digikomp report` (GroupText) all render it the same way.
//
// Privacy: the report carries no names except the teach list's, which
// survey keeps only for those who chose to show theirs (Plan.ShowName),
// and the discussion answers come without names, in an order shuffled
// per view (shuffleAnswers). Splits and shares marked TooFew show no
// number at all, not even how many they hold.

// maxGroupWidth keeps lines of the group view readable on a projector:
// wider than the other screens (maxContent), since tables gain from it.
const maxGroupWidth = 160

// wideGroup is the width from which the area distributions stand beside
// the areas' numbers instead of under them.
const wideGroup = 110

// groupWidth is the width the group view is drawn to: the window minus
// the app's padding, at most maxGroupWidth.
func groupWidth(c *common) int {
	w := c.width - 2
	if c.width == 0 {
		w = maxContent
	}
	return max(20, min(w, maxGroupWidth))
}

// groupData is what one group view shows.
type groupData struct {
	name    string // the workshop's or round's name, cleaned; "" for none
	report  survey.GroupReport
	answers map[string][]string // discussion question id → answers, in the order shown
}

// groupBody renders a group's result.
func groupBody(c *common, d groupData) string {
	cat := &c.cat.Group
	r := d.report
	w := groupWidth(c)
	var b strings.Builder
	b.WriteString(fmt.Sprintf(cat.Finished, formatCount(c.lang, r.Finished)) + " · " +
		fmt.Sprintf(cat.Unfinished, formatCount(c.lang, r.Unfinished)) + "\n")
	if r.Unfinished > 0 {
		b.WriteString(c.st.Muted.Render(wrap(cat.UnfinishedOut, w)) + "\n")
	}
	if r.Finished == 0 {
		b.WriteString("\n" + wrap(cat.Empty, w) + "\n")
		return b.String()
	}
	sections := []string{
		groupAreas(c, r, w),
		groupStatements(c, r, w),
		groupSplits(c, r, w),
		groupAlpha(c, r, w),
		groupNeeds(c, r, w),
		groupShares(c, r, w),
		groupDiscussion(c, d.answers, w),
	}
	for _, s := range sections {
		if s != "" {
			b.WriteString("\n" + s)
		}
	}
	return b.String()
}

// heading is a section's title, underlined with characters so that it
// stands out without colour; accessible mode says the title alone.
func heading(c *common, title string) string {
	if c.lines {
		return title + "\n"
	}
	return c.st.Title.Render(title) + "\n" + c.st.Muted.Render(strings.Repeat("─", lipgloss.Width(title))) + "\n"
}

// areaName is an area's name in the view's language ("All areas" for the
// overall line).
func areaName(c *common, id string) string {
	if id == "" {
		return c.cat.Group.Overall
	}
	if a, ok := c.q.Area(id); ok {
		return a.Name.In(c.lang)
	}
	return survey.Visible(id)
}

func groupAreas(c *common, r survey.GroupReport, w int) string {
	cat := &c.cat.Group
	var b strings.Builder
	b.WriteString(heading(c, cat.Areas))
	all := append(append([]survey.AreaStats(nil), r.Areas...), r.Overall)
	for _, a := range all {
		name := c.st.Strong.Render(areaName(c, a.AreaID))
		if a.Ratings == 0 {
			b.WriteString(name + "\n" + c.st.Muted.Render(cat.AreaNone) + "\n\n")
			continue
		}
		line := fmt.Sprintf(cat.AreaLine, formatMean(c.lang, a.MeanTenths), formatMean(c.lang, a.MedianTenths),
			r.ScaleMax-1, r.ScaleMax, formatPercent(c.lang, a.HighPercent), formatCount(c.lang, a.N))
		if c.lines {
			b.WriteString(areaName(c, a.AreaID) + ". " + line + ". " + fmt.Sprintf(cat.DistAcc, distributionWords(c, r, a)) + "\n")
			continue
		}
		if w >= wideGroup {
			dist := distribution(c, r, a, 6*(r.ScaleMax-r.ScaleMin+1))
			left := lipgloss.NewStyle().Width(w - lipgloss.Width(dist) - 4).Render(name + "\n" + wrap(line, w-lipgloss.Width(dist)-4))
			b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, left, "    ", dist) + "\n\n")
			continue
		}
		b.WriteString(name + "\n" + wrap(line, w) + "\n" + distribution(c, r, a, min(w, 56)) + "\n\n")
	}
	return b.String()
}

// blocks are the heights of a distribution's columns, lowest first.
var blocks = []rune("▁▂▃▄▅▆▇█")

// distribution draws the spread of an area's ratings as three rows: the
// values, a column of block characters per value as high as its share
// (relative to the largest), and the share in whole percent. The
// percentages carry the numbers, the blocks the shape, and both read
// the same without colour.
func distribution(c *common, r survey.GroupReport, a survey.AreaStats, w int) string {
	points := r.ScaleMax - r.ScaleMin + 1
	if points < 1 {
		return ""
	}
	cell := min(8, max(5, w/points))
	most := 0
	for v := r.ScaleMin; v <= r.ScaleMax; v++ {
		most = max(most, countAt(a, v))
	}
	var values, bars, shares strings.Builder
	for v := r.ScaleMin; v <= r.ScaleMax; v++ {
		n := countAt(a, v)
		values.WriteString(padLeft(strconv.Itoa(v), cell-1) + " ")
		col := " "
		if n > 0 && most > 0 {
			level := max(0, (n*len(blocks)+most-1)/most-1)
			col = string(blocks[min(level, len(blocks)-1)])
		}
		bars.WriteString(strings.Repeat(" ", cell-3) + c.st.BarFull.Render(strings.Repeat(col, 2)) + " ")
		shares.WriteString(padLeft(formatPercent(c.lang, survey.RoundRatio(100*n, a.Ratings, 0)), cell-1) + " ")
	}
	return c.st.Muted.Render(strings.TrimRight(values.String(), " ")) + "\n" +
		strings.TrimRight(bars.String(), " ") + "\n" + strings.TrimRight(shares.String(), " ")
}

// distributionWords is the spread as one sentence for accessible mode:
// "1: 2 %, 2: 5 %, …".
func distributionWords(c *common, r survey.GroupReport, a survey.AreaStats) string {
	parts := make([]string, 0, r.ScaleMax-r.ScaleMin+1)
	for v := r.ScaleMin; v <= r.ScaleMax; v++ {
		parts = append(parts, fmt.Sprintf("%d: %s", v, formatPercent(c.lang, survey.RoundRatio(100*countAt(a, v), a.Ratings, 0))))
	}
	return strings.Join(parts, ", ")
}

func countAt(a survey.AreaStats, v int) int {
	if v < 0 || v >= len(a.Counts) {
		return 0
	}
	return a.Counts[v]
}

func groupStatements(c *common, r survey.GroupReport, w int) string {
	cat := &c.cat.Group
	var b strings.Builder
	b.WriteString(heading(c, cat.Statements))
	if !c.lines {
		b.WriteString(c.st.Muted.Render(wrap(cat.StatementsLegend, w)) + "\n")
	}
	for _, s := range r.Statements {
		text := survey.Visible(s.StatementID)
		if st, ok := c.q.Statement(s.StatementID); ok {
			text = st.Text.In(c.lang)
		}
		if s.N == 0 {
			if c.lines {
				b.WriteString(text + " " + cat.Unrated + "\n")
			} else {
				b.WriteString("       – " + strings.ReplaceAll(wrap(text, w-9), "\n", "\n         ") + "\n")
			}
			continue
		}
		mean := formatMean(c.lang, s.MeanTenths)
		if c.lines {
			var marks []string
			if s.Highest {
				marks = append(marks, cat.MarkHighest)
			}
			if s.Lowest {
				marks = append(marks, cat.MarkLowest)
			}
			line := fmt.Sprintf(cat.StatementAcc, mean, formatCount(c.lang, s.N), text)
			if len(marks) > 0 {
				line = "(" + strings.Join(marks, ", ") + ") " + line
			}
			b.WriteString(line + "\n")
			continue
		}
		mark := "  "
		switch {
		case s.Highest && s.Lowest:
			mark = "▲▼"
		case s.Highest:
			mark = "▲ "
		case s.Lowest:
			mark = "▼ "
		}
		head := mark + " " + padLeft(mean, 4) + "  "
		if s.Highest || s.Lowest {
			head = c.st.Strong.Render(head)
		}
		b.WriteString(head + strings.ReplaceAll(wrap(text, w-9), "\n", "\n         ") + "\n")
	}
	return b.String()
}

// splitTitle names a split: the three the report makes have short names
// of ours; another question is named by its prompt.
func splitTitle(c *common, id string) string {
	cat := &c.cat.Group
	switch id {
	case survey.BackgroundRole:
		return cat.SplitRole
	case survey.BackgroundYears:
		return cat.SplitYears
	case survey.BackgroundLibrarySize:
		return cat.SplitSize
	}
	if b, ok := c.q.BackgroundQuestion(id); ok {
		return b.Prompt.In(c.lang)
	}
	return survey.Visible(id)
}

func optionLabel(c *common, questionID, optionID string) string {
	if optionID == "" {
		return c.cat.Group.NoAnswer
	}
	if o, ok := c.q.Option(questionID, optionID); ok {
		return o.Label.In(c.lang)
	}
	return survey.Visible(optionID)
}

func groupMeanText(c *common, g survey.GroupMean) string {
	if g.TooFew || g.Ratings == 0 {
		return "–"
	}
	return formatMean(c.lang, g.MeanTenths)
}

func groupSplits(c *common, r survey.GroupReport, w int) string {
	if len(r.Splits) == 0 {
		return ""
	}
	cat := &c.cat.Group
	var b strings.Builder
	b.WriteString(heading(c, cat.Splits))
	b.WriteString(wrap(fmt.Sprintf(cat.SplitsNote, survey.MinGroup), w) + "\n")
	areas := r.Areas
	if !c.lines {
		keys := make([]string, 0, len(areas))
		for i, a := range areas {
			keys = append(keys, fmt.Sprintf("%d %s", i+1, areaName(c, a.AreaID)))
		}
		b.WriteString(c.st.Muted.Render(wrap(fmt.Sprintf(cat.SplitKey, strings.Join(keys, ", "))+" · – "+cat.TooFew, w)) + "\n")
	}
	const col = 6
	numbers := col + col + col*len(areas)
	for _, s := range r.Splits {
		b.WriteString("\n" + c.st.Strong.Render(splitTitle(c, s.QuestionID)) + "\n")
		if c.lines {
			for _, g := range s.Groups {
				label := optionLabel(c, s.QuestionID, g.OptionID)
				if g.TooFew {
					b.WriteString(fmt.Sprintf(cat.SplitAccToo, label) + "\n")
					continue
				}
				parts := make([]string, 0, len(g.Areas))
				for _, m := range g.Areas {
					v := groupMeanText(c, m)
					if m.TooFew {
						v = cat.TooFew
					}
					parts = append(parts, areaName(c, m.AreaID)+" "+v)
				}
				overall := groupMeanText(c, g.Overall)
				if g.Overall.TooFew {
					overall = cat.TooFew
				}
				b.WriteString(fmt.Sprintf(cat.SplitAcc, label, formatCount(c.lang, g.N), overall, strings.Join(parts, ", ")) + "\n")
			}
			continue
		}
		labelW := 0
		for _, g := range s.Groups {
			labelW = max(labelW, lipgloss.Width(optionLabel(c, s.QuestionID, g.OptionID)))
		}
		labelW = max(8, min(labelW, w-numbers-1))
		head := padRight(cat.ColGroup, labelW) + padLeft(cat.ColN, col) + padLeft(cat.ColAll, col)
		for i := range areas {
			head += padLeft(strconv.Itoa(i+1), col)
		}
		b.WriteString(c.st.Muted.Render(head) + "\n")
		for _, g := range s.Groups {
			label := padRight(truncate(optionLabel(c, s.QuestionID, g.OptionID), labelW), labelW)
			if g.TooFew {
				b.WriteString(label + "  " + c.st.Muted.Render(cat.TooFew) + "\n")
				continue
			}
			row := label + padLeft(formatCount(c.lang, g.N), col) + padLeft(groupMeanText(c, g.Overall), col)
			for _, m := range g.Areas {
				row += padLeft(groupMeanText(c, m), col)
			}
			b.WriteString(row + "\n")
		}
	}
	return b.String()
}

// formatHundredths shows a value given in hundredths with two decimals
// and the language's decimal sign: 84 is "0,84".
func formatHundredths(lang survey.Lang, h int) string {
	sign := ""
	if h < 0 {
		sign, h = "−", -h
	}
	point := "."
	if lang == survey.Swedish {
		point = ","
	}
	return fmt.Sprintf("%s%d%s%02d", sign, h/100, point, h%100)
}

// alphaWords is an area's alpha in plain words: the value and its band,
// or why there is none.
func alphaWords(c *common, a survey.Alpha) string {
	cat := &c.cat.Group
	if a.Known {
		band := map[survey.AlphaBand]string{survey.AlphaHigh: cat.AlphaHigh, survey.AlphaGood: cat.AlphaGood,
			survey.AlphaModerate: cat.AlphaModerate}[a.Band]
		if band == "" {
			band = cat.AlphaLow
		}
		return fmt.Sprintf(cat.AlphaLine, formatHundredths(c.lang, a.Hundredths), band)
	}
	switch a.Reason {
	case survey.AlphaOneStatement:
		return cat.AlphaOne
	case survey.AlphaFewCases:
		return fmt.Sprintf(cat.AlphaCases, survey.MinAlpha)
	case survey.AlphaNoVariance:
		return cat.AlphaSame
	}
	return fmt.Sprintf(cat.AlphaFew, survey.MinAlpha)
}

func groupAlpha(c *common, r survey.GroupReport, w int) string {
	if len(r.Alpha) == 0 {
		return ""
	}
	cat := &c.cat.Group
	var b strings.Builder
	b.WriteString(heading(c, cat.Alpha))
	b.WriteString(wrap(cat.AlphaIntro, w) + "\n")
	for _, a := range r.Alpha {
		line := areaName(c, a.AreaID) + ": " + alphaWords(c, a)
		b.WriteString(strings.ReplaceAll(wrap(line, w-2), "\n", "\n  ") + "\n")
	}
	return b.String()
}

// topicTitle is a topic's title, or its id when the topic list does not
// have it (an import from a newer version).
func topicTitle(c *common, topics []survey.Topic, id string) string {
	if t, ok := survey.TopicByID(topics, id); ok {
		return t.Title.In(c.lang)
	}
	return survey.Visible(id)
}

func groupNeeds(c *common, r survey.GroupReport, w int) string {
	cat := &c.cat.Group
	topics, _ := survey.Topics()
	var b strings.Builder
	b.WriteString(heading(c, cat.Needs))
	if len(r.Needs) == 0 {
		b.WriteString(wrap(cat.NeedsNone, w) + "\n")
	} else {
		b.WriteString(c.st.Muted.Render(wrap(fmt.Sprintf(cat.NeedsIntro, survey.BordaPlaces), w)) + "\n")
		for _, n := range r.Needs {
			line := fmt.Sprintf(cat.NeedLine, n.Rank, topicTitle(c, topics, n.TopicID), formatCount(c.lang, n.Points), formatCount(c.lang, n.Chosen))
			b.WriteString(strings.ReplaceAll(wrap(line, w-4), "\n", "\n    ") + "\n")
		}
	}
	b.WriteString("\n" + heading(c, cat.Teach))
	if len(r.Teach) == 0 {
		b.WriteString(wrap(cat.TeachNone, w) + "\n")
		return b.String()
	}
	for _, t := range r.Teach {
		b.WriteString(wrap(fmt.Sprintf(cat.TeachLine, topicTitle(c, topics, t.TopicID), formatCount(c.lang, t.Count)), w) + "\n")
		if len(t.Names) == 0 {
			continue
		}
		names := strings.Join(t.Names, ", ")
		if t.MoreNames > 0 {
			names += " " + fmt.Sprintf(cat.TeachMore, formatCount(c.lang, t.MoreNames))
		}
		line := fmt.Sprintf(cat.TeachNames, names)
		b.WriteString("    " + strings.ReplaceAll(wrap(line, w-4), "\n", "\n    ") + "\n")
	}
	return b.String()
}

func groupShares(c *common, r survey.GroupReport, w int) string {
	cat := &c.cat.Group
	var b strings.Builder
	b.WriteString(heading(c, cat.Shares))
	if d := r.Digiteket; d.Known() {
		b.WriteString(wrap(fmt.Sprintf(cat.Digiteket, formatPercent(c.lang, d.Percent()), formatCount(c.lang, d.Yes), formatCount(c.lang, d.N)), w) + "\n")
	} else {
		b.WriteString(wrap(cat.DigiteketTooFew, w) + "\n")
	}
	if m := r.Managers; m.Known() {
		f := func(n int) string { return formatCount(c.lang, n) }
		b.WriteString(wrap(fmt.Sprintf(cat.Managers, f(m.Yes), f(m.N), f(m.Partly), f(m.No), f(m.DontKnow)), w) + "\n")
	} else {
		b.WriteString(wrap(cat.ManagersTooFew, w) + "\n")
	}
	return b.String()
}

func groupDiscussion(c *common, answers map[string][]string, w int) string {
	if len(c.q.Discussion) == 0 {
		return ""
	}
	cat := &c.cat.Group
	var b strings.Builder
	b.WriteString(heading(c, cat.Discussion))
	b.WriteString(wrap(cat.DiscussionNote, w) + "\n")
	for _, d := range c.q.Discussion {
		b.WriteString("\n" + c.st.Strong.Render(wrap(d.Text.In(c.lang), w)) + "\n")
		list := answers[d.ID]
		if len(list) == 0 {
			b.WriteString(c.st.Muted.Render(cat.DiscussionNone) + "\n")
			continue
		}
		for _, a := range list {
			// Stored text is cleaned where it enters (store); cleaned
			// again here, since a text report may be handed anything.
			text := strings.TrimSpace(survey.CleanText(a))
			b.WriteString("• " + strings.ReplaceAll(wrap(text, w-2), "\n", "\n  ") + "\n")
		}
	}
	return b.String()
}

// GroupText renders a group report as the group view shows it, as lines
// of plain text (no colour or other escape sequences) wrapped to width,
// in lang: the participants, the areas with their spread, the statements,
// the splits, alpha, the needs and teach lists, the shares, and the
// discussion answers in the order given (shuffle them first; nil leaves
// nothing under the questions). `digikomp report` prints it.
func GroupText(q *survey.Questionnaire, r survey.GroupReport, answers map[string][]string, lang survey.Lang, width int) []string {
	c := textCommon(q, lang, width)
	return strings.Split(strings.TrimRight(groupBody(c, groupData{report: r, answers: answers}), "\n"), "\n")
}

// textCommon is a common for rendering text outside the screen.
func textCommon(q *survey.Questionnaire, lang survey.Lang, width int) *common {
	cat := Messages(lang)
	return &common{q: q, lang: lang, cat: cat, st: plainStyles(), keys: newKeyMap(cat), width: max(20, width) + 2}
}
