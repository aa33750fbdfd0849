#!/usr/bin/env bash
# bench/run.sh [-n N] [WORKDIR] — digikomp's benchmarks against the limits.
#
# Builds databases of 1,000, 10,000 and N (default 100,000) generated attempts (and the
# same attempts as CSV for sqlite3) in WORKDIR, runs the Go benchmarks, times
# the same aggregation in sqlite3 if it is installed, measures peak resident
# memory, and prints one markdown table. BENCHMARKS.md explains the rows.
#
# WORKDIR must be on the disk you want to measure: the durable-save row
# fsyncs there, and fsync on tmpfs costs nothing. Default:
# $DIGIKOMP_BENCH_DIR, else ${XDG_CACHE_HOME:-~/.cache}/digikomp-bench.
# Databases are kept there and rebuilt only when the generator, the store or
# the questionnaire change.
#
# Environment: COUNT (rounds of every benchmark, default 5; medians are
# reported), BENCHTIME (go test -benchtime, default 1s), SQLITE_RUNS (timed
# runs of the sqlite3 query, default 9), QUIET_WAIT (seconds each round may
# wait for other processes to calm down, default 120).
#
# Needs Go and the usual shell tools; sqlite3 optionally. Written for Linux
# (it reads /proc for the machine and the load). Runs from any directory.
set -euo pipefail

# -n N: the largest database (default 100000). A smaller one makes a
# quick run; the Go benchmarks above N are left out and their rows say "—".
big=100000
if [[ ${1:-} == -n ]]; then
	big=$2
	shift 2
fi
if ((big < 100000)); then
	export DIGIKOMP_BENCH_MAX=$big
fi
label=$big
((big % 1000 == 0)) && label=$((big / 1000))k
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
work=${1:-${DIGIKOMP_BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/digikomp-bench}}
mkdir -p "$work"
work=$(cd "$work" && pwd)
count=${COUNT:-5}
benchtime=${BENCHTIME:-1s}
sqlite_runs=${SQLITE_RUNS:-9}
bin=$work/bin
log=$work/log
mkdir -p "$bin" "$log"

say() { printf '%s\n' "$*" >&2; }

ncpu=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
fstype=$(df -PT "$work" 2>/dev/null | awk 'NR == 2 { print $2 }') || true
case $fstype in
tmpfs | ramfs)
	say "WARNING: $work is on $fstype, not a disk: fsync costs nothing there,"
	say "         so the durable-save row measures memory. Pass a directory on a disk."
	;;
"") say "note: could not tell the file system of $work; make sure it is a disk, not tmpfs" ;;
esac

load=$(awk '{ print $1 }' /proc/loadavg 2>/dev/null || echo "?")
if awk -v l="$load" -v n="$ncpu" 'BEGIN { exit !(l + 0 > n / 2) }'; then
	say "WARNING: load average $load on $ncpu CPUs: other work will disturb the timings"
fi

cd "$repo"

# --- databases ---------------------------------------------------------------

say "building tools and test binaries"
go build -o "$bin/gendb" ./bench/gendb
go build -o "$bin/rss" ./bench/rss
go build -o "$bin/ptystart" ./bench/ptystart
go build -o "$bin/digikomp" .
go test -c -o "$bin/store.test" ./store
ui_ok=1
if ! go test -c -o "$bin/ui.test" ./ui 2>"$log/ui-build.txt"; then
	ui_ok=0
	say "WARNING: the ui tests do not build (see $log/ui-build.txt); start-up rows are left out"
fi

