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


def test_signup_takes_an_optional_email(client, django_user_model):
    with_email = {"username": "dora", "email": "dora@example.org", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post("/accounts/signup/", with_email).status_code == 302
    assert django_user_model.objects.get(username="dora").email == "dora@example.org"
    client.logout()
    without = {"username": "erin", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post("/accounts/signup/", without).status_code == 302
    assert django_user_model.objects.get(username="erin").email == ""


def test_password_reset_by_email(client, django_user_model, mailoutbox):
    import re

    django_user_model.objects.create_user("frank", email="frank@example.org", password="old-password-123")
    login_page = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password_reset/"' in login_page
    form = client.get("/accounts/password_reset/").content.decode()
    assert "Reset your password" in form and "/static/css/site.css" in form  # the site's own styled page
    assert client.post("/accounts/password_reset/", {"email": "frank@example.org"}).status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == "Reset your TorchJudge password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mailoutbox[0].body).group(1)
    set_form = client.get(link, follow=True)
    assert b"Choose a new password" in set_form.content
    done = client.post(set_form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302 and client.login(username="frank", password=PASSWORD)
