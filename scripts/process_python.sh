#!/usr/bin/env bash
# A Python with the sandbox image's packages, for the process sandbox (`validate --sandbox process`) on a
# host without Docker. Prints the interpreter's path on its last line; a second run takes a second.
#
#   scripts/process_python.sh [DIR]     # default: $TJ_CACHE_DIR or ~/.cache/torchjudge, then /process-python
#
# Environment: TJ_PROCESS_BASE   the interpreter the venv is made from (default: python3.11, the image's)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-${TJ_CACHE_DIR:-$HOME/.cache/torchjudge}/process-python}"
base="${TJ_PROCESS_BASE:-python3.11}"
stamp="$dir/.requirements"
if [ -x "$dir/bin/python" ] && cmp -s graders/image/requirements.txt "$stamp"; then
  echo "$dir/bin/python"
  exit 0
fi
command -v "$base" >/dev/null || { echo "process_python: $base not found (set TJ_PROCESS_BASE)" >&2; exit 1; }
rm -rf "$dir"
"$base" -m venv "$dir" >&2
"$dir/bin/pip" install -q -r graders/image/requirements.txt >&2
cp graders/image/requirements.txt "$stamp"
echo "$dir/bin/python"
