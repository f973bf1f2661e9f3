"""Reading a sandbox's attach stream: the job ends at the line that completes its result."""

import socket
import struct
import time

from graders.container import _StreamReader


def frame(kind: int, payload: bytes) -> bytes:
    """One frame of Docker's multiplexed attach stream (1 = stdout, 2 = stderr)."""
    return struct.pack(">BxxxI", kind, len(payload)) + payload


def test_reading_stops_at_the_line_that_completes_the_result_and_nothing_after_it_is_taken():
    ours, theirs = socket.socketpair()
    seen: list[bytes] = []
    reader = _StreamReader(ours, cap=1 << 20, on_line=lambda line: seen.append(line) or line == b"final")
    theirs.sendall(frame(1, b"started\nfinal\nforged after the verdict\n") + frame(2, b"a warning\n"))
    # The sender never closes its end: a harness still exiting, or a container Docker is tearing down.
    assert reader.read_until(time.monotonic() + 5) is True
    assert reader.complete and seen == [b"started", b"final"]
    theirs.close()
    ours.close()


def test_without_a_completing_line_it_reads_to_the_end_of_the_stream():
    ours, theirs = socket.socketpair()
    seen: list[bytes] = []
    reader = _StreamReader(ours, cap=1 << 20, on_line=lambda line: seen.append(line) or False)
    theirs.sendall(frame(1, b"started\nlast words"))
    theirs.close()
    assert reader.read_until(time.monotonic() + 5) is True
    assert not reader.complete and seen == [b"started", b"last words"]
    ours.close()
