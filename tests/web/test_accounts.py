"""Sign up, log in, log out and change password through the site's own templates."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-unusual-passphrase-9"


def test_signup_logs_in(client):
    response = client.post("/accounts/signup/", {"username": "carol", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert b"carol" in client.get("/").content


def test_login_logout(client, alice, password):
    assert client.post("/accounts/login/", {"username": "alice", "password": password}).status_code == 302
    assert client.get("/profile/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/profile/").status_code == 302


def test_change_password(alice_client, alice, password):
    response = alice_client.post("/accounts/password_change/", {
        "old_password": password, "new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
    assert b"Password changed" in alice_client.get(response["Location"]).content
