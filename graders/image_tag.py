"""The sandbox image's tag: a hash of every file that goes into the image.

The worker and `scripts/engine.sh` compute it the same way, so a worker never grades with a stale harness:
when the sandbox code changes, the tag changes and the engine script builds the new image.
"""

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def image_inputs() -> list[Path]:
    """Files whose content defines the image, in a stable order."""
    files = [ROOT / "__init__.py", ROOT / "image" / "Dockerfile", ROOT / "image" / "requirements.txt"]
    files += sorted(p for p in (ROOT / "sandbox").rglob("*.py") if "__pycache__" not in p.parts)
    return files


def image_tag() -> str:
    """Twelve hex digits that change whenever an input file changes."""
    digest = hashlib.sha256()
    for path in image_inputs():
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


if __name__ == "__main__":
    print(image_tag())
