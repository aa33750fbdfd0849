package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/ui"
)

// endSignals ask the program to end: SIGTERM from a shutdown or a
// facilitator's script, SIGHUP from a closed window or a dropped
// connection, SIGINT sent from outside (in the full screen Ctrl+C itself
// is a key). Each pauses exactly as q does: a typed discussion draft is
// saved, the terminal is restored, the paused line is printed and the
// exit code is 0, because nothing given is lost. Bubble Tea's own handler
// would turn SIGINT into an error (exit 1, in English) and SIGTERM into a
// quit that skips the draft, and it ignores SIGHUP, whose default ends
// the process with the terminal left raw.
var endSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// catchEndSignals starts catching endSignals, holding them until
// pauseOnSignals hands them to a program.
func catchEndSignals() chan os.Signal {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, endSignals...)
	return sigs
}

// pauseOnSignals sends p a pause for every signal caught on sigs, until
// the returned function is called after p has ended. A signal that came
// before p started waits for its event loop. Signals stay caught after
// stop, and are then ignored: the program is only closing the store and
// printing the paused line, which a second signal must not cut short.
func pauseOnSignals(p *tea.Program, sigs chan os.Signal) (stop func()) {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-sigs:
				p.Send(ui.PauseMsg{})
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// exitOnSignal ends line mode (--accessible) at the first signal caught
// on sigs, Ctrl+C included, which the terminal turns into SIGINT there.
// Line mode waits in a read of the terminal that no signal interrupts, so
// the process ends here rather than in run. Every answer given is
// already saved, and closing the store waits for a save under way; as
// when pausing with p, the paused line follows if a test is unfinished.
func exitOnSignal(sigs chan os.Signal, st *store.Store, paused string, stdout io.Writer) {
	<-sigs
	_, unfinished, err := st.Unfinished(store.LocalProfile)
	_ = st.Close()
	if err == nil && unfinished {
		// On a fresh line: the terminal has echoed "^C" after the prompt.
		fmt.Fprintf(stdout, "\n%s\n", paused)
	}
	os.Exit(exitOK)
}
