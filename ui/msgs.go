package ui

import (
	"time"

	"digikomp/store"
)

// Messages that carry the results of store calls back to the root model.
// A save is reported only after its transaction has committed, and the
// screen moves on only then.
type (
	// loadedMsg reports what the welcome screen offers: an unfinished
	// attempt to continue and the latest finished one, if any.
	loadedMsg struct {
		unfinished *store.Attempt
		latest     *store.Attempt
		plan       *planBase // the newest plan, if any
	}
	// startedMsg carries a newly started attempt.
	startedMsg struct{ attempt store.Attempt }
	// savedMsg reports a committed answer or position; apply records it
	// in the in-memory copy of the attempt, next is the stored position,
	// and move says whether the screen should go there now.
	savedMsg struct {
		apply func(*store.Attempt)
		next  store.Position
		move  bool
	}
	// finishedMsg reports that the attempt was marked finished.
	finishedMsg struct{ at time.Time }
	// discardedMsg reports that an unfinished attempt was thrown away.
	discardedMsg struct{}
	// draftSavedMsg reports the save of the discussion answer being
	// written when the person paused; the program ends after it.
	draftSavedMsg struct{ err error }
	// errMsg reports a failed store call. Saving errors are shown and
	// nothing moves on, so the person can try again or quit.
	errMsg struct{ err error }
)

// PauseMsg asks the interface to pause and end exactly as q does,
// keeping a typed discussion draft. main sends it when a signal (SIGTERM,
// SIGHUP, SIGINT from outside) asks the program to end.
type PauseMsg struct{}
