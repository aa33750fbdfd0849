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
// retake interval has passed, a suggestion to take it again.
func profileInfo(c *common, latest *store.Attempt) []string {
	var lines []string
	cat := c.cat.Profiles
	if c.prof.who != "" {
		lines = append(lines, fmt.Sprintf(cat.Who, c.prof.who))
	}
	if latest == nil || c.prof.now == nil {
		return lines
	}
	now := c.prof.now()
	lines = append(lines, fmt.Sprintf(cat.LastTest, ago(c, latest.Finished, now)))
	if c.prof.retake > 0 && now.Sub(latest.Finished) >= c.prof.retake {
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
