package store

import (
	"fmt"

	"digikomp/survey"
)

// verifyWorkshops checks schema 5's buckets: every workshop record
// decodes strictly under its own id; every extras record belongs to an
// existing attempt, decodes strictly, names an existing workshop with an
// index entry for the attempt, and gives a managers' answer only for a
// manager; every index entry names an existing workshop and an existing
// attempt whose extras record names that workshop. managers holds every
// attempt that decoded (true for a manager), broken those that did not.
func verifyWorkshops(b buckets, v *Verification, managers, broken map[AttemptID]bool) {
	workshops := map[string]bool{}
	_ = b.workshops.ForEach(func(k, raw []byte) error {
		if _, err := unsafeDecodeWorkshop(k, raw); err != nil {
			v.problem(Problem{Kind: ProblemWorkshop, Record: string(k), Detail: detail(err)})
			return nil
		}
		workshops[string(k)] = true
		return nil
	})
	exists := func(id AttemptID) bool {
		_, ok := managers[id]
		return ok || broken[id]
	}
	named := map[AttemptID]string{} // attempt → the workshop its extras record names
	_ = b.extras.ForEach(func(k, raw []byte) error {
		id, err := indexedID(k)
		if err != nil {
			v.problem(Problem{Kind: ProblemExtra, Record: fmt.Sprintf("%x", k), Detail: detail(err)})
			return nil
		}
		e, err := decodeExtra(raw)
		switch {
		case err != nil:
			v.problem(Problem{Kind: ProblemExtra, Record: id.String(), Detail: detail(err)})
			return nil
		case !exists(id):
			v.problem(Problem{Kind: ProblemExtra, Record: id.String(), Detail: "its attempt does not exist"})
			return nil
		case e.Manager != "" && !broken[id] && !managers[id]:
			v.problem(Problem{Kind: ProblemExtra, Record: id.String(), Detail: "a managers' answer of someone whose role is not manager"})
		}
		if e.Workshop == "" {
			return nil
		}
		named[id] = e.Workshop
		if !workshops[e.Workshop] && b.workshops.Get([]byte(e.Workshop)) == nil {
			v.problem(Problem{Kind: ProblemExtra, Record: id.String(), Detail: fmt.Sprintf("workshop %q does not exist", survey.Visible(e.Workshop))})
		}
		if b.byWorkshop.Get(workshopIndexKey(e.Workshop, id)) == nil {
			v.problem(Problem{Kind: ProblemExtra, Record: id.String(), Detail: fmt.Sprintf("no index entry under workshop %q", survey.Visible(e.Workshop))})
		}
		return nil
	})
	_ = b.byWorkshop.ForEach(func(k, raw []byte) error {
		record := fmt.Sprintf("%x", k)
		w, id, err := splitWorkshopIndexKey(k)
		switch {
		case err != nil:
			v.problem(Problem{Kind: ProblemWorkshopIndex, Record: record, Detail: detail(err)})
		case len(raw) != 0:
			v.problem(Problem{Kind: ProblemWorkshopIndex, Record: record, Detail: fmt.Sprintf("a value of %d bytes", len(raw))})
		case b.workshops.Get([]byte(w)) == nil:
			v.problem(Problem{Kind: ProblemWorkshopIndex, Record: record, Detail: fmt.Sprintf("workshop %q does not exist", survey.Visible(w))})
		case !exists(id):
			v.problem(Problem{Kind: ProblemWorkshopIndex, Record: record, Detail: fmt.Sprintf("attempt %s does not exist", id)})
		case named[id] != w:
			v.problem(Problem{Kind: ProblemWorkshopIndex, Record: record, Detail: fmt.Sprintf("attempt %s is not recorded as taken in workshop %q", id, survey.Visible(w))})
		}
		return nil
	})
}
