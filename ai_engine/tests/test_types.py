import hashlib
import json

from ai_engine import PolicyText, TicketText, input_fingerprint

POLICIES = [
    PolicyText(
        "refunds", "Refunds", 'Within 14 days, "no questions".', ("billing",), {"de": ("Erstattung", "Ü")}
    ),
    PolicyText("export", "Export", "Settings > Export.", ("general_question", "technical_issue")),
]


def _documented(ticket: TicketText, policies) -> str:
    """The fingerprint as decisions stored by earlier versions carry it: one JSON document."""
    material = {
        "engine": "openai",
        "model": "gpt-4o-mini",
        "prompt": "abc",
        "subject": ticket.subject,
        "body": ticket.body,
        "language": ticket.language,
        "policies": [
            [p.key, p.title, p.text, list(p.intents), sorted(p.translations.items())] for p in policies
        ],
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _fingerprint(ticket, policies) -> str:
    return input_fingerprint(
        engine="openai", model="gpt-4o-mini", prompt_hash="abc", ticket=ticket, policies=policies
    )


def test_the_fingerprint_is_the_hash_stored_decisions_were_saved_under():
    for ticket in (TicketText("Rückerstattung", 'Ich möchte "mein Geld"\nzurück', "de"), TicketText("", "")):
        assert _fingerprint(ticket, POLICIES) == _documented(ticket, POLICIES)
    assert _fingerprint(TicketText("a", "b"), []) == _documented(TicketText("a", "b"), [])


def test_a_changed_policy_translation_changes_the_fingerprint():
    ticket = TicketText("Refund", "Can I get my money back?", "en")
    edited = [
        PolicyText("refunds", "Refunds", POLICIES[0].text, ("billing",), {"de": ("Erstattung", "Neu")}),
        POLICIES[1],
    ]
    assert _fingerprint(ticket, POLICIES) != _fingerprint(ticket, edited)
    assert _fingerprint(ticket, edited) == _documented(ticket, edited)
