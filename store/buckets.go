package store

import (
	"fmt"

	"go.etcd.io/bbolt"
)

// Bucket names. Keys and values of each are described in the package doc.
// Since schema 1.
var (
	metaBucket       = []byte("meta")
	profilesBucket   = []byte("profiles")
	attemptsBucket   = []byte("attempts")
	unfinishedBucket = []byte("unfinished")
)

// Buckets added in schema 2.
var (
	shapesBucket  = []byte("questionnaires")
	resultsBucket = []byte("results")
)

// Buckets added in schema 3, which also dropped the answers bucket of
// schemas 1 and 2 (see legacy.go).
var (
	placesBucket  = []byte("municipalities")
	historyBucket = []byte("history") // replaces finishedBucket, see history.go
)

// Buckets added in schema 4.
var (
	plansBucket       = []byte("plans")       // attempt id → learning plan (plans.go)
	definitionsBucket = []byte("definitions") // shape number → questionnaire definition
)

// Keys in the meta bucket. Since schema 1.
var (
	metaAppKey    = []byte("app")
	metaSchemaKey = []byte("schema")
)

// metaRetakeKey holds the settings' retake time in days (uvarint).
// Since schema 4; absent means DefaultRetakeAfter.
var metaRetakeKey = []byte("retake")

// appMarker is the value of meta/app. It tells our files from other bbolt
// files, which would otherwise open without complaint.
var appMarker = []byte("digikomp")

// allBuckets lists every top-level bucket the current schema needs.
var allBuckets = [][]byte{
	metaBucket, profilesBucket, attemptsBucket,
	unfinishedBucket, historyBucket, shapesBucket, resultsBucket, placesBucket,
	plansBucket, definitionsBucket,
	workshopsBucket, byWorkshop, extrasBucket,
}

