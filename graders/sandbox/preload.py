"""Heavy libraries a sandbox imports before its job exists, so a problem built on them answers at once.

Importing transformers' model code takes about 3 s of CPU. A problem's driver builds a BERT or GPT-2 in
both runners, so a Run on it spent 6-7 s importing twice. The warm pool keeps a sandbox whose harness has
imported these libraries before forking the runners (see graders/pool.py); the job of a problem that uses
them (`ProblemPackage.preload`) takes that one. Only the problem's own files decide it, never the
submission. No torch import here: the worker imports this to read LIBRARIES.
"""

from __future__ import annotations

import importlib

# A library a problem may use, and the modules that make up most of its import time.
LIBRARIES: dict[str, tuple[str, ...]] = {
    "torchvision": ("torchvision",),
    "transformers": ("transformers.modeling_utils", "transformers.models.bert.modeling_bert",
                     "transformers.models.gpt2.modeling_gpt2"),
}
ENV = "TJ_PRELOAD"  # the sandbox's environment: comma-separated names from LIBRARIES


def load(names: str) -> None:
    """Import the libraries named in `names` (the ENV variable's value), before any runner is forked."""
    for name in filter(None, names.split(",")):
        for module in LIBRARIES[name]:
            importlib.import_module(module)