# The databases depend on the generator, the store's layout and the
# questionnaire; a stamp of those sources tells when to rebuild them.
stamp=$(find bench/gen store survey -name '*.go' ! -name '*_test.go' -type f | LC_ALL=C sort |
	xargs cat survey/data/* go.sum | cksum | awk '{ print $1 "-" $2 }')
if [[ $(cat "$work/stamp" 2>/dev/null) != "$stamp" ]]; then
	say "generator or store changed: removing old databases"
	rm -f "$work"/attempts-*.db "$work"/attempts-*.csv "$work"/attempts-*.sqlite
	printf '%s\n' "$stamp" >"$work/stamp"
fi
for n in $(printf '%s\n' 0 1000 10000 "$big" | sort -nu); do
	if [[ ! -e $work/attempts-$n.db ]]; then
		say "generating $n attempts"
		rm -f "$work/attempts-$n.db.tmp"
		"$bin/gendb" -n "$n" -o "$work/attempts-$n.db.tmp"
		mv "$work/attempts-$n.db.tmp" "$work/attempts-$n.db"
	fi
done

# Let the kernel write back what generating left dirty, so that it does
# not slow down the first fsyncs measured.
sync

# --- Go benchmarks ---------------------------------------------------------

# Each round runs every benchmark once, so slow drift of the machine (or
# the disk) touches both sides of a ratio alike. Packages run one after
# the other, never at once.
#
# Other processes on the machine disturb timings far more than anything
# measured here, so each round first waits (up to QUIET_WAIT seconds,
# default 120) until the CPUs have been at least 80% idle for a second.
busy_pct() { # share of CPU time not idle over one second, from /proc/stat
	[[ -r /proc/stat ]] || { echo 0; return; }
	local a b
	a=$(awk '/^cpu / { print $2 + $3 + $4 + $6 + $7 + $8, $5 }' /proc/stat)
	sleep 1
	b=$(awk '/^cpu / { print $2 + $3 + $4 + $6 + $7 + $8, $5 }' /proc/stat)
	awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ")
		busy = y[1] - x[1]; idle = y[2] - x[2]
		printf "%.0f", (busy + idle) ? 100 * busy / (busy + idle) : 0 }'
}
wait_quiet() {
	local waited=0 busy
	busy=$(busy_pct)
	while ((busy > 20 && waited < ${QUIET_WAIT:-120})); do
		((waited == 0)) && say "  waiting for the machine to be quiet (CPU ${busy}% busy)"
		sleep 4
		waited=$((waited + 5))
		busy=$(busy_pct)
	done
	busy_log+=("$busy")
}
busy_log=()
export DIGIKOMP_BENCH_DIR=$work
: >"$log/bench.txt"
for ((round = 1; round <= count; round++)); do
	say "benchmarks, round $round of $count"
	wait_quiet
	(cd store && "$bin/store.test" -test.run '^$' -test.benchmem -test.benchtime "$benchtime" \
		-test.bench '^(BenchmarkSaveRating|BenchmarkBareCommit|BenchmarkRawWriteFsync|BenchmarkOpen|BenchmarkGroupSummary|BenchmarkHistory|BenchmarkSavePlan|BenchmarkDeleteProfile|BenchmarkPINHash|BenchmarkGroupReport|BenchmarkImportRecords)$') >>"$log/bench.txt"
	if ((ui_ok)); then
		(cd ui && "$bin/ui.test" -test.run '^$' -test.benchmem -test.benchtime "$benchtime" \
			-test.bench '^(BenchmarkStartup|BenchmarkViewStatement|BenchmarkViewHistory|BenchmarkViewProgress|BenchmarkViewWheel|BenchmarkGroupView|BenchmarkGroupViewFile)$') >>"$log/bench.txt"
	fi
done

# name → median ns/op, B/op, allocs/op, min and max ns/op, runs.
awk '
function sort(a, n,   i, j, t) {
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
}
function median(list,   a, n) {
	n = split(list, a, " "); sort(a, n)
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	if (!(name in ns)) order[++names] = name
	for (i = 3; i < NF; i += 2) {
		if ($(i + 1) == "ns/op") ns[name] = ns[name] " " $i
		if ($(i + 1) == "B/op") by[name] = by[name] " " $i
		if ($(i + 1) == "allocs/op") al[name] = al[name] " " $i
	}
}
END {
	for (k = 1; k <= names; k++) {
		name = order[k]; n = split(ns[name], a, " "); sort(a, n)
		printf "%s\t%.0f\t%.0f\t%.0f\t%s\t%s\t%d\n", name, median(ns[name]),
			(name in by) ? median(by[name]) : -1, (name in al) ? median(al[name]) : -1, a[1], a[n], n
	}
}' "$log/bench.txt" >"$work/results.tsv"

# --- sqlite3 -------------------------------------------------------------------

sqlite_ns=""
sqlite_note=""
if command -v sqlite3 >/dev/null 2>&1; then
	sq=$work/attempts-$big.sqlite
	if [[ ! -e $sq ]]; then
		say "loading $big attempts into sqlite3 (not timed)"
		"$bin/gendb" -n "$big" -csv "$work/attempts-$big.csv" -sql "$work/import.sql" -query "$work/query.sql"
		rm -f "$sq.tmp"
		sqlite3 "$sq.tmp" <"$work/import.sql"
		mv "$sq.tmp" "$sq"
	fi
	"$bin/gendb" -n 0 -query "$work/query.sql"
	# A warm, generous sqlite3: its file memory-mapped and cached like
	# bbolt's. The first run warms up and is not counted.
	{
		printf '.output /dev/null\nPRAGMA mmap_size = 1073741824;\nPRAGMA cache_size = -262144;\n.timer on\n'
		for ((i = 0; i <= sqlite_runs; i++)); do
			cat "$work/query.sql"
		done
	} >"$work/timed.sql"
	wait_quiet
	sqlite3 "$sq" <"$work/timed.sql" >"$log/sqlite-timer.txt"
	# "Run Time: real 0.012 user … sys …"; real is wall time in seconds.
	sqlite_ns=$(awk '/^Run Time:/ { n++; if (n > 1) printf "%.0f\n", $4 * 1e9 }' "$log/sqlite-timer.txt" | sort -n |
		awk '{ a[NR] = $1 } END { if (NR) printf "%.0f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
	sqlite_check=$(sqlite3 -line "$sq" <"$work/query.sql" |
		awk '$1 == "attempts" { n = $3 } $1 == "all_mean" { m = $3 } END { printf "attempts %d, overall mean %.3f", n, m }')
	sqlite_note="sqlite3 $(sqlite3 --version | awk '{ print $1 }'), median of $sqlite_runs warm runs"
else
	say "sqlite3 not found: the GroupSummary-vs-sqlite3 row is skipped (install sqlite3 to measure it)"
	sqlite_note="skipped: sqlite3 is not installed"
fi

# --- resident memory ------------------------------------------------------------

# Fresh processes, started from this shell (go run would hand its own
# peak down through exec). The largest of three runs is reported.
peak_kib() {
	local task=$1 best=0 v
	for _ in 1 2 3; do
		v=$("$bin/rss" -db "$work/attempts-$big.db" -task "$task" | awk '$1 == "peak_rss_kib" { print $2 }')
		((v > best)) && best=$v
	done
	echo "$best"
}
rss_none=$(peak_kib none)
rss_summary=$(peak_kib summary)
rss_startup=$(peak_kib startup)
rss_out=$("$bin/rss" -db "$work/attempts-$big.db" -task summary)
rss_result=$(awk '$1 == "result" { $1 = ""; sub(/^ /, ""); print }' <<<"$rss_out")
rss_split=$(awk '$1 == "before_close" { $1 = ""; sub(/^ /, ""); print }' <<<"$rss_out")

# --- whole-process start-up ------------------------------------------------------

# The whole process, as a person waits for it: the real digikomp in a
# pseudo-terminal that answers its colour and cursor queries, from exec
# until its first screen is whole (bench/ptystart): the menu of the empty
# database; "Vem är du?" of the large one, whose 5,000 named people make
# the app ask first (its key help is drawn last). Then, as the person
# would, Enter on it, to the menu of profile "local", which has a history
# there, so the menu offers the latest result. Median of 21 runs after a
# warm-up, the databases taking turns.
wait_quiet
read -r proc0 proc100 procmenu < <("$bin/ptystart" -bin "$bin/digikomp" -runs 21 \
	-db "$work/attempts-0.db" -want "Avsluta" -via "" \
	-db "$work/attempts-$big.db" -want "enter bekräfta · ? hjälp · q avsluta" -via "" \
	-db "$work/attempts-$big.db" -want "Se ditt senaste resultat" -via "Vem är du?" |
	awk '{ printf "%s ", $2 } END { print "" }')

# --- table -------------------------------------------------------------------------

get() { # get NAME COLUMN (2 ns, 3 B, 4 allocs, 7 runs); empty if absent
	awk -F '\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$work/results.tsv"
}
dur() { # nanoseconds → human
	awk -v x="$1" 'BEGIN {
		if (x == "") { print "—"; exit }
		if (x < 1e3) printf "%.0f ns", x
		else if (x < 1e6) printf "%.3g µs", x / 1e3
		else if (x < 1e9) printf "%.3g ms", x / 1e6
		else printf "%.3g s", x / 1e9 }'
}
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k * 1024 / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "—"; else printf "%.3g×", a / b }'; }
met() { # met VALUE OP LIMIT
	awk -v x="$1" -v op="$2" -v l="$3" 'BEGIN {
		if (x == "") { print "—"; exit }
		ok = (op == "<=") ? x <= l : x < l
		print ok ? "yes" : "**no**" }'
}
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print ""; else printf "%.6g", a / b }'; }

row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }

save=$(get BenchmarkSaveRating 2)
raw=$(get BenchmarkRawWriteFsync 2)
bare=$(get BenchmarkBareCommit 2)
gs1=$(get BenchmarkGroupSummary/n=1000 2)
gs10=$(get BenchmarkGroupSummary/n=10000 2)
gs100=$(get BenchmarkGroupSummary/n=100000 2)
gs100_b=$(get BenchmarkGroupSummary/n=100000 3)
gs100_a=$(get BenchmarkGroupSummary/n=100000 4)
op0=$(get BenchmarkOpen/n=0 2)
op1=$(get BenchmarkOpen/n=1000 2)
op10=$(get BenchmarkOpen/n=10000 2)
op100=$(get BenchmarkOpen/n=100000 2)
su0=$(get BenchmarkStartup/n=0 2)
su1=$(get BenchmarkStartup/n=1000 2)
su10=$(get BenchmarkStartup/n=10000 2)
su100=$(get BenchmarkStartup/n=100000 2)
plan=$(get BenchmarkSavePlan 2)
hist1=$(get BenchmarkHistory/n=1000 2)
hist100=$(get BenchmarkHistory/n=100000 2)
del10=$(get BenchmarkDeleteProfile/n=10000 2)
del100=$(get BenchmarkDeleteProfile/n=100000 2)
pin=$(get BenchmarkPINHash 2)
# Workshops (issue 12): a database of 100k attempts in 50 workshops and 4 rounds.
grw=$(get BenchmarkGroupReport/one-workshop/n=100000 2)
grr=$(get BenchmarkGroupReport/one-round/n=100000 2)
gra=$(get BenchmarkGroupReport/all/n=100000 2)
imp=$(get BenchmarkImportRecords/n=100000 2)
# The slowest of BenchmarkViewStatement and its sub-benchmarks, if any.
view=$(awk -F '\t' '$1 ~ /^BenchmarkViewStatement(\/|$)/ && $2 > m { m = $2 } END { if (m != "") print m }' "$work/results.tsv")
# The history, progress and wheel screens, 200 attempts: the slowest.
vhist=$(get BenchmarkViewHistory 2)
vprog=$(get BenchmarkViewProgress 2)
vwheel=$(get BenchmarkViewWheel 2)
vslow=$(printf '%s\n' "$vhist" "$vprog" "$vwheel" | awk 'NF && $1 > m { m = $1 } END { if (m != "") print m }')
# The group view of one round among 100k respondents, and of all of them.
gvround=$(get BenchmarkGroupView/round-of-100k 2)
gvall=$(get BenchmarkGroupView/all-100k 2)
gvfile=$(get BenchmarkGroupViewFile 2)

per() { awk -v t="$1" -v n="$2" 'BEGIN { if (t == "") print "—"; else printf "%.3g ns/attempt", t / n }'; }
growth() { # growth LABEL SMALL_NS SMALL_N LARGE_NS LARGE_N
	local r
	r=$(div "$4" "$2")
	row "$1" "$(dur "$4") ($(per "$4" "$5"))" "$(dur "$2") ($(per "$2" "$3"))" \
		"$(ratio "$4" "$2")" "≤ $(($5 / $3))× (the data's growth)" "$(met "$r" "<=" "$(($5 / $3))")"
}

cat <<EOF

Machine: $ncpu CPUs, $(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m), \
$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null) memory, \
work dir on ${fstype:-?} ($(df -P "$work" | awk 'NR == 2 { print $1 }')), Linux $(uname -r), $(go version | awk '{ print $3 }'),
load average $load at the start and $(awk '{ print $1 }' /proc/loadavg 2>/dev/null || echo "?") at the end;
CPU busy (other processes) just before each benchmark round and the sqlite3 timing: ${busy_log[*]/%/%}.
Go benchmarks: median of $count runs of -benchtime $benchtime; $sqlite_note.

EOF
row measure value baseline ratio target "met?"
row --- --- --- --- --- ---
row "answer saved durably (SaveRating, one committed bbolt transaction)" "$(dur "$save")" \
	"bare bbolt commit of the same size, same directory: $(dur "$bare")" "$(ratio "$save" "$bare")" "≤ 1.1×" "$(met "$(div "$save" "$bare")" "<=" 1.1)"
row "answer saved durably, against the disk's own floor" "$(dur "$save")" \
	"raw 4 KiB write + fsync, same directory: $(dur "$raw")" "$(ratio "$save" "$raw")" "— (bbolt needs two flushes)" "—"
if [[ -n $sqlite_ns ]]; then
	row "GroupSummary, 100k attempts ($gs100_b B, $gs100_a allocs per call)" "$(dur "$gs100")" \
		"sqlite3, same aggregation over 100k rows: $(dur "$sqlite_ns")" "$(ratio "$gs100" "$sqlite_ns")" "≤ 0.1×" \
		"$(met "$(div "$gs100" "$sqlite_ns")" "<=" 0.1)"
else
	row "GroupSummary, 100k attempts" "$(dur "$gs100")" "sqlite3 not measured (not installed)" "—" "≤ 0.1×" "—"
fi
row "start-up to the first frame, 100k attempts" "$(dur "$su100")" "start-up, 0 attempts: $(dur "$su0")" \
	"$(ratio "$su100" "$su0")" "≤ 1.5×" "$(met "$(div "$su100" "$su0")" "<=" 1.5)"
row "whole process to the first screen in a terminal, $label attempts (\"Vem är du?\")" "$(dur "$proc100")" "the menu, 0 attempts: $(dur "$proc0")" \
	"$(ratio "$proc100" "$proc0")" "≤ 1.5×" "$(met "$(div "$proc100" "$proc0")" "<=" 1.5)"
row "the same, on to the menu of \"local\" (Enter on \"Vem är du?\")" "$(dur "$procmenu")" "the menu, 0 attempts: $(dur "$proc0")" \
	"$(ratio "$procmenu" "$proc0")" "— (a key press waits up to a frame, 16.7 ms)" "—"
if [[ -n $view ]]; then
	row "View of the statement screen (80×24)" "$(dur "$view")" "—" "—" "< 1 ms" "$(met "$view" "<" 1000000)"
else
	row "View of the statement screen (80×24)" "not yet (no BenchmarkViewStatement in ui/)" "—" "—" "< 1 ms" "—"
fi
row "history, progress and wheel screens, 200 attempts: read, built, first frame (80×24), the slowest" "$(dur "$vslow")" \
	"history $(dur "$vhist"), progress $(dur "$vprog"), wheel $(dur "$vwheel")" "—" "< 16 ms" "$(met "$vslow" "<" 16000000)"
row "group view of one round (20k of 100k respondents): streamed, tallied, built and drawn at 120×40" "$(dur "$gvround")" \
	"all 100k: $(dur "$gvall")" "$(ratio "$gvall" "$gvround")" "< 1 s" "$(met "$gvround" "<" 1000000000)"
row "group view of one round (25k of 100k attempts) from the file: read, tallied, built and drawn at 120×40" "$(dur "$gvfile")" \
	"the same from the in-memory fake (20k): $(dur "$gvround")" "$(ratio "$gvfile" "$gvround")" "< 1 s" "$(met "$gvfile" "<" 1000000000)"
row "peak resident memory: Open + GroupSummary, $label attempts" "$(mb "$rss_summary")" \
	"same process doing nothing: $(mb "$rss_none")" "—" "< 20 MB" "$(met "$rss_summary" "<" "$(awk 'BEGIN { print 20e6 / 1024 }')")"
row "peak resident memory: start-up to the first frame, $label attempts" "$(mb "$rss_startup")" \
	"same process doing nothing: $(mb "$rss_none")" "—" "< 30 MB" "$(met "$rss_startup" "<" "$(awk 'BEGIN { print 30e6 / 1024 }')")"
row "plan saved durably (SavePlan, one committed bbolt transaction)" "$(dur "$plan")" \
	"answer saved durably (SaveRating): $(dur "$save")" "$(ratio "$plan" "$save")" "≤ 1.5×" "$(met "$(div "$plan" "$save")" "<=" 1.5)"
row "History of a profile with 200 finished attempts, 100k attempts besides" "$(dur "$hist100")" \
	"same, 1k attempts besides: $(dur "$hist1")" "$(ratio "$hist100" "$hist1")" "≤ 1.5× (flat)" "$(met "$(div "$hist100" "$hist1")" "<=" 1.5)"
row "DeleteProfile (20 attempts) from a 100k file, compaction included" "$(dur "$del100")" \
	"the same from a 10k file: $(dur "$del10")" "$(ratio "$del100" "$del10")" "seconds (< 10 s)" "$(met "$del100" "<" 10000000000)"
row "PIN checked (CheckPIN: argon2id t=3, 32 MiB, p=1)" "$(dur "$pin")" "—" "—" "50–100 ms" \
	"$(awk -v x="$pin" 'BEGIN { if (x == "") print "—"; else print (x >= 50e6 && x <= 100e6) ? "yes" : "**no**" }')"
row "group report of one round among 100k attempts (EachRespondent → GroupTally, 25k read through the workshop index)" "$(dur "$grr")" \
	"the same of all 100k: $(dur "$gra"); of one workshop (2k): $(dur "$grw")" "$(ratio "$grr" "$gra")" "< 1 s, and below all" \
	"$(awk -v r="$grr" -v a="$gra" 'BEGIN { if (r == "" || a == "") print "—"; else print (r < 1e9 && r < a) ? "yes" : "**no**" }')"
row "group report of all 100k attempts (EachRespondent → GroupTally)" "$(dur "$gra")" "GroupSummary, 100k (ratings only): $(dur "$gs100")" \
	"$(ratio "$gra" "$gs100")" "< 1 s" "$(met "$gra" "<" 1000000000)"
row "ImportRecords of 100k attempts with workshops, plans, managers' answers into an empty file (one transaction)" "$(dur "$imp")" \
	"— (bench/transfer.sh compares the import command with sqlite3)" "—" "seconds (< 10 s)" "$(met "$imp" "<" 10000000000)"
growth "GroupSummary 1k → 10k" "$gs1" 1000 "$gs10" 10000
growth "GroupSummary 10k → 100k" "$gs10" 10000 "$gs100" 100000
growth "Open 1k → 10k" "$op1" 1000 "$op10" 10000
growth "Open 10k → 100k" "$op10" 10000 "$op100" 100000
growth "start-up 1k → 10k" "$su1" 1000 "$su10" 10000
growth "start-up 10k → 100k" "$su10" 10000 "$su100" 100000

cat <<EOF

Open of an empty database: $(dur "$op0"). GroupSummary says: $rss_result; sqlite3 says: ${sqlite_check:-—}.
Resident memory of Open + GroupSummary at $label just before Close: ${rss_split:-not available}
(RssAnon is the Go heap and runtime, RssFile the mapped binary and database pages).
Raw results: $log/bench.txt (medians with min and max: $work/results.tsv).
EOF

# --- group commands: export, import, report (bench/transfer.sh) --------------------
# TRANSFER=0 leaves them out.
if [[ ${TRANSFER:-1} != 0 ]]; then
	bash "$here/transfer.sh" -n "$big" "$work"
fi
