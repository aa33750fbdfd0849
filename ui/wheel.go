package ui

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"digikomp/survey"
)

// wheelModel is the competence wheel: the areas as a radar chart, this
// attempt filled and the one before outlined, each with glyphs of its own
// so that the drawing reads the same without colour. It scrolls like the
// result when the window is low.
type wheelModel struct {
	page page
	back intent
}

// The glyphs of the wheel. Colour adds to them and never replaces them.
const (
	glyphFill     = '▒' // this attempt, filled
	glyphPrevious = '•' // the previous attempt, outlined
	glyphFrame    = '·' // the outer edge (the scale's maximum) and the spokes
	glyphCentre   = '+'
)

// newWheel draws cur and, if there is one, prev. back is what Esc
// returns to. cur nil means there is no finished attempt.
func newWheel(c *common, cur, prev *taken, back intent, err error) wheelModel {
	return wheelModel{back: back, page: newPage(c, func(c *common) string {
		if err != nil {
			return loadFailure(c, err, contentWidth(c))
		}
		return wheelBody(c, cur, prev)
	})}
}

func (m *wheelModel) setSize(c *common) { m.page.setSize(c) }

func (m wheelModel) update(c *common, msg tea.Msg) (wheelModel, tea.Cmd, intent) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, c.keys.Menu), key.Matches(k, c.keys.Confirm):
			return m, nil, m.back
		case key.Matches(k, c.keys.Prev), key.Matches(k, c.keys.Next):
			return m, nil, nil
		}
	}
	var cmd tea.Cmd
	m.page, cmd = m.page.update(msg)
	return m, cmd, nil
}

func (m wheelModel) view(c *common) string {
	return m.page.view(c, c.cat.Progression.WheelTitle, "")
}

func (m wheelModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Back, c.keys.Help, c.keys.QuitMenu}
}

// wheelArea is one spoke: the area, this attempt's mean and the change.
type wheelArea struct {
	number  int
	name    string
	now     survey.Mean
	before  survey.Mean // the previous attempt's, on the statements shared
	delta   survey.Delta
	hasPrev bool
}

// wheelAreas scores cur, and prev against it, per area of cur's
// questionnaire.
func wheelAreas(c *common, cur, prev *taken) []wheelArea {
	means := survey.MeansOf(cur.survey())
	var cmp survey.Comparison
	if prev != nil {
		cmp = survey.Compare(prev.survey(), cur.survey())
	}
	out := make([]wheelArea, 0, len(cur.q.Areas))
	for _, a := range cur.q.Areas {
		wa := wheelArea{number: a.Number, name: a.Name.In(c.lang), now: means.Areas[a.ID], hasPrev: prev != nil}
		if prev != nil {
			wa.delta, _ = cmp.Area(a.ID)
			wa.before = wa.delta.Before
		}
		out = append(out, wa)
	}
	return out
}

