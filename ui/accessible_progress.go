package ui

import (
	"errors"
	"fmt"
	"strconv"

	"digikomp/store"
	"digikomp/survey"
)

// latest says the latest result with the change from the attempt before
// it; a history that cannot be read leaves the change out.
func (r *lineRunner) latest(a store.Attempt) error {
	c := r.c
	list, err := loadTaken(r.cfg.Store, r.cfg.Profile, c.q)
	if err != nil && fatalRead(err) {
		return err
	}
	var cur taken
	var prev *taken
	if n := len(list); n > 0 && err == nil {
		cur = list[n-1]
		if n > 1 {
			prev = &list[n-2]
		}
	} else {
		cur = takenWith(a, c.q)
	}
	r.sayResult(cur, prev)
	return nil
}

// sayResult says one attempt's result, with the change from prev.
func (r *lineRunner) sayResult(t taken, prev *taken) {
	res := newResultOf(r.c, t, prev, nil)
	r.say("")
	r.say("%s %s", r.c.cat.ResultTitle, formatDate(t.a.Finished))
	r.say("%s", res.page.body(r.c))
}

// progression says the history (and opens a result from it), the
// progress or the wheel as text. Only a damaged file is returned as an
// error; another failed read is said and the menu comes back.
func (r *lineRunner) progression(in intent) error {
	c := r.c
	p := c.cat.Progression
	list, err := loadTaken(r.cfg.Store, r.cfg.Profile, c.q)
	if err != nil {
		if fatalRead(err) {
			return err
		}
		r.say("%s", loadFailure(c, err, maxContent))
		return nil
	}
	r.say("")
	switch in.(type) {
	case intentHistory:
		r.say("%s", p.HistoryTitle)
		r.say("%s", historyText(c, list))
		if len(list) == 0 {
			return nil
		}
		v, ok := r.ask(fmt.Sprintf(p.AccHistoryPrompt, len(list)), func(s string) error {
			if n, err := strconv.Atoi(s); s == "" || err == nil && n >= 1 && n <= len(list) {
				return nil
			}
			return errors.New(c.cat.AccNumberInvalid)
		})
		if !ok || v == "" {
			return nil
		}
		// The list is newest first.
		n, _ := strconv.Atoi(v)
		i := len(list) - n
		var prev *taken
		if i > 0 {
			prev = &list[i-1]
		}
		r.sayResult(list[i], prev)
	case intentProgress:
		r.say("%s", p.ProgressTitle)
		ts := make([]survey.Taken, len(list))
		for i, t := range list {
			ts[i] = t.survey()
		}
		r.say("%s", progressBody(c, list, survey.Progress(ts)))
	case intentWheel:
		r.say("%s", p.WheelTitle)
		cur, prev := progression{list: list}.last()
		r.say("%s", wheelBody(c, cur, prev))
	}
	return nil
}
