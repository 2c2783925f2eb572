#!/usr/bin/env bash
# End-to-end benchmark: tolk status/check against gettext-style tools
# (translate-toolkit pocount/pofilter) and the cost of just reading the
# files, on generated corpora of several sizes. Writes BENCHMARKS.md at the
# repository root and a plot of time against corpus size to
# bench/scaling.svg. See bench/README.md.
#
#   bash bench/run.sh [SIZES...]        default: 1000 3000 10000 30000
#
# Environment: RUNS (5), WARMUP (1), SEED (1), TERMS (2000),
# SLOW (60: commands whose first run takes longer get 2 runs, no warm-up),
# SKIP_AFTER (180: commands whose first run takes longer are not repeated;
# the table shows that single run), CORPUS_DIR (target/bench-corpus).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$(pwd)

SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(1000 3000 10000 30000)
fi
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SEED=${SEED:-1}
TERMS=${TERMS:-2000}
SLOW=${SLOW:-60}
SKIP_AFTER=${SKIP_AFTER:-180}
CORPUS_DIR=${CORPUS_DIR:-$REPO/target/bench-corpus}
RESULTS=$REPO/target/bench-results

for n in "${SIZES[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: size \`$n\` is not a positive number" >&2; exit 2; }
done
for tool in hyperfine pocount pofilter python3 cmp; do
    command -v "$tool" > /dev/null || { echo "run.sh: \`$tool\` not found" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

log "building release binaries"
cargo build --release --locked --bins --examples
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tolk-bench.XXXXXX")
EDITED=
# The after-one-edit row edits an article of the corpus: put it back.
trap '[ -n "$EDITED" ] && cp "$TMP/edit.orig" "$EDITED"; rm -rf "$TMP"' EXIT
# Private copies: a rebuild in the tree during the run must not swap binaries.
mkdir -p "$TMP/bin"
cp target/release/tolk target/release/examples/corpus "$TMP/bin/"
TOLK=$TMP/bin/tolk
CORPUS=$TMP/bin/corpus

# Optional features of the binary under test.
MORPH_FLAG=no
if "$TOLK" check --help 2>/dev/null | grep -q -- '--morphology'; then
    MORPH_FLAG=yes
fi
# Every rule on (`--select ALL` adds the opt-in rules); a result cache
# (`--no-cache` in the help) gives the warm and after-one-edit rows.
SELECT_FLAG=no
if "$TOLK" check --help 2>/dev/null | grep -q -- '--select'; then
    SELECT_FLAG=yes
fi
CACHE=no
if "$TOLK" check --help 2>/dev/null | grep -q -- '--no-cache'; then
    CACHE=yes
fi
VOIKKO=no
if [ -e /usr/lib/x86_64-linux-gnu/libvoikko.so.1 ] || ldconfig -p 2>/dev/null | grep -q libvoikko; then
    VOIKKO=yes
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS" "$CORPUS_DIR"

# The corpus is reused when generator, seed inputs and arguments are unchanged.
corpus_key() {
    {
        echo "n=$1 seed=$SEED terms=$TERMS"
        cat examples/corpus.rs articles/hyvinvointikoordinaattori/fi.txt \
            articles/hyvinvointikoordinaattori/sv.txt glossary.toml
    } | sha256sum | cut -d' ' -f1
}

# measure NAME N OK_EXIT_CODES COMMAND: peak RSS and a first timing with
# /usr/bin/time -v, then hyperfine (fewer runs, or none, for slow commands).
# An exit status outside OK_EXIT_CODES (e.g. "0 1" for tolk check, which
# exits 1 on findings) stops the benchmark: a crash must not look fast.
# An optional fifth argument is a command run before every timed run
# (the after-one-edit row edits an article with it).
measure() {
    local name=$1 n=$2 ok=$3 cmd=$4 prep=${5:-true} out=$RESULTS/$2
    local slug=${name//[^a-z0-9]/-}
    mkdir -p "$out"
    log "$n: $name"
    rm -rf "$TMP/pofilter-out"
    bash -c "$prep"
    # Through bash: wait4 reports the largest RSS of the process tree.
    local rc=0
    /usr/bin/time -v -o "$out/$slug.time" bash -c "$cmd" || rc=$?
    if [[ " $ok " != *" $rc "* ]]; then
        echo "run.sh: \`$cmd\` exited with $rc (expected $ok)" >&2
        exit 1
    fi
    local rss_kb wall
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$slug.time")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/$slug.time" |
        awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    local runs=$RUNS warmup=$WARMUP
    if awk "BEGIN { exit !($wall > $SKIP_AFTER) }"; then
        log "$n: $name took ${wall}s > ${SKIP_AFTER}s: not repeated"
        printf '{"name": "%s", "single": %s, "rss_kb": %s}\n' "$name" "$wall" "$rss_kb" > "$out/$slug.json"
        return
    elif awk "BEGIN { exit !($wall > $SLOW) }"; then
        runs=2
        warmup=0
    fi
    hyperfine --style basic --ignore-failure --warmup "$warmup" --runs "$runs" \
        --prepare "rm -rf '$TMP/pofilter-out'; $prep" \
        --command-name "$name" --export-json "$out/$slug.hyperfine.json" "$cmd" >&2
    printf '{"name": "%s", "hyperfine": "%s", "rss_kb": %s}\n' \
        "$name" "$out/$slug.hyperfine.json" "$rss_kb" > "$out/$slug.json"
}

for n in "${SIZES[@]}"; do
    dir=$CORPUS_DIR/$n
    key=$(corpus_key "$n")
    if [ -f "$dir/.bench-key" ] && [ "$(cat "$dir/.bench-key")" = "$key" ]; then
        log "$n: reusing corpus in $dir"
    else
        log "$n: generating corpus in $dir"
        rm -rf "$dir"
        "$CORPUS" "$dir" "$n" --seed "$SEED" --terms "$TERMS" 2> "$TMP/corpus.log"
        cat "$TMP/corpus.log" >&2
        cp "$TMP/corpus.log" "$dir/.corpus.log"
        echo "$key" > "$dir/.bench-key"
    fi
    out=$RESULTS/$n
    mkdir -p "$out"
    cp "$dir/.corpus.log" "$out/corpus.log"
    {
        echo "txt_bytes=$(find "$dir/articles" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
        echo "po_bytes=$(find "$dir/po" -name '*.po' -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
        echo "status_files=$(find "$dir/articles" -name status.toml | wc -l)"
    } > "$out/sizes"

    q=$(printf '%q' "$dir")
    t=$(printf '%q' "$TOLK")
    # What tolk reports on this corpus (one untimed run).
    "$TOLK" --root "$dir" check --format json > "$TMP/check.json" || true
    grep -o '"rule": *"[a-z-]*"' "$TMP/check.json" | sed 's/.*"\([a-z-]*\)"$/\1/' |
        sort | uniq -c | sort -rn | awk '{printf "%s%s %s", sep, $2, $1; sep = ", "} END {print ""}' > "$out/rules"
    tail -c 400 "$TMP/check.json" | tr -d '\n ' | grep -o '"summary":{[^}]*}' > "$out/summary" || true
    rm -f "$TMP/check.json"

    # Cold rows run without the cache; the cache is emptied first so the
    # warm row starts from this corpus as it is.
    nocache=""
    if [ "$CACHE" = yes ]; then
        nocache=" --no-cache"
        "$TOLK" --root "$dir" cache clean > /dev/null 2>&1 || true
        rm -rf "$dir/.tolk-cache"
    fi
    morph=""
    if [ "$MORPH_FLAG" = yes ]; then
        morph=" --morphology builtin"
    fi
    all=""
    if [ "$SELECT_FLAG" = yes ]; then
        all=" --select ALL"
    fi
    # The first article (a glob: `ls | head` would fail the pipeline with
    # SIGPIPE on a large corpus).
    articles=("$dir"/articles/*/)
    one=$(basename "${articles[0]}")
    unset articles

    measure "tolk status" "$n" "0" "$t --root $q status$nocache --format json > /dev/null"
    if [ "$CACHE" = yes ]; then
        # One untimed run fills the cache.
        "$TOLK" --root "$dir" status --format json > /dev/null
        measure "tolk status (warm)" "$n" "0" "$t --root $q status --format json > /dev/null"
    fi
    if [ "$MORPH_FLAG" = yes ]; then
        measure "tolk check (builtin)" "$n" "0 1" "$t --root $q check$nocache --morphology builtin --format json > /dev/null"
        if [ "$VOIKKO" = yes ]; then
            measure "tolk check (voikko)" "$n" "0 1" "$t --root $q check$nocache --morphology voikko --format json > /dev/null"
        fi
    else
        measure "tolk check" "$n" "0 1" "$t --root $q check$nocache --format json > /dev/null"
    fi
    every="$t --root $q check$morph$all --format json"
    if [ "$SELECT_FLAG" = yes ]; then
        measure "tolk check, every rule (cold)" "$n" "0 1" "$t --root $q check$nocache$morph$all --format json > /dev/null"
    fi
    if [ "$CACHE" = yes ]; then
        # One untimed run fills the cache.
        bash -c "$every > /dev/null" || true
        measure "tolk check, every rule (warm)" "$n" "0 1" "$every > /dev/null"
        # Each run sees one article's Swedish changed since the run before:
        # the edit is put in and taken out by turns (and undone on exit).
        edit_file=$dir/articles/$one/sv.txt
        cp "$edit_file" "$TMP/edit.orig"
        { cat "$TMP/edit.orig"; printf '\nEtt stycke till, tillagt för mätningen.\n'; } > "$TMP/edit.new"
        EDITED=$edit_file
        e=$(printf '%q' "$edit_file")
        o=$(printf '%q' "$TMP/edit.orig")
        w=$(printf '%q' "$TMP/edit.new")
        measure "tolk check, every rule (one edit)" "$n" "0 1" "$every > /dev/null" \
            "if cmp -s $e $o; then cp $w $e; else cp $o $e; fi"
        measure "tolk check SLUG (after an edit)" "$n" "0 1" "$every $(printf '%q' "$one") > /dev/null" \
            "if cmp -s $e $o; then cp $w $e; else cp $o $e; fi"
        cp "$TMP/edit.orig" "$edit_file"
        EDITED=
    fi
    measure "tolk check SLUG (one article)" "$n" "0 1" "$every $(printf '%q' "$one") > /dev/null"
    measure "pocount" "$n" "0" "pocount $q/po > /dev/null"
    measure "pofilter" "$n" "0" "pofilter --progress=none $q/po $(printf '%q' "$TMP/pofilter-out") > /dev/null 2>&1"
    measure "cat (reading floor)" "$n" "0" "find $q/articles -name '*.txt' -exec cat {} + > /dev/null"
done

# The plot: gnuplot if installed (`apt-get install gnuplot-nox`), else
# python3 with matplotlib, else none (BENCHMARKS.md then has no figure).
PLOT=
if command -v gnuplot > /dev/null; then
    PLOT=bench/scaling.svg
    plot() {
        gnuplot <<GNUPLOT
set terminal svg size 720,480 dynamic font "sans,12" background "white"
set output "$2"
set title "tolk check against corpus size"
set xlabel "articles"
set ylabel "seconds (median)"
set logscale xy
set key bottom right
set grid
set datafile missing "?"
plot "$1" using 1:2 with linespoints title "tolk check, cold", \\
     "$1" using 1:3 with linespoints title "tolk check, warm", \\
     "$1" using 1:4 with linespoints title "pofilter", \\
     "$1" using 1:5 with lines dashtype 2 title "cat (reading floor)"
GNUPLOT
    }
elif python3 -c 'import matplotlib' 2> /dev/null; then
    PLOT=bench/scaling.svg
    plot() {
        python3 - "$1" "$2" <<'PYPLOT'
import sys
import matplotlib
matplotlib.use("svg")
import matplotlib.pyplot as plt
rows = [l.split() for l in open(sys.argv[1]) if not l.startswith("#")]
fig, ax = plt.subplots(figsize=(7.2, 4.8))
for col, label, style in ((1, "tolk check, cold", "o-"), (2, "tolk check, warm", "s-"),
                          (3, "pofilter", "^-"), (4, "cat (reading floor)", "--")):
    pts = [(int(r[0]), float(r[col])) for r in rows if r[col] != "?"]
    if pts:
        ax.plot(*zip(*pts), style, label=label)
ax.set(xscale="log", yscale="log", xlabel="articles", ylabel="seconds (median)",
       title="tolk check against corpus size")
ax.grid(True, which="both", alpha=0.3)
ax.legend(loc="lower right")
fig.savefig(sys.argv[2])
PYPLOT
    }
else
    log "no gnuplot or matplotlib: no plot (apt-get install gnuplot-nox)"
fi
export PLOT

log "writing BENCHMARKS.md"
export REPO RESULTS MORPH_FLAG VOIKKO SELECT_FLAG CACHE SEED TERMS RUNS WARMUP SLOW SKIP_AFTER
export SIZES_LIST="${SIZES[*]}"
export CMDLINE="bash bench/run.sh ${*:-}"
export NPROC=$(nproc)
export CPU=$(lscpu | awk -F': +' '/^Model name/ {print $2; exit}')
export MEMORY=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
export OS="$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -s), Linux $(uname -r)"
export TOLK_VERSION=$("$TOLK" --version)
export COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
export DIRTY=$( (git status --porcelain --untracked-files=no 2>/dev/null || true) | grep -q . && echo yes || echo no)
export HYPERFINE_VERSION=$(hyperfine --version)
export TTK_VERSION=$(pofilter --version 2>&1 | head -1)
export DOCTOR=$("$TOLK" --root "$CORPUS_DIR/${SIZES[0]}" doctor 2>&1 | grep -i -m1 'morpholog' || true)
python3 - <<'EOF'
import datetime, json, os, statistics

env = os.environ
results = env["RESULTS"]
sizes = env["SIZES_LIST"].split()

def load(n):
    rows = {}
    d = os.path.join(results, n)
    for f in sorted(os.listdir(d)):
        if not f.endswith(".json") or f.endswith(".hyperfine.json"):
            continue
        r = json.load(open(os.path.join(d, f)))
        row = {"name": r["name"], "rss_mb": r["rss_kb"] / 1024}
        if "single" in r:
            row.update(median=r["single"], min=r["single"], max=r["single"], stddev=None, runs=1)
        else:
            h = json.load(open(r["hyperfine"]))["results"][0]
            row.update(median=h["median"], min=h["min"], max=h["max"],
                       stddev=h["stddev"], runs=len(h["times"]),
                       codes=sorted(set(h.get("exit_codes", []))))
        rows[r["name"]] = row
    sizes_info = dict(l.strip().split("=", 1) for l in open(os.path.join(d, "sizes")))
    # Paths relative to the repository: no machine's absolute paths in the report.
    log = open(os.path.join(d, "corpus.log")).read().strip().replace(env["REPO"] + "/", "")
    rules = open(os.path.join(d, "rules")).read().strip()
    summary = open(os.path.join(d, "summary")).read().strip()
    return rows, sizes_info, log, rules, summary

COLD, WARM, EDIT, ONE = ("tolk check, every rule (cold)", "tolk check, every rule (warm)",
                         "tolk check, every rule (one edit)", "tolk check SLUG (one article)")
ONE_EDIT, STATUS_WARM = "tolk check SLUG (after an edit)", "tolk status (warm)"
order = ["tolk status", STATUS_WARM, "tolk check", "tolk check (builtin)", "tolk check (voikko)",
         COLD, WARM, EDIT, ONE_EDIT, ONE, "pocount", "pofilter", "cat (reading floor)"]
data = {n: load(n) for n in sizes}

def check_name(rows):
    for name in (COLD, "tolk check (builtin)", "tolk check"):
        if name in rows:
            return name
    return None

def ratio(rows, a, b):
    if a in rows and b in rows and rows[b]["median"] > 0:
        return rows[a]["median"] / rows[b]["median"]
    return None

def s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"

out = []
w = out.append
w("# Benchmarks\n")
w("Written by `bench/run.sh`; do not edit by hand. Numbers are wall-clock "
  "seconds (hyperfine) and peak resident memory (`/usr/bin/time -v`) of whole "
  "command runs on generated corpora (`examples/corpus.rs`).\n")
w(f"- Date: {datetime.date.today().isoformat()}")
w(f"- Machine: {env['CPU']}, {env['NPROC']} CPUs (`nproc`), {env['MEMORY']} of memory; {env['OS']}")
dirty = " (working tree had uncommitted changes)" if env["DIRTY"] == "yes" else ""
w(f"- tolk: `{env['TOLK_VERSION']}`, commit `{env['COMMIT']}`{dirty}, release build")
if env["MORPH_FLAG"] == "yes":
    w(f"- Morphology: `--morphology builtin`" +
      (" and `--morphology voikko`" if env["VOIKKO"] == "yes" else " (Voikko not installed)"))
else:
    w("- Morphology: this build has no `--morphology` option; `tolk check` ran with its default back end")
if env.get("DOCTOR"):
    w(f"- `tolk doctor`: {env['DOCTOR'].strip()}")
w(f"- Tools: {env['HYPERFINE_VERSION']}, translate-toolkit {env['TTK_VERSION']}")
w(f"- Corpus: seed {env['SEED']}, about {env['TERMS']} glossary terms; "
  f"hyperfine {env['RUNS']} runs after {env['WARMUP']} warm-up; commands whose first "
  f"run took over {env['SLOW']} s got 2 runs, over {env['SKIP_AFTER']} s a single run\n")
w("Commands (DIR is the corpus; `check` exits 1 because the corpus has errors, "
  "which is expected):\n")
w("| name | command |")
w("|---|---|")
nc = " --no-cache" if env["CACHE"] == "yes" else ""
w(f"| tolk status | `tolk --root DIR status{nc} --format json > /dev/null` |")
if env["CACHE"] == "yes":
    w(f"| {STATUS_WARM} | `tolk --root DIR status --format json > /dev/null`, after one run that fills the cache |")
if env["MORPH_FLAG"] == "yes":
    w(f"| tolk check (builtin) | `tolk --root DIR check{nc} --morphology builtin --format json > /dev/null` |")
    if env["VOIKKO"] == "yes":
        w(f"| tolk check (voikko) | `tolk --root DIR check{nc} --morphology voikko --format json > /dev/null` |")
else:
    w(f"| tolk check | `tolk --root DIR check{nc} --format json > /dev/null` |")
mo = " --morphology builtin" if env["MORPH_FLAG"] == "yes" else ""
if env["SELECT_FLAG"] == "yes":
    w(f"| {COLD} | `tolk --root DIR check{nc}{mo} --select ALL --format json > /dev/null` |")
every = f"tolk --root DIR check{mo}" + (" --select ALL" if env["SELECT_FLAG"] == "yes" else "") + " --format json"
if env["CACHE"] == "yes":
    w(f"| {WARM} | `{every} > /dev/null`, after one run that fills the cache |")
    w(f"| {EDIT} | the same, with one article's `sv.txt` changed before every run |")
    w(f"| {ONE_EDIT} | `{every} SLUG > /dev/null`, with that article's `sv.txt` changed before every run |")
w(f"| {ONE} | `{every} SLUG > /dev/null` (the corpus's first article) |")
w("| pocount | `pocount DIR/po > /dev/null` |")
w("| pofilter | `pofilter --progress=none DIR/po OUTTMP` (OUTTMP removed before each run) |")
w("| cat (reading floor) | `find DIR/articles -name '*.txt' -exec cat {} + > /dev/null` |")
w("")

first_size_at = len(out)
for n in sizes:
    rows, info, log, rules, summary = data[n]
    mb = int(info["txt_bytes"]) / 1e6
    w(f"## {int(n):,} articles\n".replace(",", " "))
    w(f"{mb:.1f} MB of article text, {int(info['po_bytes']) / 1e6:.1f} MB of PO, "
      f"{info['status_files']} status.toml files. Generator:\n")
    w("```")
    w(log)
    w("```\n")
    w(f"`tolk check` (default morphology) on it: `{summary or '(no summary)'}`; findings by rule: {rules or 'none'}.\n")
    w("| command | median s | min–max s | stddev s | runs | peak RSS MB |")
    w("|---|---:|---:|---:|---:|---:|")
    for name in order:
        if name not in rows:
            continue
        r = rows[name]
        sd = "–" if r["stddev"] is None else s(r["stddev"])
        w(f"| {name} | {s(r['median'])} | {s(r['min'])}–{s(r['max'])} | {sd} | "
          f"{r['runs']} | {r['rss_mb']:.0f} |")
    w("")
    notes = []
    c = check_name(rows)
    pf = ratio(rows, "pofilter", c) if c else None
    pc = ratio(rows, "pocount", "tolk status")
    if pf is not None:
        notes.append(f"pofilter / {c}: **{pf:.1f}×**")
    if pc is not None:
        notes.append(f"pocount / tolk status: **{pc:.1f}×**")
    if "tolk check (voikko)" in rows and "tolk check (builtin)" in rows:
        notes.append("check voikko / builtin: "
                     f"{ratio(rows, 'tolk check (voikko)', 'tolk check (builtin)'):.2f}×")
    if c and "cat (reading floor)" in rows:
        notes.append(f"{c} / reading floor: {ratio(rows, c, 'cat (reading floor)'):.0f}×")
    for name, r in rows.items():
        if r["runs"] == 1:
            notes.append(f"{name} ran once (first run over {env['SKIP_AFTER']} s)")
    if notes:
        w("Ratios of medians: " + "; ".join(notes) + ".\n")

w("## Scaling\n")
pairs = [(a, b) for a, b in zip(sizes, sizes[1:])]
if pairs:
    w("| command | " + " | ".join(f"{b}/{a}" for a, b in pairs) + " |")
    w("|---|" + "---:|" * len(pairs))
    for name in order:
        cells = []
        for a, b in pairs:
            ra, rb = data[a][0].get(name), data[b][0].get(name)
            cells.append(f"{rb['median'] / ra['median']:.2f}" if ra and rb and ra["median"] > 0 else "–")
        if any(x != "–" for x in cells):
            w(f"| {name} | " + " | ".join(cells) + " |")
    w("\nSize ratio for linear scaling: " +
      ", ".join(f"{b}/{a} = {int(b) / int(a):.1f}" for a, b in pairs) + ".")
    if "10000" in sizes and "30000" in sizes:
        c = check_name(data["30000"][0])
        if c and c in data["10000"][0]:
            r = data["30000"][0][c]["median"] / data["10000"][0][c]["median"]
            w(f"\n{c}, 30 000 / 10 000 articles: **{r:.2f}×** (3.0 would be linear).")
    w("")

# The issue's targets, each beside what it is measured against.
def med(n, name):
    r = data.get(n, ({},))[0].get(name)
    return r["median"] if r else None

def secs(x):
    return "n/a" if x is None else (f"{x * 1000:.1f} ms" if x < 0.1 else f"{x:.3f} s")

def verdict(ok):
    return "–" if ok is None else ("yes" if ok else "**no**")

big = "10000" if "10000" in sizes else sizes[-1]
check = check_name(data[big][0])
no_cache = "n/a (this build has no result cache)"
targets = []
c, cat = med(big, check), med(big, "cat (reading floor)")
targets.append((f"`{check}`, {big} articles", "≤ 0.7 s or ≤ 2× cat", secs(c),
                f"cat {secs(cat)}" + (f", {c / cat:.1f}× cat" if c and cat else ""),
                verdict(None if c is None else (c <= 0.7 or (cat is not None and c <= 2 * cat)))))
for name, limit in ((WARM, 0.15), (EDIT, 0.2)):
    x = med(big, name)
    label = "warm (nothing changed)" if name == WARM else "after editing one article"
    targets.append((f"`tolk check` {label}, {big} articles", f"≤ {limit} s",
                    secs(x) if env["CACHE"] == "yes" else no_cache, "",
                    verdict(None if x is None else x <= limit)))
for name, label in ((ONE, "unchanged since the last run"), (ONE_EDIT, "after an edit")):
    x = med(big, name)
    if x is not None:
        targets.append((f"one article (`tolk check SLUG`), {label}, in {big} articles", "≤ 10 ms",
                        secs(x), "", verdict(x <= 0.010)))
for n in sizes:
    rows = data[n][0]
    # pofilter runs its default checks: against tolk's default rules, and
    # against every rule.
    for name in dict.fromkeys(x for x in ("tolk check (builtin)", "tolk check", check_name(rows)) if x in rows):
        pf, ch = med(n, "pofilter"), med(n, name)
        if pf and ch:
            targets.append((f"pofilter / `{name}`, {n} articles", "≥ 50×",
                            f"{pf / ch:.0f}×", f"pofilter {secs(pf)}", verdict(pf / ch >= 50)))
st, st_warm, pc = med(big, "tolk status"), med(big, STATUS_WARM), med(big, "pocount")
if st_warm is not None:
    targets.append((f"`tolk status` (cache filled by an earlier run), {big} articles", "≤ 0.3 s",
                    secs(st_warm), f"without the cache {secs(st)}; pocount {secs(pc)}",
                    verdict(st_warm <= 0.3)))
targets.append((f"`tolk status` without the cache, {big} articles", "≤ 0.3 s", secs(st),
                f"pocount {secs(pc)}", verdict(None if st is None else st <= 0.3)))
r = data[big][0].get(check)
rss = r["rss_mb"] if r else None
targets.append((f"peak memory of `{check}`, {big} articles", "≤ 200 MB",
                "n/a" if rss is None else f"{rss:.0f} MB", "", verdict(None if rss is None else rss <= 200)))
if "10000" in sizes and "30000" in sizes:
    a, b = med("10000", check), med("30000", check)
    if a and b:
        targets.append((f"`{check}`, 30 000 / 10 000 articles", "≤ 3.3×", f"{b / a:.2f}×",
                        "3.0 is linear", verdict(b / a <= 3.3)))
else:
    targets.append(("30 000 / 10 000 articles", "≤ 3.3×", "not measured (sizes 10000 and 30000 needed)", "", "–"))
v, b = med(big, "tolk check (voikko)"), med(big, "tolk check (builtin)")
targets.append((f"`tolk check` with Voikko / builtin, {big} articles", "≤ 1.5×",
                f"{v / b:.2f}×" if v and b else "n/a (Voikko not installed)",
                "", verdict(None if not (v and b) else v / b <= 1.5)))

head = out[:]
out.clear()
w("## Targets\n")
w("The targets of the speed issue, measured in this run (medians; "
  "the largest size up to 10 000 articles unless the row says otherwise).\n")
w("| figure | target | measured | for comparison | met |")
w("|---|---|---:|---|---|")
for row in targets:
    w("| " + " | ".join(row) + " |")
w("")
if env.get("PLOT"):
    w(f"![time against corpus size]({env['PLOT']})\n")
    w(f"`{env['PLOT']}`: median time against corpus size, both axes logarithmic.\n")
# The targets come first, after the header and the commands.
out[:0] = head[:first_size_at]
out.extend(head[first_size_at:])

# The plot's data: one line per size, "?" where a command was not measured.
with open(os.path.join(results, "scaling.dat"), "w") as f:
    f.write("# size cold warm pofilter cat\n")
    for n in sizes:
        rows = data[n][0]
        cells = [med(n, check_name(rows)), med(n, WARM), med(n, "pofilter"), med(n, "cat (reading floor)")]
        f.write(n + " " + " ".join("?" if x is None else f"{x:.6f}" for x in cells) + "\n")

w("## Reproduce\n")
w("```sh")
w(env["CMDLINE"].strip())
w("```\n")
w("Corpora are generated into `target/bench-corpus/N` (reused while the generator, "
  "the seed article and glossary are unchanged); raw hyperfine JSON and "
  "`/usr/bin/time -v` output go to `target/bench-results/N`.")
# The large-article section is written by hand from bench/large.sh: kept.
path = os.path.join(env["REPO"], "BENCHMARKS.md")
kept = ""
if os.path.exists(path):
    old = open(path).read()
    at = old.find("\n## One large article")
    if at >= 0:
        kept = old[at:]
open(path, "w").write("\n".join(out) + "\n" + kept)
EOF
if [ -n "$PLOT" ]; then
    log "plotting $PLOT"
    plot "$RESULTS/scaling.dat" "$PLOT"
fi
log "done: BENCHMARKS.md"
