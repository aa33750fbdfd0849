package ui

import (
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// page is a scrolling body under a title line, for screens that can be
// longer than the window (the result, the discussion questions).
type page struct {
	vp   viewport.Model
	body func(*common) string
}

// headerLines and footerLines are the rows around the scrolling part.
const (
	headerLines = 2
	footerLines = 2
)

func newPage(c *common, body func(*common) string) page {
	p := page{vp: viewport.New(0, 0), body: body}
	p.setSize(c)
	return p
}

// setSize fits the page to the window and re-wraps its text.
func (p *page) setSize(c *common) {
	if p.body == nil {
		return
	}
	h := c.height - headerLines - footerLines - c.notice
	if c.height == 0 {
		h = 20
	}
	p.vp.Width, p.vp.Height = contentWidth(c), max(1, h)
	p.vp.SetContent(p.body(c))
}

func (p page) update(msg tea.Msg) (page, tea.Cmd) {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

// view renders the title line, which says when there is more below, and
// the visible part of the body.
func (p page) view(c *common, title, right string) string {
	if !p.vp.AtBottom() {
		right = c.cat.MoreBelow + "  " + right
	}
	return titleLine(c, title, right, contentWidth(c)) + "\n\n" + p.vp.View()
}
