"""Does the speed score measure the code? Grade the reference, and a variant that does the reference's work
twice, several times each on several bank problems, through the production grading path.

    .venv/bin/python bench/timing_fidelity.py [--runs 5] [--problems stable-softmax layer-norm ...]
                                              [--sandbox docker|process]

A faithful timer scores the reference about 1.0 and the twice-the-work variant about 0.5. The script prints
a Markdown table (medians, min-max spreads, and how long the timing phase took), ready for
docs/benchmarks.md, with the machine it ran on.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graders.cli import load_problem  # noqa: E402
from graders.config import engine_config  # noqa: E402
from graders.container import DockerSandbox  # noqa: E402
from graders.engine import grade  # noqa: E402
from graders.package import ProblemPackage  # noqa: E402

DEFAULT_PROBLEMS = ["stable-softmax", "layer-norm", "box-iou", "multihead-attention"]


def twice_the_work(package: ProblemPackage) -> str:
    """The reference, made to do all of its work twice and return the second result. A function is called
    twice. A module class keeps a twin, an independent copy (not a submodule, so not in its state dict),
    that is built, moved, loaded and run alongside it: everything the driver asks of the module is done twice,
    on separate weights."""
    entry = package.entry
    if entry[0].isupper():
        wrapper = f"""
            _Once = {entry}
            class {entry}(_Once):
                def __init__(self, *args, **kwargs):
                    super().__init__(*args, **kwargs)
                    object.__setattr__(self, "_twin", _Once(*args, **kwargs))
                def to(self, *args, **kwargs):
                    self._twin.to(*args, **kwargs)
                    return super().to(*args, **kwargs)
                def train(self, mode=True):
                    self._twin.train(mode)
                    return super().train(mode)
                def load_state_dict(self, *args, **kwargs):
                    self._twin.load_state_dict(*args, **kwargs)
                    return super().load_state_dict(*args, **kwargs)
                def forward(self, *args, **kwargs):
                    self._twin(*args, **kwargs)
                    return super().forward(*args, **kwargs)
        """
    else:
        wrapper = f"""
            _once = {entry}
            def {entry}(*args, **kwargs):
                _once(*args, **kwargs)
                return _once(*args, **kwargs)
        """
    return package.reference + "\n" + textwrap.dedent(wrapper)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def sandbox_for(kind: str):  # noqa: ANN201 - either sandbox has the Sandbox interface
    if kind == "process":
        from graders.process_sandbox import ProcessSandbox

        return ProcessSandbox()
    return DockerSandbox()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--problems", nargs="*", default=DEFAULT_PROBLEMS)
    parser.add_argument("--sandbox", choices=("docker", "process"), default="docker")
    args = parser.parse_args()
    config = engine_config()
    sandbox = sandbox_for(args.sandbox)
    print(f"machine: {machine()}; device {'cuda' if config.gpu is not None else 'cpu'}; "
          f"sandbox {args.sandbox}, cpus={config.cpus} cpuset={config.cpuset} threads={config.threads}\n")
    print("| problem | variant | speedup median | min-max | faithful | timing phase s (median, max) | pairs × batch |")
    print("|---|---|---|---|---|---|---|")
    ok = True
    for slug in args.problems:
        package = load_problem(slug)
        for variant, code, target in (("reference", package.reference, 1.0), ("twice", twice_the_work(package), 0.5)):
            speedups, phases, shape = [], [], ""
            for _ in range(args.runs):
                phase: dict[str, float] = {}

                def on_event(event: dict, phase: dict[str, float] = phase) -> None:
                    if event["event"] == "timing":  # the first comes as timing starts, the last as it ends
                        phase.setdefault("first", time.monotonic())
                        phase["last"] = time.monotonic()

                started = time.monotonic()
                result = grade(package, code, "submit", sandbox, config, on_event=on_event)
                if result.verdict != "AC":
                    print(f"{slug} {variant}: {result.verdict} {result.message[:300]}", file=sys.stderr)
                    ok = False
                    break
                speedups.append(result.speedup)
                phases.append(phase.get("last", started) - phase.get("first", started))
                case = result.timing["cases"][0]
                shape = f"{case['runs']} × {case.get('batch', 1)}"
            if not speedups:
                continue
            median = statistics.median(speedups)
            faithful = abs(median - target) <= (0.10 if target == 1.0 else 0.08)  # the test suite's bounds
            ok &= faithful
            print(f"| {slug} | {variant} | {median:.3f} | {min(speedups):.3f}-{max(speedups):.3f} | "
                  f"{'yes' if faithful else 'NO'} (want {target}) | "
                  f"{statistics.median(phases):.2f}, {max(phases):.2f} | {shape} |",
                  flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
