"""Edits to a starter policy in a migration, where nobody has edited that part.

Not a migration itself (the loader skips modules starting with "_"): migrations 0013 to
0015 use it. What an operator changed is left as they wrote it, in every language.
"""

from django.db import migrations


def policy_title_rename(key: str, titles: dict[str, tuple[str, str]]) -> migrations.RunPython:
    """`titles`: language ("" for the policy's own text) -> (old title, new title). Reversible."""

    def rename(apps, direction: int) -> None:
        policy = apps.get_model("tickets", "Policy").objects.filter(key=key).first()
        if policy is None:
            return
        old, new = titles[""][::direction]
        if policy.title == old:
            policy.title = new
        for language, translation in (policy.translations or {}).items():
            if language in titles and translation.get("title") == titles[language][::direction][0]:
                translation["title"] = titles[language][::direction][1]
        policy.save(update_fields=["title", "translations", "updated_at"])

    return migrations.RunPython(
        lambda apps, schema_editor: rename(apps, 1), lambda apps, schema_editor: rename(apps, -1)
    )


def policy_sentence_replace(key: str, sentences: dict[str, tuple[str, str]]) -> migrations.RunPython:
    """`sentences`: language ("" for the policy's own text) -> (old sentence, new sentence),
    replaced where the old one is still in the text as written. Reversible."""

    def replace(apps, direction: int) -> None:
        policy = apps.get_model("tickets", "Policy").objects.filter(key=key).first()
        if policy is None:
            return
        old, new = sentences[""][::direction]
        policy.text = policy.text.replace(old, new)
        for language, translation in (policy.translations or {}).items():
            if language in sentences and "text" in translation:
                old, new = sentences[language][::direction]
                translation["text"] = translation["text"].replace(old, new)
        policy.save(update_fields=["text", "translations", "updated_at"])

    return migrations.RunPython(
        lambda apps, schema_editor: replace(apps, 1), lambda apps, schema_editor: replace(apps, -1)
    )
