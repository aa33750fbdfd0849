package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// runProfile is `digikomp profile list|add|rename|delete|pin …`: the
// profiles of the database, managed without the interface.
func runProfile(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	flags, common := newFlagSet()
	withPIN := flags.Bool("pin", false, "")
	yes := flags.Bool("yes", false, "")
	remove := flags.Bool("remove", false, "")
	rest, code, done := common.parse(flags, args, stdout, stderr)
	if done {
		return code
	}
	cat := ui.Messages(common.lang)
	usage := func(s string) int {
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", s)
		return exitUsage
	}
	if len(rest) == 0 {
		return usage(cat.Cmd.ErrProfileNoVerb)
	}
	verb, names := rest[0], rest[1:]
	c := &profileCmd{cat: cat, path: common.db, stdout: stdout, stderr: stderr, ask: newPrompter(stdin, stderr), now: time.Now}
	switch verb {
	case "list", "ls":
		if len(names) > 0 {
			return usage(fmt.Sprintf(cat.ErrUnexpectedArg, survey.Visible(names[0])))
		}
		return c.list()
	case "add", "new":
		if len(names) != 1 || names[0] == "" {
			return usage(cat.Cmd.ErrAddArgs)
		}
		return c.add(names[0], *withPIN)
	case "rename":
		if len(names) != 2 || names[0] == "" || names[1] == "" {
			return usage(cat.Cmd.ErrRenameArgs)
		}
		return c.rename(names[0], names[1])
	case "delete", "remove", "rm":
		if len(names) != 1 || names[0] == "" {
			return usage(cat.Cmd.ErrDeleteArgs)
		}
		return c.delete(names[0], *yes)
	case "pin":
		if len(names) != 1 || names[0] == "" {
			return usage(cat.Cmd.ErrPINArgs)
		}
		return c.pin(names[0], *remove)
	}
	return usage(fmt.Sprintf(cat.Cmd.ErrProfileVerb, survey.Visible(verb)))
}

// profileCmd is one run of a profile command.
type profileCmd struct {
	cat            *ui.Catalog
	path           string
	stdout, stderr io.Writer
	ask            *prompter
	now            func() time.Time
}

func (c *profileCmd) fail(err error) int {
	fmt.Fprintln(c.stderr, storeError(c.cat, c.path, err))
	return storeExitCode(err)
}

