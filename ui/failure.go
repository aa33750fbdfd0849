package ui

import (
	"errors"
	"fmt"

	"digikomp/store"
)

// Cause is the sentence for a cause of failure a person can act on (what
// happened and what to do), or "" for store.KindOther.
func (c *Catalog) Cause(k store.Kind) string {
	switch k {
	case store.KindFull:
		return c.CauseFull
	case store.KindReadOnly:
		return c.CauseReadOnly
	case store.KindDenied:
		return c.CauseDenied
	case store.KindGone:
		return c.CauseGone
	}
	return ""
}

// SaveFailure phrases a failed save: that nothing was saved, why and what
// to do when the cause is one the person can act on, and that what was
// given before is kept (unless the file itself went away). The second
// result is DetailLine, for a muted line of its own.
func (c *Catalog) SaveFailure(err error) (sentence, detail string) {
	return c.Failure(c.NotSaved, err)
}

// Failure is SaveFailure with another first sentence.
func (c *Catalog) Failure(lead string, err error) (sentence, detail string) {
	k := store.KindOf(err)
	sentence = join(lead, c.Cause(k))
	if k != store.KindGone {
		sentence = join(sentence, c.SaveKept)
	}
	return sentence, c.DetailLine(err)
}

// DetailLine is the muted line under a failure: the system's error
// number and file where there is one, which read the same in every
// language. Without one it is the error's own words, or "" when the cause
// sentence already says all there is (a file removed, a read-only store).
func (c *Catalog) DetailLine(err error) string {
	if d, ok := store.SystemDetail(err); ok {
		return fmt.Sprintf(c.Detail, d)
	}
	if store.KindOf(err) != store.KindOther {
		return ""
	}
	return fmt.Sprintf(c.Detail, err)
}

// readOnlyErr is the error a save meets in a store opened read-only:
// its reason, the error that kept the file from being opened for
// writing, when there is one.
func readOnlyErr(err, reason error) error {
	if reason != nil && errors.Is(err, store.ErrReadOnly) {
		return reason
	}
	return err
}

// readOnlyNotice is what the welcome screen says when the file can only
// be read, and the system's words for why; "" when it can be written.
func (c *common) readOnlyNotice() (notice, detail string) {
	if c.readOnly == nil {
		return "", ""
	}
	return join(c.cat.ReadOnlyNotice, c.cat.Cause(store.KindOf(c.readOnly))), c.cat.DetailLine(c.readOnly)
}

// WithDetail puts a detail line, if there is one, under text.
func WithDetail(text, detail string) string {
	if detail == "" {
		return text
	}
	return text + "\n" + detail
}

// join puts two sentences after each other, either possibly empty.
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}
