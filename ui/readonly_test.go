package ui

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// readOnlyStore is a sound database opened only for reading, as main
// opens one on a read-only disk, with the error that kept it from being
// opened for writing.
func readOnlyStore(t *testing.T) (*store.Store, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.db")
	st, err := store.Open(path, store.Options{})
	if err == nil {
		err = st.Close()
	}
	if err == nil {
		st, err = store.Open(path, store.Options{ReadOnly: true})
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, &fs.PathError{Op: "open", Path: path, Err: syscall.EROFS}
}

// On a read-only file the menu says that nothing can be saved and why,
// and taking the test says it cannot save at once, in both interfaces,
// without calling the file damaged.
func TestReadOnlyFileSaysSo(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	st, why := readOnlyStore(t)
	cfg := Config{Store: st, Questionnaire: q, Lang: survey.Swedish, ReadOnly: why}

	h := newHarnessFor(t, st, q, survey.Swedish)
	h.m = New(cfg)
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.see("filen kan bara läsas", "skrivskyddad", "Detaljer: EROFS")
	h.keys("<enter>")
	h.see("Kunde inte spara.", "Gör testet")
	if h.quit || h.m.Fatal != nil {
		t.Fatalf("taking the test on a read-only file ended the program: %v", h.m.Fatal)
	}

	var out bytes.Buffer
	paused, err := RunAccessible(cfg, strings.NewReader("1\n"), &out)
	if err != nil || paused {
		t.Fatalf("line mode on a read-only file: paused %v, %v\n%s", paused, err, out.String())
	}
	for _, want := range []string{"filen kan bara läsas", "skrivskyddad", "Kunde inte spara."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("line mode does not say %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String()+h.screen(), "skadad") {
		t.Error("a read-only file was called damaged")
	}
}
