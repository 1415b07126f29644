"""The customer's pages in the customer's language: the ticket's, else the browser's."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from tickets.portal.forms import ReopenForm, ReplyForm, TicketForm
from tickets.tests.test_portal import FORM, answered, page

PORTAL_TEMPLATES = Path(settings.BASE_DIR) / "templates" / "portal"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, words",
    [
        ("de", ["Beantwortet", "Hat das Ihr Problem gelöst?", "Das hat es nicht gelöst", "Schreiben Sie"]),
        ("es", ["Respondida", "¿Resolvió esto su problema?", "Esto no lo resolvió", "Escríbanos"]),
        ("fr", ["Répondue", "Cela a-t-il résolu votre problème ?", "Cela ne l'a pas résolu"]),
    ],
)
def test_a_ticket_page_speaks_the_language_the_ticket_was_written_in(client, language, words):
    ticket = answered(language=language)

    # The browser says English: the ticket's language wins, as the emails do.
    response = client.get(page(client, ticket).request["PATH_INFO"], HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert f'<html lang="{language}">' in html and response["Content-Language"] == language
    for word in words:
        assert word in html, word
    assert "Did this solve your problem?" not in html


@pytest.mark.django_db
def test_a_ticket_in_a_language_we_do_not_answer_in_gets_the_english_page(client):
    html = page(client, answered(language="it")).content.decode()

    assert '<html lang="en">' in html and "Did this solve your problem?" in html


@pytest.mark.django_db
def test_the_web_form_follows_the_browser_and_so_does_the_new_tickets_page(client):
    spanish = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9,en;q=0.5"}

    form = client.get("/submit/", **spanish).content.decode()
    assert "Contactar con soporte" in form and "Su dirección de correo" in form
    # Errors beside the fields too (Django ships the Spanish messages).
    refused = client.post("/submit/", {**FORM, "subject": ""}, **spanish).content.decode()
    assert "Este campo es requerido." in refused

    created = client.post("/submit/", FORM, follow=True, **spanish)
    html = created.content.decode()
    # Not triaged yet, so no detected language: the browser's.
    assert "Gracias: hemos recibido su solicitud." in html and "Recibida" in html


@pytest.mark.django_db
def test_staff_pages_stay_in_english_whatever_the_browser_asks(client):
    landing = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert "Support kontaktieren" in landing  # the customer's landing page follows the browser
    assert "Log in" in login and "Anmelden" not in login


def _translatable_strings() -> set[str]:
    strings = set()
    for template in PORTAL_TEMPLATES.glob("*.html"):
        strings |= set(re.findall(r'{% translate "([^"]+)" %}', template.read_text()))
    for form in (TicketForm(), ReplyForm(), ReopenForm()):
        strings |= {str(field.label) for field in form.fields.values()}
    return strings


@pytest.mark.parametrize("language", ["de", "es", "fr"])
def test_every_string_of_the_customers_pages_is_translated_in_the_compiled_catalogue(language):
    strings = _translatable_strings()
    assert len(strings) > 30  # the scan found the pages' words
    with translation.override("en"):
        english = {s: str(translation.gettext(s)) for s in strings}
    with translation.override(language):
        untranslated = [s for s in strings if translation.gettext(s) == english[s] and s != "Dashboard"]
    # After editing a page: manage.py makemessages -l de -l es -l fr, translate, compilemessages.
    assert untranslated == []
