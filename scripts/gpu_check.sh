#!/usr/bin/env bash
# The GPU check, for a GPU host without Docker: grade the whole bank on CUDA in the process sandbox (the harness
# in a private PID namespace), then run the timing fidelity benchmark on GPU problems. Needs root (for the PID
# namespace), one NVIDIA GPU and a Python with the sandbox's packages; no Django, no database, no Docker engine.
# Finishes in under 8 minutes; prints a summary to record in docs/benchmarks.md.
#
#   sudo scripts/gpu_check.sh
#
# Environment:
#   TJ_CHECK_PYTHON    the Python to run with (default: python3); it needs torch (CUDA), safetensors, pyyaml,
#                      docker (the Python client, imported by graders/), torchvision and transformers
#   TJ_GPU             the GPU to use (default 0)
#   TJ_CHECK_JOBS      gradings in parallel (default 12: each grading mostly waits on process start-up)
set -uo pipefail
cd "$(dirname "$0")/.."
die() { printf 'gpu_check: %s\n' "$*" >&2; exit 2; }
py="${TJ_CHECK_PYTHON:-python3}"
command -v "$py" >/dev/null || die "$py not found; set TJ_CHECK_PYTHON"
missing=$("$py" -c 'import importlib.util as u; print(" ".join(m for m in ("torch", "safetensors", "yaml", "docker", "torchvision", "transformers") if u.find_spec(m) is None))')
[ -z "$missing" ] || die "$py lacks: $missing (pip install the versions in requirements.lock and graders/image/requirements.txt)"
"$py" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' || die "torch sees no CUDA device"
[ "$(id -u)" = 0 ] || die "run as root: the process sandbox needs a private PID namespace"

export TJ_GPU="${TJ_GPU:-0}"
export TJ_PROCESS_PYTHON="${TJ_PROCESS_PYTHON:-$(command -v "$py")}"
export TJ_CACHE_DIR="${TJ_CACHE_DIR:-$(mktemp -d /tmp/tj-gpu-check.XXXXXX)}"  # fresh: every verdict graded now
jobs="${TJ_CHECK_JOBS:-12}"
log="$TJ_CACHE_DIR/validate.log"
started=$(date +%s)

echo "== host: $(nvidia-smi -i "$TJ_GPU" --query-gpu=name,driver_version,memory.total --format=csv,noheader)"
echo "== torch $("$py" -c 'import torch, triton; print(torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__)' 2>&1 | tail -1)"
echo "== validate --device cuda --sandbox process --jobs $jobs (the whole bank)"
timeout 360 "$py" -m graders.cli validate --device cuda --sandbox process --no-cache --jobs "$jobs" >"$log" 2>&1
status=$?
grep -E " BAD |^INVALID |^internal error" "$log"
tail -1 "$log"
validated=$(date +%s)

fidelity_status="skipped (bench/timing_fidelity.py not present)"
if [ -f bench/timing_fidelity.py ]; then
  gpu_problems=$(grep -l "^gpu: true" problems/*/problem.yaml | xargs -r -n1 dirname | xargs -r -n1 basename | head -3)
  echo "== timing fidelity on $(echo $gpu_problems | tr '\n' ' ')"
  timeout $((470 - validated + started)) "$py" bench/timing_fidelity.py --sandbox process --runs 3 \
    --problems $gpu_problems
  fidelity_status="exit $?"
fi
echo "== summary: validate exit $status; fidelity $fidelity_status; $(( $(date +%s) - started )) s in all"
[ "$status" = 0 ]
