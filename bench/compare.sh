#!/usr/bin/env bash
# bench/compare.sh [-n N] [-before REF] [WORKDIR] — schema 3 against an
# earlier digikomp, side by side in one run (BENCHMARKS.md, "Before and
# after schema 3").
#
# Builds digikomp, bench/gendb and bench/rss from REF (default 4da952b,
# the last schema 2 build) and from this tree; lets each generate its own
# database of N attempts (default 100000) and measures, interleaved:
#
#   - file size, bytes per attempt and per finished attempt;
#   - `digikomp check` and `digikomp backup` of each one's file, wall and
#     CPU (user + sys, children included) time, median of RUNS (5);
#   - peak resident memory of Open + GroupSummary in a fresh process
#     right after the file was written (the largest of 3);
#   - the upgrade of REF's file by this build: time of the first Open
#     (copy, migrate, compact, rename) and the upgraded file's size.
#
# CPU time is reported beside wall time because on a shared machine the
# wall time mostly measures the neighbours.
set -euo pipefail

n=100000
before=4da952b
while (($#)); do
	case $1 in
	-n) n=$2; shift 2 ;;
	-before) before=$2; shift 2 ;;
	*) break ;;
	esac
done
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
work=${1:-${DIGIKOMP_BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/digikomp-bench}}/compare
runs=${RUNS:-5}
mkdir -p "$work/src-before" "$work/bin"
work=$(cd "$work" && pwd)
say() { printf '%s\n' "$*" >&2; }

say "building $before and this tree"
rm -rf "$work/src-before"/* && git -C "$repo" archive "$before" | tar -x -C "$work/src-before"
for side in before after; do
	src=$repo
	[[ $side == before ]] && src=$work/src-before
	(cd "$src" && go build -o "$work/bin/$side-digikomp" . &&
		go build -o "$work/bin/$side-gendb" ./bench/gendb && go build -o "$work/bin/$side-rss" ./bench/rss)
done

rss_peak() { # rss_peak SIDE FILE → the largest peak of 3 fresh processes, KiB
	local best=0 v
	for _ in 1 2 3; do
		v=$("$work/bin/$1-rss" -db "$2" -task summary | awk '$1 == "peak_rss_kib" { print $2 }')
		((v > best)) && best=$v
	done
	echo "$best"
}
declare -A size rss finished
for side in before after; do
	db=$work/$side-$n.db
	rm -f "$db"
	say "generating $n attempts with $side"
	"$work/bin/$side-gendb" -n "$n" -o "$db"
	# Right after the file was written, as the target says.
	rss[$side]=$(rss_peak "$side" "$db")
	size[$side]=$(stat -c %s "$db")
	finished[$side]=$("$work/bin/$side-rss" -db "$db" -task summary | awk '$1 == "result" { print $3 + 0 }')
done

# timed SIDE CMD... → "wall cpu" in seconds of one run
timed() {
	local TIMEFORMAT='%R %U %S' t
	t=$({ time "$@" >/dev/null 2>&1; } 2>&1)
	awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<<"$t"
}
declare -A cw cc bw bc
for ((i = 0; i < runs; i++)); do
	for side in before after; do
		db=$work/$side-$n.db
		read -r w c < <(timed "$work/bin/$side-digikomp" check --db "$db")
		cw[$side]+="$w "; cc[$side]+="$c "
		rm -f "$work/backup-$side.db"
		read -r w c < <(timed "$work/bin/$side-digikomp" backup --db "$db" "$work/backup-$side.db")
		bw[$side]+="$w "; bc[$side]+="$c "
	done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

say "upgrading $before's file with this build"
cp "$work/before-$n.db" "$work/upgraded-$n.db"
read -r mw mc < <(timed "$work/bin/after-rss" -db "$work/upgraded-$n.db" -task summary)
upgraded=$(stat -c %s "$work/upgraded-$n.db")
"$work/bin/after-digikomp" check --db "$work/upgraded-$n.db" >/dev/null || say "WARNING: the upgraded file does not check sound"

row() { printf '| %s | %s | %s | %s |\n' "$@"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }
per() { awk -v b="$1" -v n="$2" 'BEGIN { printf "%.0f", b / n }'; }
echo
echo "$n attempts; $(nproc) CPUs, load average $(awk '{ print $1 }' /proc/loadavg) at the end; medians of $runs interleaved runs."
echo
row "" "before ($before)" "after ($(git -C "$repo" rev-parse --short HEAD))" "before ÷ after"
row --- --- --- ---
row "file size" "$(mb "${size[before]}")" "$(mb "${size[after]}")" "$(ratio "${size[before]}" "${size[after]}")"
row "bytes per attempt / per finished attempt" "$(per "${size[before]}" "$n") / $(per "${size[before]}" "${finished[before]}")" \
	"$(per "${size[after]}" "$n") / $(per "${size[after]}" "${finished[after]}")" "—"
for what in check backup; do
	if [[ $what == check ]]; then
		wb=$(median "${cw[before]}") wa=$(median "${cw[after]}") cb=$(median "${cc[before]}") ca=$(median "${cc[after]}")
	else
		wb=$(median "${bw[before]}") wa=$(median "${bw[after]}") cb=$(median "${bc[before]}") ca=$(median "${bc[after]}")
	fi
	row "\`digikomp $what\`, wall" "$wb s" "$wa s" "$(ratio "$wb" "$wa")"
	row "\`digikomp $what\`, CPU (user + sys)" "$cb s" "$ca s" "$(ratio "$cb" "$ca")"
done
row "peak RSS, Open + GroupSummary, fresh process after writing" \
	"$(awk -v k="${rss[before]}" 'BEGIN { printf "%.1f MB", k * 1024 / 1e6 }')" \
	"$(awk -v k="${rss[after]}" 'BEGIN { printf "%.1f MB", k * 1024 / 1e6 }')" "$(ratio "${rss[before]}" "${rss[after]}")"
row "upgrade of the before file by this build (first Open + GroupSummary)" "—" "$mw s wall, $mc s CPU" "—"
row "upgraded file size" "$(mb "${size[before]}")" "$(mb "$upgraded")" "$(ratio "${size[before]}" "$upgraded")"