// wheelBody is the wheel with its labels and legend; in accessible mode a
// table of the same numbers instead of the drawing.
func wheelBody(c *common, cur, prev *taken) string {
	p := c.cat.Progression
	w := contentWidth(c)
	if cur == nil {
		return wrap(p.HistoryEmpty, w) + "\n"
	}
	c = withQ(c, cur.q)
	areas := wheelAreas(c, cur, prev)
	mean := func(m survey.Mean) string {
		if !m.Known() {
			return "–"
		}
		return formatMean(c.lang, m.Tenths())
	}
	var b strings.Builder
	if c.lines || len(areas) < 3 || len(areas) > maxWheelAreas {
		// A table: a screen reader reads numbers, not a drawing, two
		// areas make no wheel, and more than eight leave no room for
		// their labels around it.
		b.WriteString(fmt.Sprintf(p.WheelThis, formatDate(cur.a.Finished)) + "\n")
		if prev != nil {
			b.WriteString(fmt.Sprintf(p.WheelPrevious, formatDate(prev.a.Finished)) + "\n")
		} else {
			b.WriteString(p.WheelNoPrevious + "\n")
		}
		for _, a := range areas {
			name := strconv.Itoa(a.number) + " " + a.name
			if a.hasPrev {
				b.WriteString(fmt.Sprintf(p.WheelAccLine, name, mean(a.now), mean(a.before), changeText(c, a.delta)) + "\n")
			} else {
				b.WriteString(fmt.Sprintf(p.WheelAccFirst, name, mean(a.now)) + "\n")
			}
		}
		return b.String()
	}
	b.WriteString(drawWheel(c, areas, w, func(a wheelArea) string {
		s := mean(a.now)
		if a.hasPrev && a.delta.Known() {
			s += " " + strings.TrimLeft(changeCell(c, a.delta), " ")
		}
		return s
	}))
	b.WriteString("\n")
	legend := c.st.BarFull.Render(string(glyphFill)) + " " + fmt.Sprintf(p.WheelThis, formatDate(cur.a.Finished))
	if prev != nil {
		legend += "   " + c.st.Warning.Render(string(glyphPrevious)) + " " + fmt.Sprintf(p.WheelPrevious, formatDate(prev.a.Finished))
	}
	b.WriteString(legend + "\n")
	if prev == nil {
		b.WriteString(c.st.Muted.Render(wrap(p.WheelNoPrevious, w)) + "\n")
	}
	note := fmt.Sprintf(p.WheelScale, c.q.Scale.Max)
	if prev != nil && !survey.Compare(prev.survey(), cur.survey()).Same {
		note += " " + fmt.Sprintf(p.Shared, survey.Compare(prev.survey(), cur.survey()).Shared)
	}
	b.WriteString(c.st.Muted.Render(wrap(note, w)) + "\n")
	return b.String()
}

// maxWheelAreas is the most areas drawn as a wheel; a questionnaire with
// more gets the table.
const maxWheelAreas = 8

// Size of the drawing in cells: cells are about twice as high as wide, so
// the horizontal radius is about twice the vertical one.
const (
	wheelRY = 6
	wheelRX = 13
	wheelH  = 2*wheelRY + 3 // a row above and below for the numbers
	wheelW  = 2*wheelRX + 5 // two columns each side for the numbers
)

// wheelCell is one cell of the drawing.
type wheelCell struct {
	r     rune
	style lipgloss.Style
}