// list writes one line per profile: its name, and for a profile without
// a PIN how many finished attempts it has and the date of the latest. Of
// a protected profile only the name is shown.
func (c *profileCmd) list() int {
	st, code := openForCommand(c.cat, c.path, false, true, c.stderr)
	if code != exitOK {
		return code
	}
	defer st.Close()
	profiles, err := st.Profiles()
	if err != nil {
		return c.fail(err)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	named := 0
	for _, p := range profiles {
		if p.Anonymous {
			continue
		}
		if p.ID != store.LocalProfile {
			named++
		}
		name := profileName(c.cat, p)
		if p.Protected {
			fmt.Fprintf(tw, "%s\t%s\n", name, c.cat.Cmd.ListProtected)
			continue
		}
		finished, err := st.History(p.ID)
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(tw, "%s\t%s\n", name, listSummary(c.cat, finished))
	}
	_ = tw.Flush()
	if named == 0 {
		fmt.Fprintln(c.stdout, c.cat.Cmd.ListOnlyLocal)
	}
	return exitOK
}

// listSummary says how many finished attempts there are and when the
// latest was finished.
func listSummary(cat *ui.Catalog, finished []store.Attempt) string {
	if len(finished) == 0 {
		return cat.Cmd.ListNone
	}
	latest := finished[0].Finished
	for _, a := range finished[1:] {
		if a.Finished.After(latest) {
			latest = a.Finished
		}
	}
	date := latest.Local().Format(time.DateOnly)
	if len(finished) == 1 {
		return fmt.Sprintf(cat.Cmd.ListOne, date)
	}
	return fmt.Sprintf(cat.Cmd.ListMany, len(finished), date)
}

func (c *profileCmd) add(name string, withPIN bool) int {
	pin := ""
	if withPIN {
		var code int
		if pin, code = c.ask.newPIN(c.cat, c.stderr); code != exitOK {
			return code
		}
	}
	st, code := openForCommand(c.cat, c.path, true, false, c.stderr)
	if code != exitOK {
		return code
	}
	defer st.Close()
	p, err := st.AddProfile(name, pin, c.now())
	if err != nil {
		return c.nameError(name, pin, err)
	}
	msg := c.cat.Cmd.Added
	if p.Protected {
		msg = c.cat.Cmd.AddedPIN
	}
	fmt.Fprintf(c.stdout, msg+"\n", profileName(c.cat, p))
	return exitOK
}

// nameError says why a name (or with it a PIN) was refused.
func (c *profileCmd) nameError(name, pin string, err error) int {
	switch {
	case errors.Is(err, store.ErrProfileExists):
		fmt.Fprintf(c.stderr, c.cat.Cmd.ErrExists+"\n", survey.Visible(name))
		return exitUsage
	case errors.Is(err, store.ErrInvalid) && pin != "" && strings.Contains(err.Error(), "PIN"):
		fmt.Fprintln(c.stderr, c.cat.Cmd.ErrBadPIN)
		return exitUsage
	case errors.Is(err, store.ErrInvalid):
		fmt.Fprintf(c.stderr, c.cat.Cmd.ErrBadName+"\n", survey.Visible(name))
		return exitUsage
	}
	return c.fail(err)
}

// open opens the database and finds the named profile, asking its PIN if
// it has one.
func (c *profileCmd) open(name string) (*store.Store, store.Profile, int) {
	st, code := openForCommand(c.cat, c.path, false, false, c.stderr)
	if code != exitOK {
		return nil, store.Profile{}, code
	}
	p, code := findProfile(st, name, c.cat, c.path, c.stderr)
	if code == exitOK {
		code = unlock(st, p, c.ask, c.cat, c.path, c.stderr, c.now)
	}
	if code != exitOK {
		_ = st.Close()
		return nil, store.Profile{}, code
	}
	return st, p, exitOK
}

func (c *profileCmd) rename(old, name string) int {
	st, p, code := c.open(old)
	if code != exitOK {
		return code
	}
	defer st.Close()
	if err := st.RenameProfile(p.ID, name); err != nil {
		return c.nameError(name, "", err)
	}
	renamed, ok, err := st.Profile(p.ID)
	if err != nil || !ok {
		renamed.Name = name
	}
	fmt.Fprintf(c.stdout, c.cat.Cmd.Renamed+"\n", profileName(c.cat, p), profileName(c.cat, renamed))
	return exitOK
}

// delete removes a profile and everything of it, after asking at the
// terminal unless --yes; without a terminal, --yes is needed.
func (c *profileCmd) delete(name string, yes bool) int {
	st, p, code := c.open(name)
	if code != exitOK {
		return code
	}
	defer st.Close()
	shown := profileName(c.cat, p)
	if !yes {
		if !c.ask.tty {
			fmt.Fprintf(c.stderr, c.cat.Cmd.DeleteNeedsYes+"\n", shown)
			return exitUsage
		}
		attempts, err := st.Attempts(p.ID)
		if err != nil {
			return c.fail(err)
		}
		q := fmt.Sprintf(c.cat.Cmd.DeleteAsk, shown, len(attempts))
		switch len(attempts) {
		case 0:
			q = fmt.Sprintf(c.cat.Cmd.DeleteAskNone, shown)
		case 1:
			q = fmt.Sprintf(c.cat.Cmd.DeleteAskOne, shown)
		}
		answer, err := c.ask.answer(q)
		if err != nil || !strings.EqualFold(strings.TrimSpace(answer), c.cat.Cmd.ConfirmWord) {
			fmt.Fprintln(c.stdout, c.cat.Cmd.NotDeleted)
			return exitOK
		}
	}
	if err := st.DeleteProfile(p.ID); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, c.cat.Cmd.Deleted+"\n", shown)
	return exitOK
}

// pin sets, changes or (with --remove) removes a profile's PIN; the old
// one is asked first.
func (c *profileCmd) pin(name string, remove bool) int {
	st, p, code := c.open(name)
	if code != exitOK {
		return code
	}
	defer st.Close()
	shown := profileName(c.cat, p)
	if remove {
		if !p.Protected {
			fmt.Fprintf(c.stdout, c.cat.Cmd.PINNone+"\n", shown)
			return exitOK
		}
		if err := st.SetPIN(p.ID, ""); err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.stdout, c.cat.Cmd.PINRemoved+"\n", shown)
		return exitOK
	}
	pin, code := c.ask.newPIN(c.cat, c.stderr)
	if code != exitOK {
		return code
	}
	if err := st.SetPIN(p.ID, pin); err != nil {
		if errors.Is(err, store.ErrInvalid) {
			fmt.Fprintln(c.stderr, c.cat.Cmd.ErrBadPIN)
			return exitUsage
		}
		return c.fail(err)
	}
	msg := c.cat.Cmd.PINSet
	if p.Protected {
		msg = c.cat.Cmd.PINChanged
	}
	fmt.Fprintf(c.stdout, msg+"\n", shown)
	return exitOK
}
