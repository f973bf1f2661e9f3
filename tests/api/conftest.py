"""API fixtures: the page tests' helpers (no worker), plus a token-authenticated client."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.web.conftest import alice_client, fresh_limits, no_queue, previews  # noqa: F401  (shared fixtures)


@pytest.fixture
def token(alice) -> str:
    return Token.objects.create(user=alice).key


@pytest.fixture
def api(token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client
