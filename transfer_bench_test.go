package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/transfer"
	"digikomp/ui"
)

// BenchmarkGroupExport and BenchmarkGroupImport profile the group
// commands in process on the database DIGIKOMP_TRANSFER_DB names (one of
// bench/transfer.sh's); bench/transfer.sh times the real binary.
func BenchmarkGroupExport(b *testing.B) {
	path := os.Getenv("DIGIKOMP_TRANSFER_DB")
	if path == "" {
		b.Skip("DIGIKOMP_TRANSFER_DB is not set")
	}
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for b.Loop() {
		if _, err := writeGroupExport(io.Discard, st, q, groupFilter{}, exportOptions{}, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGroupImport(b *testing.B) {
	path := os.Getenv("DIGIKOMP_TRANSFER_CSV")
	if path == "" {
		b.Skip("DIGIKOMP_TRANSFER_CSV is not set")
	}
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		file, err := transfer.Decode(f, transfer.DefaultLimits)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		// Opened as runImport opens it, after the file is read.
		b.StopTimer()
		db := filepath.Join(b.TempDir(), "import.db")
		st, err := store.Open(db, store.Options{Import: importHint([]*transfer.File{file})})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		items := make([]importItem, 0, len(file.Records))
		for _, l := range file.Records {
			it, why := checkRecord(ui.Messages(survey.English), q, l)
			if why != "" {
				b.Fatal(why)
			}
			items = append(items, it)
		}
		if _, err := importItems(st, q, items, time.Now()); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}
