"""docker-compose.yml: CPU worker, GPU worker and beat are separate services, each on its own queue."""

from pathlib import Path

import yaml

COMPOSE = yaml.safe_load((Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def queues(service: str) -> str:
    command = SERVICES[service]["command"]
    return command[command.index("-Q") + 1]


def test_cpu_and_gpu_workers_take_only_their_own_queue_and_neither_runs_beat():
    assert queues("worker") == "cpu" and queues("worker-gpu") == "gpu"
    for name in ("worker", "worker-gpu"):
        command = SERVICES[name]["command"]
        assert command[:4] == ["celery", "-A", "torchjudge", "worker"]
        assert "-B" not in command and "--beat" not in command  # beat runs once, in its own service


def test_the_gpu_worker_reserves_its_gpu_and_names_it_to_the_sandboxes():
    worker = SERVICES["worker-gpu"]
    (device,) = worker["deploy"]["resources"]["reservations"]["devices"]
    assert device["driver"] == "nvidia" and "gpu" in device["capabilities"]
    assert device["device_ids"] == ["${TJ_GPU:-0}"] and worker["environment"]["TJ_GPU"] == "${TJ_GPU:-0}"
    assert worker["profiles"] == ["gpu"]  # a host without NVIDIA's runtime still starts the rest
    assert worker["environment"]["DATABASE_URL"] == SERVICES["worker"]["environment"]["DATABASE_URL"]


def test_one_beat_service():
    beats = [name for name, s in SERVICES.items() if s.get("command", [])[:4] == ["celery", "-A", "torchjudge", "beat"]]
    assert beats == ["beat"]
