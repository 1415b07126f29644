"""The starter policies are what auto-resolved replies quote: they must be safe to send as they are."""

import re

import pytest

from ai_engine import ANSWER_LANGUAGES
from tickets.starter_policies import STARTER_POLICIES

# A reply must never promise an action the system will not take (rubric section 6).
PROMISES = re.compile(
    r"\b(we will|we'll|our team will|you will receive a refund|we reverse|we refund|"
    r"wir werden|wir erstatten|nous allons|nous rembourserons|vamos a|le reembolsaremos)\b",
    re.IGNORECASE,
)


def texts():
    for policy in STARTER_POLICIES:
        yield policy["key"], "en", policy["text"]
        for language, translation in policy["translations"].items():
            yield policy["key"], language, translation["text"]


@pytest.mark.parametrize("key, language, text", list(texts()), ids=lambda v: v if len(v) < 40 else "")
def test_policy_sentences_promise_no_action_and_name_no_internal_key(key, language, text):
    assert not PROMISES.search(text), PROMISES.search(text)
    assert key not in text


def test_every_starter_policy_is_written_in_every_reply_language_with_the_same_sentences():
    for policy in STARTER_POLICIES:
        assert set(policy["translations"]) | {"en"} == set(ANSWER_LANGUAGES), policy["key"]
        english = policy["text"].count(". ")
        for language, translation in policy["translations"].items():
            assert translation["title"] and translation["text"], (policy["key"], language)
            assert translation["text"].count(". ") == english, (policy["key"], language)


@pytest.mark.django_db
def test_a_title_renamed_by_a_migration_is_renamed_only_where_nobody_edited_it():
    from django.apps import apps

    from tickets.migrations._policy_edits import policy_title_rename
    from tickets.models import Policy

    rename = policy_title_rename(
        "billing-pricing", {"": ("Old", "New"), "de": ("Alt", "Neu"), "fr": ("A", "B")}
    )
    policy = Policy.objects.get(key="billing-pricing")
    translations = policy.translations | {"de": {**policy.translations["de"], "title": "Alt"}}
    translations["fr"] = {**translations["fr"], "title": "Nos prix"}  # edited by an operator
    Policy.objects.filter(pk=policy.pk).update(title="Old", translations=translations)

    rename.code(apps, None)
    policy.refresh_from_db()

    assert policy.title == "New"
    assert policy.translations["de"]["title"] == "Neu"
    assert policy.translations["fr"]["title"] == "Nos prix"
    rename.reverse_code(apps, None)
    policy.refresh_from_db()
    assert (policy.title, policy.translations["de"]["title"]) == ("Old", "Alt")


@pytest.mark.django_db
def test_a_sentence_replaced_by_a_migration_is_replaced_only_where_it_is_still_written():
    from django.apps import apps

    from tickets.migrations._policy_edits import policy_sentence_replace
    from tickets.models import Policy

    replace = policy_sentence_replace(
        "tech-api-webhooks", {"": ("Old one.", "New one."), "de": ("Alt.", "Neu.")}
    )
    policy = Policy.objects.get(key="tech-api-webhooks")
    translations = policy.translations | {"de": {**policy.translations["de"], "text": "Eigener Text."}}
    Policy.objects.filter(pk=policy.pk).update(text="Intro. Old one. Outro.", translations=translations)

    replace.code(apps, None)
    policy.refresh_from_db()

    assert policy.text == "Intro. New one. Outro."
    assert policy.translations["de"]["text"] == "Eigener Text."  # edited by an operator
    replace.reverse_code(apps, None)
    policy.refresh_from_db()
    assert policy.text == "Intro. Old one. Outro."
