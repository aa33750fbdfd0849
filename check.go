package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"digikomp/store"
	"digikomp/ui"
)

// runCheck is `digikomp check [--db PATH]`: verify the database without
// changing it. Exit 0 when sound, exitDamaged with one line per problem
// otherwise, and the app's codes for files it cannot open at all.
func runCheck(args []string, stdout, stderr io.Writer) int {
	flags, common := newFlagSet()
	rest, code, done := common.parse(flags, args, stdout, stderr)
	if done {
		return code
	}
	cat := ui.Messages(common.lang)
	if len(rest) > 0 {
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", fmt.Sprintf(cat.ErrUnexpectedArg, rest[0]))
		return exitUsage
	}
	path := common.db
	v, err := verifyIsolated(path)
	if err != nil {
		fmt.Fprintln(stderr, verifyError(cat, path, err))
		return verifyExitCode(err)
	}
	switch {
	case !v.Sound():
		fmt.Fprintf(stdout, cat.CheckProblems+"\n", path, len(v.Problems))
		for _, p := range v.Problems {
			fmt.Fprintln(stdout, cat.CheckProblem(p))
		}
		return exitDamaged
	case v.Schema < store.SchemaVersion:
		fmt.Fprintf(stdout, cat.CheckOlder+"\n", path, v.Schema)
	default:
		fmt.Fprintf(stdout, cat.CheckSound+"\n", path, v.Profiles, v.Attempts, v.Finished)
	}
	return exitOK
}

// verifyError turns an error of verifyIsolated into a sentence.
func verifyError(cat *ui.Catalog, path string, err error) string {
	switch {
	case errors.Is(err, errCrashed):
		return fmt.Sprintf(cat.CheckCrashed, path)
	case errors.Is(err, errHung):
		return fmt.Sprintf(cat.CheckTimeout, path, verifyLimit(path))
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf(cat.ErrNoDatabase, path)
	}
	return openError(cat, path, err)
}

func verifyExitCode(err error) int {
	switch {
	case errors.Is(err, errCrashed), errors.Is(err, errHung), errors.Is(err, store.ErrCorrupt):
		return exitDamaged
	case errors.Is(err, fs.ErrNotExist):
		return exitRefused
	}
	return openExitCode(err)
}
