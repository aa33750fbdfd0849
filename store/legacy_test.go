package store

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// writeLegacy writes attempts of q into a new file of schema 1 or 2 as
// the digikomp of that schema did: JSON headers with nanosecond times,
// ratings keyed by statement id with a time each, and (schema 2) shapes
// of format 1 and results rows keyed by the nanosecond finish time. The
// profiles bucket is copied from profiles, so that it matches a schema 3
// file written with the same attempts.
func writeLegacy(t *testing.T, path string, schema uint64, q *survey.Questionnaire, attempts []Attempt, profiles map[string][]byte) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		names := [][]byte{metaBucket, profilesBucket, attemptsBucket, answersBucket, unfinishedBucket, finishedBucket}
		if schema >= 2 {
			names = append(names, shapesBucket, resultsBucket)
		}
		for _, name := range names {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(metaBucket)
		if err := meta.Put(metaAppKey, appMarker); err != nil {
			return err
		}
		if err := meta.Put(metaSchemaKey, u64Bytes(schema)); err != nil {
			return err
		}
		for k, v := range profiles {
			if err := tx.Bucket(profilesBucket).Put([]byte(k), v); err != nil {
				return err
			}
		}
		sh := shapeOf(q)
		qkey := shapeKey(q.ID, q.Version)
		if schema >= 2 {
			if err := tx.Bucket(shapesBucket).Put(qkey, encodeShapeV1(sh)); err != nil {
				return err
			}
		}
		for _, a := range attempts {
			h := legacyHeader{Questionnaire: q.ID, Version: q.Version, Profile: a.ProfileID,
				Started: a.Started, Finished: a.Finished, Background: a.Background, Discussion: a.Discussion,
				Position: legacyPosition{Stage: uint8(a.Position.Stage), Cursor: a.Position.Cursor}}
			if a.Done() {
				h.Position = legacyPosition{Stage: uint8(StageDone)}
			}
			raw, err := json.Marshal(h)
			if err != nil {
				return err
			}
			if err := tx.Bucket(attemptsBucket).Put(a.ID[:], raw); err != nil {
				return err
			}
			ratings := []byte{legacyRatingsFormat}
			ratings = binary.AppendUvarint(ratings, uint64(len(a.Ratings)))
			values := map[string]int{}
			for _, id := range slices.Sorted(maps.Keys(a.Ratings)) {
				ratings = appendString(ratings, id)
				ratings = binary.AppendUvarint(ratings, uint64(a.Ratings[id].Value))
				ratings = binary.AppendVarint(ratings, a.Started.Add(time.Minute).UnixMilli())
				values[id] = a.Ratings[id].Value
			}
			if err := tx.Bucket(answersBucket).Put(a.ID[:], ratings); err != nil {
				return err
			}
			if !a.Done() {
				if err := tx.Bucket(unfinishedBucket).Put([]byte(a.ProfileID), a.ID[:]); err != nil {
					return err
				}
				continue
			}
			if err := tx.Bucket(finishedBucket).Put(finishedKey(a.ProfileID, a.Finished, a.ID), nil); err != nil {
				return err
			}
			if schema >= 2 {
				if err := tx.Bucket(resultsBucket).Put(resultKey(a.Finished, a.ID), legacyResult(qkey, sh, values)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// legacyResult is a results row of schema 2: [format 1][uvarint
// len][questionnaire key][uvarint n][n rating bytes].
func legacyResult(qkey []byte, sh shape, ratings map[string]int) []byte {
	b := appendString([]byte{1}, string(qkey))
	b = binary.AppendUvarint(b, uint64(len(sh.statements)))
	for _, id := range sh.statements {
		b = append(b, byte(ratings[id]))
	}
	return b
}

// legacyAttempts makes n attempts of q with everything a record can
// hold: option and municipality answers, answers that are neither,
// discussion text, skips, sub-second times, and unfinished attempts.
func legacyAttempts(q *survey.Questionnaire, n int) []Attempt {
	var list []Attempt
	places := []string{"Malmö", "Lund", "Kiruna", "Ankeborg"} // the last is no municipality
	open := map[string]bool{}
	for i := range n {
		started := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(i)*97*time.Minute + time.Duration(i)*7919*time.Microsecond)
		a := Attempt{ProfileID: fmt.Sprintf("p%d", i%7), Started: started,
			Background: map[string]string{}, Ratings: map[string]Rating{}, Discussion: map[string]string{}}
		binary.BigEndian.PutUint64(a.ID[:8], uint64(started.UnixNano()))
		binary.BigEndian.PutUint64(a.ID[8:], uint64(i)*0x9e3779b97f4a7c15)
		for j, bq := range q.Background {
			switch {
			case (i+j)%5 == 0:
			case bq.Kind == survey.KindMunicipality:
				a.Background[bq.ID] = places[(i/3)%len(places)]
			case i%11 == 0:
				a.Background[bq.ID] = "något annat"
			case len(bq.Options) > 0:
				a.Background[bq.ID] = bq.Options[(i+j)%len(bq.Options)].ID
			}
		}
		rated := len(q.Statements)
		if i%9 == 4 && !open[a.ProfileID] {
			open[a.ProfileID] = true
			rated = i % len(q.Statements)
			a.Position = Position{Stage: StageStatements, Cursor: rated}
		}
		for j, s := range q.Statements[:rated] {
			a.Ratings[s.ID] = Rating{Value: (i*j)%(q.Scale.Max+1) + q.Scale.Min - 1}
			if (i+j)%13 == 0 {
				a.Ratings[s.ID] = Rating{Value: Skipped}
			}
		}
		if a.Position.Stage == StageBackground {
			a.Finished = started.Add(time.Duration(20+i%30)*time.Minute + 123456789)
			if i%10 == 3 && len(q.Discussion) > 0 {
				a.Discussion[q.Discussion[0].ID] = "Mer tid för övning, tack.\nOch kaffe ☕"
			}
		}
		list = append(list, a)
	}
	return list
}

// dumpFile returns every bucket of a file as key → value, by bucket name.
func dumpFile(t *testing.T, path string) map[string]map[string][]byte {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]map[string][]byte{}
	err = db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			m := map[string][]byte{}
			copyAll(b, m)
			out[string(name)] = m
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// legacyProfiles turns profile records into the JSON records of schemas
// 1 to 3, keeping their ids and creation times.
func legacyProfiles(t *testing.T, records map[string][]byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for k, raw := range records {
		p, err := decodeProfile(raw)
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(legacyProfile{ID: p.ID, Created: p.Created})
		if err != nil {
			t.Fatal(err)
		}
		out[k] = js
	}
	return out
}

// Migrating a schema 1 or 2 file must give exactly the records schema 3
// and 4 write for the same answers, and a file as small as a new one.
func TestMigrationToSchema3IsByteForByte(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	attempts := legacyAttempts(q, 400)
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fresh.db")
	s, err := Open(fresh, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Import(q, slices.Clone(attempts)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	want := dumpFile(t, fresh)
	freshInfo, err := os.Stat(fresh)
	if err != nil {
		t.Fatal(err)
	}

	for _, schema := range []uint64{1, 2} {
		t.Run(fmt.Sprintf("schema %d", schema), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			writeLegacy(t, path, schema, q, attempts, legacyProfiles(t, want[string(profilesBucket)]))
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			got, err := s.Attempts("p1")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			have := dumpFile(t, path)
			if !slices.Equal(slices.Sorted(maps.Keys(have)), slices.Sorted(maps.Keys(want))) {
				t.Fatalf("buckets %v, want %v", slices.Sorted(maps.Keys(have)), slices.Sorted(maps.Keys(want)))
			}
			for name, w := range want {
				h := have[name]
				if len(h) != len(w) {
					t.Errorf("bucket %s: %d keys, want %d", name, len(h), len(w))
				}
				diffs := 0
				for k, v := range w {
					if !bytes.Equal(h[k], v) && diffs < 3 {
						diffs++
						t.Errorf("bucket %s, key %x:\n got % x\nwant % x", name, k, h[k], v)
					}
				}
			}
			// Nothing lost that schema 3 keeps.
			var wantP1 []Attempt
			for _, a := range attempts {
				if a.ProfileID == "p1" {
					wantP1 = append(wantP1, a)
				}
			}
			if len(got) != len(wantP1) {
				t.Fatalf("%d attempts of p1, want %d", len(got), len(wantP1))
			}
			for i := range got {
				w := wantP1[i]
				w.Started, w.Finished = secondsOf(w.Started), time.Time{}
				if wantP1[i].Done() {
					w.Finished = secondsOf(wantP1[i].Finished)
					w.Position = Position{Stage: StageDone}
				}
				w.QuestionnaireID, w.QuestionnaireVersion = q.ID, q.Version
				assertSameAttempt(t, got[i], w)
			}
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if info.Size() > freshInfo.Size() {
				t.Errorf("upgraded file %d bytes, a new one with the same answers %d", info.Size(), freshInfo.Size())
			}
			if info.Mode().Perm() != fileMode {
				t.Errorf("upgraded file has mode %v", info.Mode().Perm())
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("left in the folder: %v", entries)
			}
			v, err := Verify(path, time.Second)
			if err != nil || !v.Sound() || v.Schema != schemaVersion {
				t.Errorf("Verify after migration: %+v, %v", v, err)
			}
		})
	}
}

// A questionnaire version this build does not know keeps every answer:
// its background questions are implied by the answers given.
func TestMigrationKeepsUnknownVersions(t *testing.T) {
	attempts := legacyAttempts(testQ, 30)
	path := filepath.Join(t.TempDir(), "old.db")
	writeLegacy(t, path, 2, testQ, attempts, nil)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	for _, w := range attempts {
		got, err := s.Attempt(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.QuestionnaireID, w.QuestionnaireVersion = testQ.ID, testQ.Version
		w.Started, w.Finished = secondsOf(w.Started), secondsOf(w.Finished)
		if !w.Done() {
			w.Finished = time.Time{}
		} else {
			w.Position = Position{Stage: StageDone}
		}
		assertSameAttempt(t, got, w)
	}
}

// TestUpgradeKilled kills a digikomp (this test binary, see
// TestUpgradeChild) at each step of an upgrade: before the rename the
// file must be byte for byte what it was and open as before; after it,
// complete. A later start then finishes the upgrade.
func TestUpgradeKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	attempts := legacyAttempts(q, 3000)
	profiles := map[string][]byte{}
	for i := range 7 {
		profiles[fmt.Sprintf("p%d", i)] = fmt.Appendf(nil, `{"id":"p%d"}`, i)
	}
	for _, step := range []string{"copied", "migrated, not committed", "migrated", "compacted", "renamed"} {
		t.Run(step, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			writeLegacy(t, path, 2, q, attempts, profiles)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestUpgradeChild$")
			cmd.Env = append(os.Environ(), "DIGIKOMP_UPGRADE_CHILD="+step+"|"+path)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			reached := make(chan bool, 1)
			go func() {
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					if sc.Text() == "at "+step {
						reached <- true
						return
					}
				}
				reached <- false
			}()
			select {
			case ok := <-reached:
				if !ok {
					_ = cmd.Wait()
					t.Fatalf("the child ended before step %q", step)
				}
			case <-time.After(2 * time.Minute):
				t.Fatal("the child never reached the step")
			}
			_ = cmd.Process.Signal(syscall.SIGKILL)
			_ = cmd.Wait()

			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if step == "renamed" {
				if v := readVersion(t, path); v != schemaVersion {
					t.Errorf("schema %d after the rename", v)
				}
			} else {
				if !bytes.Equal(before, after) {
					t.Fatalf("killed at %q: the file changed (%d → %d bytes)", step, len(before), len(after))
				}
				v, err := Verify(path, time.Second)
				if err != nil || !v.Sound() || v.Schema != 2 {
					t.Errorf("killed at %q: the old file does not open as it was: %+v, %v", step, v, err)
				}
			}
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open after the kill: %v", err)
			}
			n := 0
			for _, a := range attempts {
				if a.ProfileID == "p3" {
					n++
				}
			}
			if got, err := s.Attempts("p3"); err != nil || len(got) != n {
				t.Errorf("Attempts after the upgrade: %d, %v; want %d", len(got), err, n)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if v, err := Verify(path, time.Second); err != nil || !v.Sound() || v.Schema != schemaVersion || v.Attempts != len(attempts) {
				t.Errorf("Verify after the upgrade: %+v, %v", v, err)
			}
		})
	}
}

// TestUpgradeChild is the process TestUpgradeKilled kills: it opens the
// file named in its environment and stops at the step named there.
func TestUpgradeChild(t *testing.T) {
	env := os.Getenv("DIGIKOMP_UPGRADE_CHILD")
	if env == "" {
		t.Skip("run by TestUpgradeKilled")
	}
	step, path, _ := strings.Cut(env, "|")
	testHookFunc = func(at string) {
		if at == step {
			fmt.Printf("at %s\n", at)
			select {} // until killed
		}
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	t.Fatal("the upgrade never reached step " + step)
}