// unsafeCreateBuckets creates any missing bucket; it assumes an open
// writable transaction.
func unsafeCreateBuckets(tx *bbolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// unsafeBuckets returns the buckets the attempt methods use. A missing
// one cannot happen in a file that passed Open, except by damage, so it
// is reported as ErrCorrupt instead of a nil-pointer panic.
func unsafeBuckets(tx *bbolt.Tx) (buckets, error) {
	b := buckets{
		profiles:    tx.Bucket(profilesBucket),
		attempts:    tx.Bucket(attemptsBucket),
		unfinished:  tx.Bucket(unfinishedBucket),
		history:     tx.Bucket(historyBucket),
		shapes:      tx.Bucket(shapesBucket),
		results:     tx.Bucket(resultsBucket),
		places:      tx.Bucket(placesBucket),
		plans:       tx.Bucket(plansBucket),
		definitions: tx.Bucket(definitionsBucket),
		workshops:   tx.Bucket(workshopsBucket),
		byWorkshop:  tx.Bucket(byWorkshop),
		extras:      tx.Bucket(extrasBucket),
	}
	if b.profiles == nil || b.attempts == nil || b.unfinished == nil ||
		b.history == nil || b.shapes == nil || b.results == nil || b.places == nil ||
		b.plans == nil || b.definitions == nil ||
		b.workshops == nil || b.byWorkshop == nil || b.extras == nil {
		return buckets{}, fmt.Errorf("%w: a bucket is missing", ErrCorrupt)
	}
	b.cache = &txCache{shapes: map[string]shape{}, places: newPlaces(b.places)}
	// Keys of these grow with time (attempt ids, finish times), so new
	// entries land at the end. bbolt's default split at half a page would
	// leave every page of them half empty for good: twice the pages for a
	// group report to read and for the page cache to hold (measured at
	// 100,000 attempts: 3,880 → 1,903 results pages, GroupSummary 9 → 7 ms,
	// peak memory 24 → 16 MB; 0.9 → 0.95 in schema 3: 23.9 → 21.9 MB of
	// file). Not 1.0, so that an import of older attempts, which inserts
	// in the middle, still splits sensibly.
	b.attempts.FillPercent = appendFill
	b.results.FillPercent = appendFill
	return b, nil
}

// appendFill is how full bbolt fills a page before splitting it, for the
// buckets written in key order.
const appendFill = 0.95

// pack fills the pages of the buckets an import appends to as full as
// appendFill: the profiles (an anonymous one's id is its start time), the
// plans and extras (keyed by attempt id) and the workshop index (whose
// entries are never rewritten). bbolt splits a transaction's nodes only
// at its commit, so one large transaction's pages are packed whatever the
// order of its keys; at bbolt's default half, they took twice the pages
// (measured at 97,001 imported attempts: the file 66.7 → 48.3 MB).
//
// The history only with history: a named profile's record there grows
// with each attempt, and full pages whose records grow split into a full
// page and a nearly empty one, transaction after transaction (the
// generator's 100k file of named profiles, imported in batches: 771
// history pages at the default, 1,161 packed). An import of anonymous
// attempts only, a region's usual file, gives each its own new profile
// whose one-entry record never grows (97,001 attempts: 48.3 → 42.8 MB).
func (b buckets) pack(history bool) {
	for _, bk := range []*bbolt.Bucket{b.profiles, b.plans, b.byWorkshop, b.extras} {
		bk.FillPercent = appendFill
	}
	if history {
		b.history.FillPercent = appendFill
	}
}

// buckets holds the data buckets of one transaction.
type buckets struct {
	profiles, attempts, unfinished, history *bbolt.Bucket
	shapes, results, places                 *bbolt.Bucket
	plans, definitions                      *bbolt.Bucket // since schema 4
	workshops, byWorkshop, extras           *bbolt.Bucket // since schema 5
	cache                                   *txCache
}

// txCache keeps what one transaction has decoded of the tables attempt
// records point into, so that reading many attempts decodes each shape
// once.
type txCache struct {
	shapes   map[string]shape
	numbered map[uint64]numberedShape // every shape, filled on first use
	places   *places
	names    map[string]bool // folded names of every profile, once needed (unsafePutImportedProfile)
	// workshops are the workshop ids known to exist, for an import's
	// many attempts of a few workshops.
	workshops map[string]bool
}

// numberedShape is a shape found by its number.
type numberedShape struct {
	questionnaireID string
	version         int
	sh              shape
}

// shapeNumber returns the questionnaire version and shape with the given
// number. The first call of a transaction reads every shape: a file has
// one per questionnaire version, a handful.
func (b buckets) shapeNumber(n uint64) (string, int, shape, error) {
	if b.cache.numbered == nil {
		b.cache.numbered = map[uint64]numberedShape{}
		err := b.shapes.ForEach(func(k, v []byte) error {
			qid, version, err := splitShapeKey(k)
			if err != nil {
				return err
			}
			sh, err := decodeShape(v)
			if err != nil {
				return fmt.Errorf("questionnaire %s version %d: %w", qid, version, err)
			}
			if _, dup := b.cache.numbered[sh.number]; dup {
				return fmt.Errorf("%w: two questionnaire versions numbered %d", ErrCorrupt, sh.number)
			}
			b.cache.numbered[sh.number] = numberedShape{qid, version, sh}
			return nil
		})
		if err != nil {
			b.cache.numbered = nil
			return "", 0, shape{}, err
		}
	}
	ns, ok := b.cache.numbered[n]
	if !ok {
		return "", 0, shape{}, fmt.Errorf("%w: questionnaire version number %d is not recorded", ErrCorrupt, n)
	}
	return ns.questionnaireID, ns.version, ns.sh, nil
}

// shape returns the shape of a questionnaire version, decoded once per
// transaction.
func (b buckets) shape(questionnaireID string, version int) (shape, error) {
	key := string(shapeKey(questionnaireID, version))
	if sh, ok := b.cache.shapes[key]; ok {
		return sh, nil
	}
	sh, err := unsafeShape(b, questionnaireID, version)
	if err != nil {
		return shape{}, err
	}
	b.cache.shapes[key] = sh
	return sh, nil
}

// codec is what attempt records of this transaction are read and
// written with. Codes for new municipality names are added only by
// writes; a read transaction never encodes.
func (b buckets) codec() recordCodec {
	return recordCodec{
		shape:    b.shape,
		numbered: b.shapeNumber,
		code:     func(name string) (uint64, bool, error) { return b.cache.places.code(name, true) },
		name:     b.cache.places.name,
	}
}

// missingBucket returns the name of the first bucket of the current schema
// that tx lacks, or "" if none is missing.
func missingBucket(tx *bbolt.Tx) string {
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			return string(name)
		}
	}
	return ""
}
