#!/usr/bin/env bash
# Mutation testing with mutmut: how many small bug-introducing edits the test suite catches.
#
# Modules: validation, conversion (rates, convert, currencies), the CSV exporter, the batch
# writer (batch/outputs.py) and the date calendar; the tests each mutant is tried against
# are the in-process ones listed in pyproject.toml [tool.mutmut] (mutmut runs, for each
# mutant, those of them that reach the mutated function). Prints the kill rate per module.
#
#   benchmarks/mutation.sh                    # all five: about an hour on 2 shared cores
#   benchmarks/mutation.sh calendar outputs   # some: validation conversion csv outputs calendar
#   JOBS=4 benchmarks/mutation.sh csv         # mutants tried in parallel (default 2)
#
# Results stay in mutants/ (git-ignored): `mutmut results`, `mutmut show NAME` for a survivor.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A PATTERNS=(
  [validation]="annotator.validation.*"
  [conversion]="annotator.conversion.*"
  [csv]="annotator.exporters.csv.*"
  [outputs]="annotator.batch.outputs.*"
  [calendar]="annotator.annotators.dates.calendar.*"
)
modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(validation conversion csv outputs calendar)
patterns=()
for module in "${modules[@]}"; do
  [ -n "${PATTERNS[$module]:-}" ] || { echo "unknown module: $module (${!PATTERNS[*]})" >&2; exit 2; }
  patterns+=("${PATTERNS[$module]}")
done

# The tests read the shared corpus as ../shared from the project root, and mutmut runs them
# from mutants/: a link in the project root, for the run only, points them to it.
if [ ! -e shared ]; then
  ln -s ../shared shared
  trap 'rm -f shared' EXIT
fi

mutmut run --max-children "${JOBS:-2}" "${patterns[@]}"

mutmut results --all true | python3 -c '
import collections, fnmatch, sys

patterns = dict(arg.split("=", 1) for arg in sys.argv[1:])
counts = {name: collections.Counter() for name in patterns}
for line in sys.stdin:
    mutant, _, status = line.strip().rpartition(": ")
    for name, pattern in patterns.items():
        if fnmatch.fnmatch(mutant, pattern):
            counts[name][status] += 1
row = "%-12s %8s %7s %9s %6s %10s"
print(row % ("module", "mutants", "killed", "survived", "other", "kill rate"))
total = collections.Counter()
for name, count in [*counts.items(), ("all", None)]:
    count = total if count is None else count
    if count is not total:
        total.update(count)
    tried = sum(n for status, n in count.items() if status != "not checked")
    if tried:
        killed = count["killed"] + count["timeout"]
        other = tried - killed - count["survived"]
        rate = "%.1f %%" % (100 * killed / tried)
        print(row % (name, tried, killed, count["survived"], other, rate))
' $(for module in "${modules[@]}"; do printf '%s=%s ' "$module" "${PATTERNS[$module]}"; done)