// drawWheel draws the radar chart with the area labels around it: the
// top spoke's label above, the others beside the drawing on the side
// their spoke points to, at its row. value gives the second line of a
// label (the mean and the change).
func drawWheel(c *common, areas []wheelArea, w int, value func(wheelArea) string) string {
	n := len(areas)
	maxV := float64(c.q.Scale.Max)
	cx, cy := float64(wheelW/2), float64(wheelH/2)
	angle := func(k int) float64 { return math.Pi/2 - 2*math.Pi*float64(k)/float64(n) }
	// at maps a point in unit coordinates (y up) to a cell.
	at := func(x, y float64) (int, int) {
		return int(math.Round(cx + x*wheelRX)), int(math.Round(cy - y*wheelRY))
	}
	grid := make([][]wheelCell, wheelH)
	for i := range grid {
		grid[i] = make([]wheelCell, wheelW)
		for j := range grid[i] {
			grid[i][j] = wheelCell{r: ' '}
		}
	}
	set := func(col, row int, r rune, s lipgloss.Style) {
		if row >= 0 && row < wheelH && col >= 0 && col < wheelW {
			grid[row][col] = wheelCell{r, s}
		}
	}
	// line marks the cells along a segment in unit coordinates.
	line := func(x0, y0, x1, y1 float64, r rune, s lipgloss.Style) {
		steps := int(math.Ceil(math.Max(math.Abs(x1-x0)*wheelRX, math.Abs(y1-y0)*wheelRY)*2)) + 1
		for i := 0; i <= steps; i++ {
			t := float64(i) / float64(steps)
			col, row := at(x0+(x1-x0)*t, y0+(y1-y0)*t)
			set(col, row, r, s)
		}
	}
	polygon := func(radius func(k int) float64) [][2]float64 {
		pts := make([][2]float64, n)
		for k := range n {
			r := radius(k)
			pts[k] = [2]float64{r * math.Cos(angle(k)), r * math.Sin(angle(k))}
		}
		return pts
	}
	frame := c.st.Muted
	outer := polygon(func(int) float64 { return 1 })
	for k := range n {
		line(0, 0, outer[k][0], outer[k][1], glyphFrame, frame)
		nx := outer[(k+1)%n]
		line(outer[k][0], outer[k][1], nx[0], nx[1], glyphFrame, frame)
	}
	// This attempt: every cell whose centre lies inside its polygon.
	cur := polygon(func(k int) float64 { return areas[k].now.Float() / maxV })
	for row := range wheelH {
		for col := range wheelW {
			x, y := (float64(col)-cx)/wheelRX, (cy-float64(row))/wheelRY
			if inside(cur, x, y) {
				set(col, row, glyphFill, c.st.BarFull)
			}
		}
	}
	// The previous attempt: its outline, over the fill.
	if areas[0].hasPrev {
		prev := polygon(func(k int) float64 { return areas[k].before.Float() / maxV })
		for k := range n {
			nx := prev[(k+1)%n]
			line(prev[k][0], prev[k][1], nx[0], nx[1], glyphPrevious, c.st.Warning)
		}
	}
	set(int(cx), int(cy), glyphCentre, frame)
	// The area numbers just beyond the tips.
	tips := make([][2]int, n)
	for k := range n {
		col, row := at(1.18*math.Cos(angle(k)), 1.18*math.Sin(angle(k)))
		col = max(0, min(wheelW-1, col))
		row = max(0, min(wheelH-1, row))
		tips[k] = [2]int{col, row}
		for i, r := range strconv.Itoa(areas[k].number) {
			set(col+i, row, r, c.st.Strong)
		}
	}

	// Labels: above the drawing for a spoke pointing up, below for one
	// pointing down, else beside it on the side it points to, starting at
	// its tip's row (or below the label before it on that side), top to
	// bottom.
	sideW := max(4, (w-wheelW-2)/2)
	left := make([]string, wheelH)
	right := make([]string, wheelH)
	var above, below []string
	order := make([]int, n)
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(tips[i][1], tips[j][1]) })
	nextLeft, nextRight := 0, 0
	place := func(side []string, next *int, row int, lines []string) {
		row = max(*next, row)
		for i, l := range lines {
			if row+i < wheelH {
				side[row+i] = l
			}
		}
		*next = row + len(lines)
	}
	for _, k := range order {
		a := areas[k]
		v := value(a)
		lines := strings.Split(wrap(a.name, sideW), "\n")
		if lipgloss.Width(v) > sideW {
			// A narrow window: the mean and the change on lines of their own.
			lines = append(lines, strings.SplitN(v, " ", 2)...)
		} else {
			lines = append(lines, v)
		}
		cos := math.Cos(angle(k))
		switch {
		case math.Abs(cos) < 0.2 && math.Sin(angle(k)) > 0:
			above = append(above, a.name+" "+v)
		case math.Abs(cos) < 0.2:
			below = append(below, a.name+" "+v)
		case cos > 0:
			place(right, &nextRight, tips[k][1], lines)
		default:
			place(left, &nextLeft, tips[k][1], lines)
		}
	}

	var b strings.Builder
	centre := func(s string) string {
		s = truncate(s, w)
		return strings.Repeat(" ", max(0, (w-lipgloss.Width(s))/2)) + s + "\n"
	}
	for _, l := range above {
		b.WriteString(centre(l))
	}
	for row := range wheelH {
		var rb strings.Builder
		for _, cell := range grid[row] {
			if cell.r == ' ' {
				rb.WriteByte(' ')
				continue
			}
			rb.WriteString(cell.style.Render(string(cell.r)))
		}
		l := padLeft(truncate(left[row], sideW), sideW)
		r := truncate(right[row], sideW)
		b.WriteString(strings.TrimRight(l+" "+rb.String()+" "+r, " ") + "\n")
	}
	for _, l := range below {
		b.WriteString(centre(l))
	}
	return b.String()
}

// inside reports whether the point (x, y) lies inside the polygon pts
// (even-odd rule).
func inside(pts [][2]float64, x, y float64) bool {
	in := false
	for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
		xi, yi, xj, yj := pts[i][0], pts[i][1], pts[j][0], pts[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}
