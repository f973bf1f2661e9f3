#!/usr/bin/env python
"""Django's command-line utility for TorchJudge.

The site lives in platform/, which is a plain folder (not a package: `platform` is a standard-library
module), so it is put on sys.path here.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def main() -> None:
    sys.path[:0] = [str(ROOT / "platform"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torchjudge.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
