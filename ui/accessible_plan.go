package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"digikomp/store"
	"digikomp/survey"
)

// The learning plan and the needs and resources inventory in accessible
// mode: numbered lists, answered by typing numbers, each step saved when
// it is given.

// parseNumbers reads numbers from 1 to n separated by spaces or commas,
// each once, in the order typed.
func parseNumbers(s string, n int) ([]int, bool) {
	var out []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		v, err := strconv.Atoi(f)
		if err != nil || v < 1 || v > n {
			return nil, false
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, true
}

// askNumbers asks for numbers from 1 to n, at most most of them (0: no
// limit); ok is false at end of input.
func (r *lineRunner) askNumbers(prompt string, n, most int) ([]int, bool) {
	p := r.c.cat.Plan
	v, ok := r.ask(prompt, func(s string) error {
		nums, ok := parseNumbers(s, n)
		if !ok {
			return fmt.Errorf(p.AccNumbers, n)
		}
		if most > 0 && len(nums) > most {
			return fmt.Errorf(p.AccLearnTooMany, most)
		}
		return nil
	})
	if !ok {
		return nil, false
	}
	nums, _ := parseNumbers(v, n)
	return nums, true
}

// planGoalLine says the newest plan's goal under the welcome text.
func (r *lineRunner) planGoalLine() error {
	b, err := loadPlanBase(r.cfg.Store, r.cfg.Profile)
	if err != nil {
		return err
	}
	if g := welcomeGoal(r.c, b); g != "" {
		r.say("%s", g)
	}
	return nil
}

// goalBesideLine says, before a result, the goal of the plan made after
// an earlier attempt and what changed.
func (r *lineRunner) goalBesideLine(a store.Attempt) error {
	b, err := loadPlanBase(r.cfg.Store, r.cfg.Profile)
	if err != nil {
		return err
	}
	if text := goalBeside(r.c, b, a); text != "" {
		r.say("%s", r.c.cat.Plan.ResultHeading)
		r.say("%s", text)
	}
	return nil
}

// offerPlan asks after a result whether to make a plan now.
func (r *lineRunner) offerPlan(a store.Attempt) (bool, error) {
	if r.cfg.ReadOnly != nil {
		return true, nil
	}
	i, ok := r.choose(r.c.cat.Plan.AccOffer, []string{r.c.cat.AccYes, r.c.cat.AccNo})
	if !ok {
		return false, nil
	}
	if i != 0 {
		return true, nil
	}
	return r.plan(a)
}

// plan makes or changes the plan of finished attempt a; false at end of
// input.
func (r *lineRunner) plan(a store.Attempt) (bool, error) {
	c, p := r.c, r.c.cat.Plan
	ps := r.cfg.Store
	if r.cfg.ReadOnly != nil {
		r.sayFailure(store.ErrReadOnly)
		return true, nil
	}
	stored, _, err := ps.Plan(a.ID)
	if err != nil {
		return false, err
	}
	stored = shownPlan(stored)
	m := newPlan(c, a, stored)
	r.say("")
	r.say("%s", p.Title)
	if m.suggested {
		r.say("%s", p.Intro)
	} else {
		r.say("%s", p.AllTopics)
	}
	for i, it := range m.items {
		r.say("")
		mark := ""
		if slices.Contains(m.chosen, it.Topic.ID) {
			mark = " " + p.AccChosenMark
		}
		r.say("%d. %s%s", i+1, it.Topic.Title.In(c.lang), mark)
		r.say("%s", suggestionText(c, it, a.Scores(), contentWidth(c)))
	}
	prompt := p.AccPick
	if len(m.chosen) > 0 {
		prompt = p.AccPickKeep
	}
	nums, ok := r.askNumbers(fmt.Sprintf(prompt, len(m.items)), len(m.items), 0)
	if !ok {
		return false, nil
	}
	if len(nums) > 0 { // Enter keeps the topics chosen before
		m.chosen = nil
		for _, n := range nums {
			m.chosen = append(m.chosen, m.items[n-1].Topic.ID)
		}
	}
	if stored.Goal != "" {
		r.say("%s %s", c.cat.DiscussionYours, stored.Goal)
	}
	goal, ok := r.ask(p.AccGoal, func(s string) error {
		if n := utf8.RuneCountInString(s); n > maxGoal {
			return errors.New(c.cat.AccTooLong + " " + fmt.Sprintf(c.cat.DiscussionCount, formatCount(c.lang, n), formatCount(c.lang, maxGoal)))
		}
		return nil
	})
	if !ok {
		return false, nil
	}
	if goal != "" {
		*m.goal = survey.CleanText(goal)
	}
	plan := m.result()
	if err := ps.SavePlan(a.ID, plan); err != nil {
		return false, err
	}
	r.say("%s", p.Saved)
	i, ok := r.choose(p.AccNeedsOffer, []string{c.cat.AccYes, c.cat.AccNo})
	if !ok {
		return false, nil
	}
	if i != 0 {
		return true, nil
	}
	return r.needs(ps, a, plan)
}

// needs asks the needs and resources inventory, saving each step.
func (r *lineRunner) needs(ps Store, a store.Attempt, plan store.Plan) (bool, error) {
	c, p := r.c, r.c.cat.Plan
	m := newNeeds(c, a, plan)
	r.say("")
	r.say("%s", p.NeedsTitle)
	r.say("%s", p.NeedsIntro)
	for i, t := range m.all {
		r.say("%d. %s", i+1, t.Title.In(c.lang))
	}
	ids := func(nums []int) []string {
		var out []string
		for _, n := range nums {
			out = append(out, m.all[n-1].ID)
		}
		return out
	}
	learn, ok := r.askNumbers(fmt.Sprintf(p.AccLearn, maxLearn, len(m.all)), len(m.all), maxLearn)
	if !ok {
		return false, nil
	}
	teach, ok := r.askNumbers(fmt.Sprintf(p.AccTeach, len(m.all)), len(m.all), 0)
	if !ok {
		return false, nil
	}
	slices.Sort(teach) // file order, as on the screen
	m.learn, m.teach = ids(learn), ids(teach)
	if err := ps.SavePlan(a.ID, m.result()); err != nil {
		return false, err
	}
	other, ok := r.ask(p.AccOther, func(s string) error {
		if n := utf8.RuneCountInString(s); n > maxOther {
			return errors.New(c.cat.AccTooLong + " " + fmt.Sprintf(c.cat.DiscussionCount, formatCount(c.lang, n), formatCount(c.lang, maxOther)))
		}
		return nil
	})
	if !ok {
		return false, nil
	}
	*m.other = other
	if err := ps.SavePlan(a.ID, m.result()); err != nil {
		return false, err
	}
	if len(m.teach) > 0 {
		i, ok := r.choose(p.AccShow, []string{p.NeedsShowYes, p.NeedsShowNo})
		if !ok {
			return false, nil
		}
		*m.show = i == 0
		if err := ps.SavePlan(a.ID, m.result()); err != nil {
			return false, err
		}
	}
	r.say("%s", p.Saved)
	return true, nil
}
