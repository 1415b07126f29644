"""The customer's new words in a reply, with the quoted thread cut off, in each language."""

import pytest

from tickets.email.replies import reply_text

QUOTE = "> Hola:\n> Gracias por escribir al soporte de Cloudnest."


@pytest.mark.parametrize(
    "header",
    [
        "El mié, 2 dic 2026 a las 14:44, <support@example.com> escribió:",
        "El mié, 2 dic 2026 a las 14:44, Soporte Cloudnest <support@example.com> escribió:",
        "El mié., 2 dic. 2026 14:44, Soporte Cloudnest <\nsupport@example.com> escribió:",
    ],
)
def test_a_spanish_gmail_reply_keeps_only_the_new_words(header):
    text = f"Adjunto el extracto del banco. ¿Cuándo me devolvéis el dinero?\n\n{header}\n{QUOTE}"

    assert reply_text(text) == "Adjunto el extracto del banco. ¿Cuándo me devolvéis el dinero?"


def test_a_message_that_only_mentions_escribio_is_kept_whole():
    text = "El técnico me escribió: que reinstale la app.\nLo hice y sigue igual."

    assert reply_text(text) == text
