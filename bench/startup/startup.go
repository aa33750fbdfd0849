// Package startup runs digikomp's start-up to the first frame without a
// terminal: what happens between starting the program and the welcome menu
// being drawn, minus the terminal itself. The ui benchmark and bench/rss
// share it; nothing in the application imports it.
package startup

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// Width and Height are the window the first frame is drawn for.
const (
	Width  = 80
	Height = 24
)

// maxMessages bounds the messages fed to the model before the first
// frame; the welcome screen needs one (the load), so more means the model
// is waiting for something a benchmark cannot give it.
const maxMessages = 16

// lockWait replaces main's one-second wait for another window's lock, so
// that benchmarks of two packages sharing a database directory wait for
// each other instead of failing. Uncontended, it costs nothing.
const lockWait = time.Minute

// FirstFrame opens the database at path as main does, builds the root model for the profile, runs Init and feeds
// every resulting message to Update until no command is left, sends a
// WindowSizeMsg and renders the first frame, then closes the store.
func FirstFrame(path string, q *survey.Questionnaire, profile string) (frame string, err error) {
	st, err := store.Open(path, store.Options{Timeout: lockWait})
	if err != nil {
		return "", err
	}
	defer func() {
		if cerr := st.Close(); err == nil {
			err = cerr
		}
	}()
	// main also reads the unfinished attempt once more before starting
	// the interface (checkResumable): one index lookup, as below.
	var m tea.Model = ui.New(ui.Config{
		Store: st, Questionnaire: q, Lang: survey.Swedish, Profile: profile, DBPath: path,
	})
	cmds := []tea.Cmd{m.Init()}
	fed := 0
	for len(cmds) > 0 {
		cmd := cmds[0]
		cmds = cmds[1:]
		if cmd == nil {
			continue
		}
		switch msg := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			cmds = append(cmds, msg...)
		default:
			if fed++; fed > maxMessages {
				return "", fmt.Errorf("start-up: still busy after %d messages (last %T)", maxMessages, msg)
			}
			var next tea.Cmd
			m, next = m.Update(msg)
			cmds = append(cmds, next)
		}
	}
	m, _ = m.Update(tea.WindowSizeMsg{Width: Width, Height: Height})
	return m.View(), nil
}
