"""A sample's full values as a download, on the problem page and in the API, where the preview kept them."""

from __future__ import annotations

import base64

import pytest

from judge.models import Problem, ProblemVersion

pytestmark = pytest.mark.django_db(transaction=True)
FILE = b"\x08\x00\x00\x00\x00\x00\x00\x00{}      "  # any bytes: the view serves them as they were kept


@pytest.fixture
def kept(problems) -> Problem:
    problem = Problem.objects.get(slug="stable-softmax")
    ProblemVersion.objects.filter(pk=problem.live_version_id).update(
        sample_arguments={"row": "x = tensor of shape (1, 5)"},
        sample_values={"row": base64.b64encode(FILE).decode()})
    return problem


def test_download_on_the_page_and_in_the_api(client, kept):
    page = client.get("/problems/stable-softmax/").content.decode()
    assert 'href="/problems/stable-softmax/samples/row.safetensors"' in page
    response = client.get("/problems/stable-softmax/samples/row.safetensors")
    assert response.status_code == 200 and response.content == FILE
    assert response["Content-Disposition"] == 'attachment; filename="stable-softmax-row.safetensors"'
    samples = client.get("/api/problems/stable-softmax/").json()["samples"]
    assert samples[0]["download"] == "http://testserver/problems/stable-softmax/samples/row.safetensors"
    assert samples[1]["download"] is None  # small-batch: nothing kept
    assert client.get("/problems/stable-softmax/samples/small-batch.safetensors").status_code == 404
    assert client.get("/problems/no-such-problem/samples/row.safetensors").status_code == 404
