#!/usr/bin/env bash
# bench/transfer.sh [-n N] [WORKDIR] — the group commands at N attempts
# (default 100,000): report of one round and of all, export to CSV, and
# import of that export into a new database against loading the same rows
# into sqlite3 in one transaction. Prints one markdown table; BENCHMARKS.md
# explains the rows. bench/run.sh calls it at its end.
#
# The database is built by bench/gendb with its attempts spread over
# workshops and rounds, and reused from WORKDIR while the generator and
# the store are unchanged. Each row is the median wall time of RUNS
# (default 5) runs of the real digikomp binary, a fresh process each time.
# Needs Go; sqlite3 optionally (without it the ratio row says so).
set -euo pipefail

n=100000
if [[ ${1:-} == -n ]]; then
	n=$2
	shift 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
work=${1:-${DIGIKOMP_BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/digikomp-bench}}
mkdir -p "$work"
work=$(cd "$work" && pwd)
runs=${RUNS:-5}
bin=$work/bin
t=$work/transfer
mkdir -p "$bin" "$t"
say() { printf '%s\n' "$*" >&2; }

cd "$repo"
go build -o "$bin/gendb" ./bench/gendb
go build -o "$bin/digikomp" .
# Attempts spread over WORKSHOPS workshops (default 1000, so about 100
# each at 100k) in ROUNDS collection rounds (default 10): one round is a
# tenth of the file. Rebuilt when the generator or the store change.
workshops=${WORKSHOPS:-1000}
rounds=${ROUNDS:-10}
stamp=$(find bench/gen bench/gendb store survey -name '*.go' ! -name '*_test.go' -type f | LC_ALL=C sort | xargs cat survey/data/* | cksum | awk '{ print $1 "-" $2 }')
db=$work/transfer-$n-$workshops-$rounds.db
if [[ $(cat "$t/stamp" 2>/dev/null) != "$stamp" ]]; then
	rm -f "$work"/transfer-*.db
	printf '%s\n' "$stamp" >"$t/stamp"
fi
if [[ ! -e $db ]]; then
	say "generating $n attempts in $workshops workshops, $rounds rounds"
	rm -f "$db.tmp"
	"$bin/gendb" -n "$n" -workshops "$workshops" -rounds "$rounds" -o "$db.tmp"
	mv "$db.tmp" "$db"
fi
dk() { DIGIKOMP_LANG=en "$bin/digikomp" --db "$1" "${@:2}"; }

# median WALL-SECONDS of RUNS runs of a shell command; a prepare command,
# if given, runs untimed before each.
median() {
	local cmd=$1 prep=${2:-:} i s e
	for ((i = 0; i < runs; i++)); do
		eval "$prep"
		s=$(date +%s%N)
		eval "$cmd" >/dev/null
		e=$(date +%s%N)
		echo $((e - s))
	done | sort -n | awk '{ a[NR] = $1 } END { printf "%.0f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
dur() { awk -v x="$1" 'BEGIN { if (x == "") print "—"; else if (x < 1e9) printf "%.0f ms", x / 1e6; else printf "%.2f s", x / 1e9 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "—"; else printf "%.2f×", a / b }'; }

sync
csv=$t/export.csv
say "export of $n attempts to CSV"
export_ns=$(median "dk '$db' export --all --out '$csv'")
rows=$(($(wc -l <"$csv") - 2))
say "report of all $n attempts"
all_ns=$(median "dk '$db' report --format json")
# One round: bench/gendb names them "Runda 1" … (gen.RoundName).
round="Runda 1"
say "report of the round \"$round\""
round_ns=$(median "dk '$db' report --round '$round' --format json")
round_n=$(dk "$db" report --round "$round" --format csv | awk -F, '$1 == "participants" { print $4 }')
say "import of $rows attempts into a new database"
import_ns=$(median "dk '$t/imported.db' import '$csv'" "rm -f '$t/imported.db'")
imported=$(dk "$t/imported.db" report --format csv | awk -F, '$1 == "participants" { print $4 }')

sqlite_ns=""
if command -v sqlite3 >/dev/null 2>&1; then
	# The same rows, the same columns (the export's header), one table
	# keyed by attempt id, loaded in one transaction.
	sed -n 2p "$csv" | tr -d '\r' | awk -F, '{
		printf "PRAGMA journal_mode = DELETE;\nBEGIN;\nCREATE TABLE attempts (\"%s\" TEXT PRIMARY KEY", $1
		for (i = 2; i <= NF; i++) printf ", \"%s\"", $i
		printf ");\n.import --csv --skip 2 %s attempts\nCOMMIT;\n", FILENAME_CSV
	}' FILENAME_CSV="$csv" >"$t/load.sql"
	say "loading the same rows into sqlite3"
	sqlite_ns=$(median "sqlite3 '$t/loaded.sqlite' <'$t/load.sql'" "rm -f '$t/loaded.sqlite'")
	loaded=$(sqlite3 "$t/loaded.sqlite" 'SELECT count(*) FROM attempts')
fi

cat <<EOF

Group commands at $n attempts in $workshops workshops and $rounds rounds: the real binary, a fresh process each, median of $runs runs
(export wrote $rows records; the import's report counts ${imported:-?} finished; sqlite3 loaded ${loaded:-—} rows).

| measure | value | baseline | ratio | target | met? |
| --- | --- | --- | --- | --- | --- |
| report, all $n attempts (\`report --format json\`) | $(dur "$all_ns") | — | — | seconds | $(awk -v x="$all_ns" 'BEGIN { print x < 10e9 ? "yes" : "**no**" }') |
| report, one round among $n (\`report --round\`, ${round_n:-—} finished) | $(dur "$round_ns") | report of all: $(dur "$all_ns") | $(ratio "$round_ns" "$all_ns") | seconds | $(awk -v x="$round_ns" 'BEGIN { if (x == "") print "—"; else print x < 10e9 ? "yes" : "**no**" }') |
| export of $n attempts to CSV (\`export --all --out\`) | $(dur "$export_ns") | — | — | seconds | $(awk -v x="$export_ns" 'BEGIN { print x < 10e9 ? "yes" : "**no**" }') |
| import of $rows attempts into a new database (\`import FILE\`, one transaction) | $(dur "$import_ns") | sqlite3, the same rows in one transaction: $(dur "$sqlite_ns") | $(ratio "$import_ns" "$sqlite_ns") | seconds, ≤ 3× | $(awk -v a="$import_ns" -v b="$sqlite_ns" 'BEGIN { if (b == "") print "—"; else print (a < 10e9 && a <= 3 * b) ? "yes" : "**no**" }') |
EOF
