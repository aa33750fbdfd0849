package ui

import (
	"fmt"
	"slices"
	"strings"

	"digikomp/store"
	"digikomp/survey"
)

// topicTitles names the topics of ids that exist, in order.
func topicTitles(c *common, ids []string) []string {
	all, _ := survey.Topics()
	var out []string
	for _, id := range ids {
		if t, ok := survey.TopicByID(all, id); ok {
			out = append(out, t.Title.In(c.lang))
		}
	}
	return out
}

// welcomeGoal is the line the welcome screen shows for the newest plan:
// its goal, or the topics chosen when no goal was written.
func welcomeGoal(c *common, b *planBase) string {
	if b == nil {
		return ""
	}
	if g := strings.TrimSpace(b.plan.Goal); g != "" {
		return fmt.Sprintf(c.cat.Plan.WelcomeGoal, oneLine(g))
	}
	if t := topicTitles(c, b.plan.Topics); len(t) > 0 {
		return fmt.Sprintf(c.cat.Plan.WelcomeTopics, strings.Join(t, ", "))
	}
	return ""
}

// welcomeGoalLines is how many lines the goal may take on the welcome
// screen: a goal can be a thousand characters, the menu must stay in view.
const welcomeGoalLines = 2

// goalLines wraps the goal line to w, cut after welcomeGoalLines lines.
func goalLines(s string, w int) string {
	lines := strings.Split(wrap(s, w), "\n")
	if len(lines) > welcomeGoalLines {
		lines = lines[:welcomeGoalLines]
		lines[welcomeGoalLines-1] = truncate(lines[welcomeGoalLines-1]+" …", w)
		if !strings.HasSuffix(lines[welcomeGoalLines-1], "…") {
			lines[welcomeGoalLines-1] += "…"
		}
	}
	return strings.Join(lines, "\n")
}

// oneLine joins the lines of a goal for a one-line place.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// goalBeside is what the result of attempt a says about the plan made
// after an earlier attempt: the goal, then for each area the chosen topics
// link to, how its mean changed ("Ditt mål var …; området Säkerhet
// ändrades +1,2."). Empty when the plan is of a itself or of no earlier
// attempt, or says nothing.
func goalBeside(c *common, b *planBase, a store.Attempt) string {
	if b == nil || b.attempt.ID == a.ID || !b.attempt.Finished.Before(a.Finished) {
		return ""
	}
	p := c.cat.Plan
	var parts []string
	if g := strings.TrimSpace(b.plan.Goal); g != "" {
		parts = append(parts, fmt.Sprintf(p.ResultGoal, oneLine(g)))
	} else if t := topicTitles(c, b.plan.Topics); len(t) > 0 {
		parts = append(parts, fmt.Sprintf(p.ResultTopics, strings.Join(t, ", ")))
	} else {
		return ""
	}
	all, _ := survey.Topics()
	var areas []string
	for _, id := range b.plan.Topics {
		if t, ok := survey.TopicByID(all, id); ok {
			for _, ar := range t.Areas {
				if !slices.Contains(areas, ar) {
					areas = append(areas, ar)
				}
			}
		}
	}
	cmp := survey.Compare(survey.Taken{Q: c.q, Ratings: b.attempt.Scores()}, survey.Taken{Q: c.q, Ratings: a.Scores()})
	for _, ar := range c.q.Areas { // questionnaire order
		if !slices.Contains(areas, ar.ID) {
			continue
		}
		d, ok := cmp.Area(ar.ID)
		if !ok || !d.Known() {
			parts = append(parts, fmt.Sprintf(p.ResultSame, ar.Name.In(c.lang)))
			continue
		}
		parts = append(parts, fmt.Sprintf(p.ResultArea, ar.Name.In(c.lang), signedTenths(c.lang, d.Tenths())))
	}
	return strings.Join(parts, "; ") + "."
}

// withGoal sets the goal of an earlier plan above the result.
func (m resultModel) withGoal(c *common, b *planBase) resultModel {
	text := goalBeside(c, b, m.attempt)
	if text == "" || m.page.body == nil {
		return m
	}
	body := m.page.body
	m.page.body = func(c *common) string {
		w := contentWidth(c)
		return c.st.Strong.Render(c.cat.Plan.ResultHeading) + "\n" + wrap(text, w) + "\n\n" + body(c)
	}
	m.page.setSize(c)
	return m
}

// ownPlanText is the plan made after an attempt, as its result shows it
// when it is opened again (from the menu or the history): goal, topics,
// the needs ranked and what the person could teach. Empty for an empty
// plan.
func ownPlanText(c *common, p store.Plan) string {
	pc := c.cat.Plan
	var lines []string
	add := func(format string, v string) {
		if v != "" {
			lines = append(lines, fmt.Sprintf(format, v))
		}
	}
	add(pc.OwnGoal, oneLine(p.Goal))
	add(pc.OwnTopics, strings.Join(topicTitles(c, p.Topics), ", "))
	var learn []string
	for i, t := range topicTitles(c, p.Learn) {
		learn = append(learn, fmt.Sprintf("%d. %s", i+1, t))
	}
	add(pc.OwnLearn, strings.Join(learn, ", "))
	add(pc.OwnTeach, strings.Join(topicTitles(c, p.Teach), ", "))
	add(pc.OwnOther, oneLine(p.Other))
	return strings.Join(lines, "\n")
}

// withOwnPlan sets the attempt's own plan above its result.
func (m resultModel) withOwnPlan(c *common, p store.Plan) resultModel {
	text := ownPlanText(c, p)
	if text == "" || m.page.body == nil {
		return m
	}
	body := m.page.body
	m.page.body = func(c *common) string {
		w := contentWidth(c)
		var b strings.Builder
		b.WriteString(c.st.Strong.Render(c.cat.Plan.OwnHeading) + "\n")
		for _, l := range strings.Split(text, "\n") {
			b.WriteString(wrap(l, w) + "\n")
		}
		return b.String() + "\n" + body(c)
	}
	m.page.setSize(c)
	return m
}
