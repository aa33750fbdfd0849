package ui

import (
	"fmt"
	"strings"
	"time"

	"digikomp/store"
)

// profileCommon is what every screen may know of the person: the name
// shown (empty for the default profile), the retake interval, and the
// clock.
type profileCommon struct {
	who    string
	retake time.Duration
	now    func() time.Time
}

// profileItems are the welcome menu's entries for people and settings.
func profileItems(c *common) []menuItem {
	return []menuItem{
		{c.cat.Profiles.MenuSwitch, intentSwitch{}},
		{c.cat.Profiles.MenuProfiles, intentProfiles{}},
		{c.cat.Profiles.MenuSettings, intentSettings{}},
	}
}

// profileInfo is what the welcome screen says of the person: their name
// if they have one, how long ago their last test was, and, once the
// retake interval has passed and no test is under way, a suggestion to
// take it again.
func profileInfo(c *common, unfinished, latest *store.Attempt) []string {
	var lines []string
	cat := c.cat.Profiles
	who := ""
	if c.prof.who != "" {
		who = fmt.Sprintf(cat.Who, c.prof.who)
	}
	if latest == nil || c.prof.now == nil {
		if who != "" {
			lines = append(lines, who)
		}
		return lines
	}
	now := c.prof.now()
	// The name and the last test share a line where they fit.
	lines = append(lines, strings.TrimSpace(who+" "+fmt.Sprintf(cat.LastTest, ago(c, latest.Finished, now))))
	if unfinished == nil && c.prof.retake > 0 && now.Sub(latest.Finished) >= c.prof.retake {
		lines = append(lines, fmt.Sprintf(cat.RetakeDue, interval(c, c.prof.retake)))
	}
	return lines
}

// welcomeInfo renders profileInfo's lines for the welcome screen.
func welcomeInfo(c *common, lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	w := contentWidth(c)
	var b strings.Builder
	for _, l := range lines {
		st := c.st.Body
		if isRetake(c, l) {
			st = c.st.Strong
		}
		b.WriteString(st.Render(wrap(l, w)) + "\n")
	}
	return b.String() + "\n"
}

func isRetake(c *common, line string) bool {
	prefix, _, _ := strings.Cut(c.cat.Profiles.RetakeDue, "%s")
	return strings.HasPrefix(line, prefix)
}

// ago says how long before now t was, in calendar days, months or years
// of local time: "i dag", "för 4 månader sedan".
func ago(c *common, t, now time.Time) string {
	cat := c.cat.Profiles
	t, now = t.Local(), now.Local()
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	days := int(time.Date(y2, m2, d2, 12, 0, 0, 0, time.UTC).Sub(time.Date(y1, m1, d1, 12, 0, 0, 0, time.UTC)).Hours() / 24)
	months := (y2-y1)*12 + int(m2-m1)
	if d2 < d1 {
		months--
	}
	switch {
	case days <= 0:
		return cat.AgoToday
	case days == 1:
		return cat.AgoDay
	case months < 1:
		return fmt.Sprintf(cat.AgoDays, days)
	case months == 1:
		return cat.AgoMonth
	case months < 12:
		return fmt.Sprintf(cat.AgoMonths, months)
	case months < 24:
		return cat.AgoYear
	}
	return fmt.Sprintf(cat.AgoYears, months/12)
}

// interval says a retake interval: in months when it is a whole number
// of 30-day months, else in days.
func interval(c *common, d time.Duration) string {
	cat := c.cat.Profiles
	days := int(d / (24 * time.Hour))
	switch {
	case days == 30:
		return cat.EveryMonth
	case days > 0 && days%30 == 0:
		return fmt.Sprintf(cat.EveryMonths, days/30)
	case days == 1:
		return cat.EveryDay
	}
	return fmt.Sprintf(cat.EveryDays, days)
}

// menuWindow is the part of a menu of n entries that fits under head and
// above tail in the window, around the cursor: all of it when it fits
// (or before the window size is known).
func menuWindow(c *common, head, tail string, n, cursor int) (first, last int) {
	if c.height == 0 {
		return 0, n
	}
	// The body is head, the entries and tail; the footer (the key help
	// and a store error) takes 1 + c.notice rows under it.
	room := max(3, c.height-strings.Count(head, "\n")-strings.Count(tail, "\n")-1-c.notice)
	if n <= room {
		return 0, n
	}
	first = max(0, min(cursor-room/2, n-room))
	return first, first + room
}
