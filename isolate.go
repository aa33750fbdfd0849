package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"time"

	"digikomp/store"
)

// Reading every page of a damaged bbolt file can panic in a goroutine
// bbolt starts itself, or fault on a mapping cut short; neither can be
// recovered in-process (PITFALLS 26). So check and backup run store.Verify
// in a child: this same executable, told by childEnv to verify one file
// and report as JSON. A child that dies, or outlives its time, is itself
// the verdict: the file is damaged.
const (
	childEnv    = "DIGIKOMP_CHILD"
	childVerify = "verify"
)

// errCrashed and errHung are the verdicts on a child that gave none.
var (
	errCrashed = errors.New("reading the database crashed")
	errHung    = errors.New("reading the database did not finish")
)

// childReport is what the child prints.
type childReport struct {
	Verification store.Verification `json:"verification"`
	Kind         string             `json:"kind,omitempty"` // see errorKinds
	Message      string             `json:"message,omitempty"`
}

// errorKinds names the store errors a child can report, so the parent can
// rebuild them for its messages and exit codes.
var errorKinds = map[string]error{
	"locked":   store.ErrLocked,
	"foreign":  store.ErrForeign,
	"corrupt":  store.ErrCorrupt,
	"empty":    store.ErrEmpty,
	"newer":    store.ErrNewerSchema,
	"notfound": fs.ErrNotExist,
}

// runVerifyChild is the child's whole life: verify args[0], print the
// report, exit 0. Any other exit means it crashed.
func runVerifyChild(args []string, stdout io.Writer) int {
	if len(args) != 1 {
		return exitUsage
	}
	var r childReport
	var err error
	r.Verification, err = store.Verify(args[0], store.DefaultTimeout)
	if err != nil {
		r.Kind, r.Message = "other", err.Error()
		for kind, sentinel := range errorKinds {
			if errors.Is(err, sentinel) {
				r.Kind = kind
			}
		}
	}
	if err := json.NewEncoder(stdout).Encode(r); err != nil {
		return exitError
	}
	return exitOK
}

// verifyIsolated runs store.Verify on path in a child process. Its
// errors are store sentinels (and fs.ErrNotExist) as Verify would return
// them, errCrashed, errHung, or a failure to start the child.
func verifyIsolated(path string) (store.Verification, error) {
	self, err := os.Executable()
	if err != nil {
		return store.Verification{}, fmt.Errorf("find digikomp itself: %w", err)
	}
	limit := verifyLimit(path)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, self, path)
	cmd.Env = append(os.Environ(), childEnv+"="+childVerify)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = io.Discard // a crash's stack trace is not for the person
	runErr := cmd.Run()
	if ctx.Err() != nil {
		return store.Verification{}, fmt.Errorf("%w within %v", errHung, limit)
	}
	var r childReport
	if runErr != nil || json.Unmarshal(out.Bytes(), &r) != nil {
		var exit *exec.ExitError
		if runErr != nil && !errors.As(runErr, &exit) {
			return store.Verification{}, fmt.Errorf("start the check: %w", runErr)
		}
		return store.Verification{}, errCrashed
	}
	if r.Kind != "" {
		if sentinel, ok := errorKinds[r.Kind]; ok {
			return store.Verification{}, fmt.Errorf("%w: %s", sentinel, r.Message)
		}
		return store.Verification{}, errors.New(r.Message)
	}
	return r.Verification, nil
}

// verifyLimit is how long a child may take: generous for the file's size
// (a check reads every page once, well over 50 MB/s), so only a child
// stuck in a loop on damaged pages reaches it.
func verifyLimit(path string) time.Duration {
	limit := 30 * time.Second
	if info, err := os.Stat(path); err == nil {
		limit += time.Duration(info.Size()/(1<<20)) * time.Second
	}
	return limit
}
