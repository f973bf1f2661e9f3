"""TorchJudge's grading engine: problem packages, the Docker sandbox and the trusted harness.

Nothing in this package imports Django: the web side calls it, never the other way round.
"""
