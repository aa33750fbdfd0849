package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// profileEnv names the profile to start as, or whose history and export
// to show, when --profile is not given.
const profileEnv = "DIGIKOMP_PROFILE"

// openForCommand opens the database for one of the profile, history and
// export commands. Only a command that creates something (profile add)
// creates a missing database; the others say there is none, as check
// does. A file that can only be read is opened read-only when readOnlyOK,
// so that its history can still be shown and exported.
func openForCommand(cat *ui.Catalog, path string, create, readOnlyOK bool, stderr io.Writer) (*store.Store, int) {
	if !create {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, cat.ErrNoDatabase+"\n", path)
			return nil, exitRefused
		}
	}
	st, err := store.Open(path, store.Options{})
	if err != nil && readOnlyOK {
		st, _, err = openReadOnly(path, err)
	}
	if err != nil {
		fmt.Fprintln(stderr, openError(cat, path, err))
		return nil, openExitCode(err)
	}
	return st, exitOK
}

// profileFinder is the part of the store that finds profiles.
type profileFinder interface {
	Profile(id string) (store.Profile, bool, error)
	ProfileByName(name string) (store.Profile, bool, error)
}

// findProfile returns the profile called name, or the default profile
// for "". A missing one is said with the commands that list and create
// profiles, and ends with exitNoProfile.
func findProfile(st profileFinder, name string, cat *ui.Catalog, path string, stderr io.Writer) (store.Profile, int) {
	var p store.Profile
	var ok bool
	var err error
	if name == "" {
		p, ok, err = st.Profile(store.LocalProfile)
		if err == nil && !ok {
			// A file no one has answered in yet: the default profile
			// exists in name only until its first attempt.
			p, ok = store.Profile{ID: store.LocalProfile}, true
		}
	} else {
		p, ok, err = st.ProfileByName(name)
	}
	switch {
	case err != nil:
		fmt.Fprintln(stderr, storeError(cat, path, err))
		return store.Profile{}, storeExitCode(err)
	case !ok || p.Anonymous:
		fmt.Fprintf(stderr, cat.Cmd.ErrNoProfile+"\n", survey.Visible(name))
		return store.Profile{}, exitNoProfile
	}
	return p, exitOK
}

// profileName is how a profile is named in sentences and listings: its
// own name made safe for the terminal, or "the default profile".
func profileName(cat *ui.Catalog, p store.Profile) string {
	if p.Name == "" {
		return cat.Cmd.DefaultProfile
	}
	return survey.CleanLine(p.Name)
}

// storeError turns an error met while reading or writing the database
// into a sentence: damage and locks as when opening, a cause the person
// can act on (a full disk, a read-only file) with the system's words
// beneath, anything else as unexpected.
func storeError(cat *ui.Catalog, path string, err error) string {
	switch {
	case errors.Is(err, store.ErrLocked), errors.Is(err, store.ErrCorrupt):
		return openError(cat, path, err)
	case store.KindOf(err) != store.KindOther:
		return ui.WithDetail(cat.SaveFailure(err))
	}
	return unexpected(cat, err)
}

func storeExitCode(err error) int {
	switch {
	case errors.Is(err, store.ErrLocked):
		return exitLocked
	case errors.Is(err, store.ErrCorrupt):
		return exitRefused
	}
	return exitError
}
