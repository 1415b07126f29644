from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_ensure_admin_generates_a_password_printed_once(monkeypatch):
    for name in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    first, second = StringIO(), StringIO()

    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)

    password = first.getvalue().split("admin / ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert password not in second.getvalue()
    assert "exists already" in second.getvalue()


@pytest.mark.django_db
def test_ensure_admin_uses_the_django_superuser_variables(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "chief")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-pass")

    call_command("ensure_admin", stdout=StringIO())

    user = get_user_model().objects.get(username="chief")
    assert user.is_superuser and user.is_staff and user.check_password("s3cret-pass")


@pytest.mark.django_db
def test_load_policies_restores_missing_starter_policies_and_keeps_edits():
    from tickets.models import Policy

    Policy.objects.filter(key="billing-refunds").delete()
    Policy.objects.filter(key="billing-invoices").update(title="Edited")
    out = StringIO()

    call_command("load_policies", stdout=out)

    assert "1 policies created" in out.getvalue()
    assert Policy.objects.get(key="billing-invoices").title == "Edited"
