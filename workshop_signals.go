package main

import (
	"os"
	"os/signal"
	"syscall"
)

// lineSignals is what ends line mode (--accessible). In workshop mode
// Ctrl+C, which the terminal turns into SIGINT there, is ignored, so that
// a participant cannot drop to the shell of the facilitator's laptop; the
// facilitator leaves through the menu with the facilitator PIN. SIGTERM
// and SIGHUP still end it, so the machine's owner can always stop it.
func lineSignals(workshop bool) chan os.Signal {
	if !workshop {
		return catchEndSignals()
	}
	signal.Ignore(syscall.SIGINT)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP)
	return sigs
}
