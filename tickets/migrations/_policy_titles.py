"""Renaming a starter policy's title in a migration, where nobody has edited it.

Not a migration itself (the loader skips modules starting with "_"): migrations 0013 and
0014 use it. A title an operator changed is left as they wrote it, in every language.
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
