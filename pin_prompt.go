package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"digikomp/store"
	"digikomp/ui"
)

// errNoInput means a prompt met the end of its input, or an empty line:
// no PIN or answer was given.
var errNoInput = errors.New("no input")

// maxLine is the longest line a prompt reads from a pipe; anything longer
// is not a PIN or a yes.
const maxLine = 4096

// prompter asks the person at the terminal, or reads the lines a script
// pipes in. Prompts go to the error stream so that standard output holds
// only what the command was asked for (a history, an export).
type prompter struct {
	in     *os.File
	out    io.Writer // prompts
	tty    bool
	lines  *bufio.Reader // standard input when it is not a terminal
	readPW func(fd int) ([]byte, error)
}

func newPrompter(in *os.File, out io.Writer) *prompter {
	p := &prompter{in: in, out: out, readPW: term.ReadPassword}
	if in != nil {
		p.tty = term.IsTerminal(int(in.Fd()))
	}
	return p
}

// secret reads a PIN: on a terminal typed without echo after the
// prompt, otherwise one line of standard input, without its line end.
// An empty PIN is errNoInput.
func (p *prompter) secret(prompt string) (string, error) {
	if !p.tty {
		return p.line()
	}
	fmt.Fprint(p.out, prompt)
	b, err := p.readPW(int(p.in.Fd()))
	fmt.Fprintln(p.out) // the Enter typed was not echoed
	if err != nil {
		return "", err
	}
	if len(b) == 0 {
		return "", errNoInput
	}
	return string(b), nil
}

// answer shows prompt and reads one line typed at the terminal.
func (p *prompter) answer(prompt string) (string, error) {
	fmt.Fprint(p.out, prompt)
	return p.line()
}

// line reads one line of standard input without its line end.
func (p *prompter) line() (string, error) {
	if p.in == nil {
		return "", errNoInput
	}
	if p.lines == nil {
		p.lines = bufio.NewReaderSize(p.in, maxLine)
	}
	s, err := p.lines.ReadString('\n')
	if err != nil && (!errors.Is(err, io.EOF) || s == "") {
		if errors.Is(err, io.EOF) {
			return "", errNoInput
		}
		return "", err
	}
	s = strings.TrimRight(s, "\r\n")
	if s == "" {
		return "", errNoInput
	}
	return s, nil
}

// newPIN asks for a new PIN, twice on a terminal so that a typing
// mistake is caught; once from a pipe. It returns the exit code to stop
// with when no PIN was given or the two differ.
func (p *prompter) newPIN(cat *ui.Catalog, stderr io.Writer) (string, int) {
	pin, err := p.secret(cat.Cmd.PINNew)
	if err != nil {
		fmt.Fprintln(stderr, cat.Cmd.PINNoInput)
		return "", exitPIN
	}
	if p.tty {
		again, err := p.secret(cat.Cmd.PINAgain)
		if err != nil || again != pin {
			fmt.Fprintln(stderr, cat.Cmd.PINMismatch)
			return "", exitPIN
		}
	}
	return pin, exitOK
}

// pinChecker is the part of the store that judges a PIN.
type pinChecker interface {
	CheckPIN(id, pin string, at time.Time) (store.PINCheck, error)
}

// unlock asks for the PIN of a protected profile and has the store judge
// it. It returns exitOK when the profile is not protected or the PIN is
// right; otherwise it has said why (a wrong PIN, a wait still running,
// no PIN given) and returns the code to stop with. Wrong tries are
// counted in the file, so the wait holds across runs.
func unlock(st pinChecker, p store.Profile, ask *prompter, cat *ui.Catalog, path string, stderr io.Writer, now func() time.Time) int {
	if !p.Protected {
		return exitOK
	}
	name := profileName(cat, p)
	pin, err := ask.secret(fmt.Sprintf(cat.Cmd.PINPrompt, name))
	if err != nil {
		fmt.Fprintf(stderr, cat.Cmd.ErrNeedsPINTTY+"\n", name)
		return exitPIN
	}
	at := now()
	check, err := st.CheckPIN(p.ID, pin, at)
	switch {
	case errors.Is(err, store.ErrPINWait):
		fmt.Fprintf(stderr, cat.Cmd.PINWait+"\n", waitText(cat, check.WaitUntil.Sub(at)))
		return exitPIN
	case err != nil:
		fmt.Fprintln(stderr, storeError(cat, path, err))
		return storeExitCode(err)
	case check.OK:
		return exitOK
	case check.WaitUntil.After(at):
		fmt.Fprintf(stderr, cat.Cmd.PINWrongWait+"\n", name, waitText(cat, check.WaitUntil.Sub(at)))
	default:
		fmt.Fprintf(stderr, cat.Cmd.PINWrong+"\n", name)
	}
	return exitPIN
}

// waitText says a wait in whole seconds, rounded up, at least one.
func waitText(cat *ui.Catalog, d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	if s <= 1 {
		return cat.Cmd.OneSecond
	}
	return fmt.Sprintf(cat.Cmd.Seconds, s)
}
