package store

import (
	"fmt"
	"strconv"
)

// verifyPlansAndDefinitions checks the buckets of schema 4's plans and
// questionnaire definitions: every definition decodes, is stored under
// the number of a recorded questionnaire version and has that version's
// id, number and shape; every plan decodes strictly and belongs to a
// finished attempt. shapes are the decodable shapes by key, finishedAt
// the finished attempts and broken the attempts already reported as not
// decoding.
func verifyPlansAndDefinitions(b buckets, v *Verification, shapes map[string]shape, finishedAt map[AttemptID]historyMark, broken map[AttemptID]bool) {
	numbered := make(map[uint64]numberedShape, len(shapes))
	for k, sh := range shapes {
		if qid, version, err := splitShapeKey([]byte(k)); err == nil {
			numbered[sh.number] = numberedShape{qid, version, sh}
		}
	}
	_ = b.definitions.ForEach(func(k, raw []byte) error {
		if len(k) != 8 {
			v.problem(Problem{Kind: ProblemDefinition, Record: fmt.Sprintf("%x", k), Detail: fmt.Sprintf("a key of %d bytes", len(k))})
			return nil
		}
		n := u64(k)
		ns, ok := numbered[n]
		if !ok {
			v.problem(Problem{Kind: ProblemDefinition, Record: strconv.FormatUint(n, 10), Detail: "no questionnaire version has this number"})
			return nil
		}
		if _, err := decodeDefinition(raw, ns.questionnaireID, ns.version, ns.sh); err != nil {
			v.problem(Problem{Kind: ProblemDefinition, Record: strconv.FormatUint(n, 10), Detail: detail(err)})
		}
		return nil
	})
	_ = b.plans.ForEach(func(k, raw []byte) error {
		id, err := indexedID(k)
		if err != nil {
			v.problem(Problem{Kind: ProblemPlan, Record: fmt.Sprintf("%x", k), Detail: detail(err)})
			return nil
		}
		if _, err := decodePlan(raw); err != nil {
			v.problem(Problem{Kind: ProblemPlan, Record: id.String(), Detail: detail(err)})
			return nil
		}
		if _, finished := finishedAt[id]; !finished && !broken[id] {
			what := "its attempt is not finished"
			if b.attempts.Get(id[:]) == nil {
				what = "its attempt does not exist"
			}
			v.problem(Problem{Kind: ProblemPlan, Record: id.String(), Detail: what})
		}
		return nil
	})
}
