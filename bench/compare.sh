#!/usr/bin/env bash
# Side-by-side timing: runs bench/reference/NAME.py (NumPy / PyTorch / scikit-learn) and the JMH
# benchmarks whose class name starts with NAME (case-insensitive), in one run on one machine, and
# prints a table of both with the ratio reference/netcompare (above 1: netcompare is faster).
#
#   bench/compare.sh gemm                 # all cases
#   bench/compare.sh knn -p n=2000        # extra arguments go to JMH
#
# Conventions: a reference script prints one JSON object per case,
#   {"params": {"n": "1024"}, "seconds": 0.0123}
# with the same parameter names and values as the @Param fields of the JMH benchmark, which
# reports average time in seconds per operation.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bench/compare.sh NAME [JMH arguments]" >&2; exit 2; }
name="$1"; shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
script="$root/bench/reference/$name.py"
[ -f "$script" ] || { echo "compare.sh: no reference script $script" >&2; exit 2; }

(cd "$root" && ./mvnw -B -q -DskipTests -pl bench -am package)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

echo "== reference ($script)" >&2
"$python" "$script" | tee "$work/reference.jsonl" >&2
class="$(echo "${name:0:1}" | tr a-z A-Z)${name:1}"
echo "== netcompare (JMH ${class}Benchmark)" >&2
java --add-modules jdk.incubator.vector -jar "$root/bench/target/benchmarks.jar" \
    "(?i)${class}Benchmark" -rf json -rff "$work/jmh.json" "$@" >&2

"$python" - "$work/reference.jsonl" "$work/jmh.json" <<'PY'
import json, sys
reference = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
jmh = json.load(open(sys.argv[2]))
def key(params):
    return tuple(sorted((k, str(v)) for k, v in (params or {}).items()))
ref = {key(r["params"]): r["seconds"] for r in reference}
print(f"| {'benchmark':40} | {'parameters':28} | {'netcompare s':>12} | {'reference s':>12} | {'ratio':>6} |")
print(f"|{'-'*42}|{'-'*30}|{'-'*14}|{'-'*14}|{'-'*8}|")
for run in jmh:
    seconds = run["primaryMetric"]["score"]
    unit = run["primaryMetric"]["scoreUnit"]
    scale = {"s/op": 1, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}[unit]
    seconds *= scale
    params = run.get("params") or {}
    r = ref.get(key(params))
    bench = run["benchmark"].rsplit(".", 2)[-2] + "." + run["benchmark"].rsplit(".", 1)[-1]
    shown = ",".join(f"{k}={v}" for k, v in sorted(params.items()))
    ratio = f"{r / seconds:6.2f}" if r else "   n/a"
    rs = f"{r:12.4g}" if r else "         n/a"
    print(f"| {bench:40} | {shown:28} | {seconds:12.4g} | {rs} | {ratio} |")
PY
