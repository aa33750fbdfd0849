package ui

import (
	"fmt"
	"strings"
)

// sayGroup says the group view of pick in accessible mode: the same
// numbers as the screen, one sentence per line, the discussion answers
// shuffled as on the screen. Only a damaged file is returned as an error;
// another failed read is said. Workshop mode's line runner calls it after
// the facilitator PIN.
func (r *lineRunner) sayGroup(pick groupPick) error {
	c := r.c
	report, answers, err := loadGroup(r.cfg.Store, c.q, pick.filter, true)
	if err != nil {
		if fatalRead(err) {
			return err
		}
		r.say("%s", strings.TrimRight(groupFailure(c, c.cat.Group.LoadFailed, err, maxContent), "\n"))
		return nil
	}
	r.say("")
	r.say("%s", fmt.Sprintf(c.cat.Group.TitleOf, pick.name))
	body := groupBody(c, groupData{name: pick.name, report: report, answers: shuffleAnswers(answers, uint64(r.cfg.Now().UnixNano()))})
	r.say("%s", strings.TrimRight(body, "\n"))
	return nil
}
