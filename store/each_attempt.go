package store

import ()

// EachAttempt calls fn with every attempt f picks, finished or not, as
// Attempt reads it (Workshop and Manager filled), with its plan (nil if
// none was made) and its profile (Name "" for the default profile and an
// anonymous one). It is one read transaction that seeks a workshop or a
// round through the workshop index as EachRespondent does, and what an
// export of a group reads. Unlike EachRespondent it gives ids, times,
// free text and names: its caller decides what of them leaves the
// program. fn runs inside the read transaction and must not call the
// store; an error from it stops the walk and is returned.
func (s *Store) EachAttempt(f GroupFilter, fn func(a Attempt, plan *Plan, profile Profile) error) (err error) {
	defer s.withPath(&err)
	if err := f.check(); err != nil {
		return err
	}
	return s.viewBuckets(func(b buckets) error {
		named := map[string]Profile{} // anonymous profiles are one per attempt: not kept
		return unsafeEachInGroup(b, f, func(id AttemptID, _ []byte) error {
			a, err := unsafeLoadAttempt(b, id)
			if err != nil {
				return err
			}
			var plan *Plan
			if a.Done() {
				p, ok, err := unsafePlan(b, id)
				if err != nil {
					return err
				}
				if ok {
					plan = &p
				}
			}
			prof, ok := named[a.ProfileID]
			if !ok {
				rec, found, err := unsafeGetProfile(b.profiles, a.ProfileID)
				if err != nil {
					return err
				}
				prof = Profile{ID: a.ProfileID}
				if found {
					prof = rec.profile()
				}
				if !prof.Anonymous {
					named[a.ProfileID] = prof
				}
			}
			return fn(a, plan, prof)
		})
	})
}
