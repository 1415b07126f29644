"""The starter security policy's title names data hosting, where nobody has edited it.

"Wo werden unsere Daten gehostet?" was answered with the data export policy: the
local engine weighs how close a question is to a policy's title, and "Sicherheit und
Compliance" says nothing of where data lives, though the policy does.
"""

from django.db import migrations

KEY = "general-security"
# language ("" for the policy's own text): (old title, new title)
TITLES = {
    "": ("Security and compliance", "Security, data hosting and compliance"),
    "de": ("Sicherheit und Compliance", "Sicherheit, Datenstandort und Compliance"),
    "es": ("Seguridad y cumplimiento", "Seguridad, alojamiento de datos y cumplimiento"),
    "fr": ("Sécurité et conformité", "Sécurité, hébergement des données et conformité"),
}


def rename(apps, direction: int) -> None:
    policy = apps.get_model("tickets", "Policy").objects.filter(key=KEY).first()
    if policy is None:
        return
    old, new = TITLES[""][::direction]
    if policy.title == old:
        policy.title = new
    for language, translation in (policy.translations or {}).items():
        if language in TITLES and translation.get("title") == TITLES[language][::direction][0]:
            translation["title"] = TITLES[language][::direction][1]
    policy.save(update_fields=["title", "translations", "updated_at"])


class Migration(migrations.Migration):
    dependencies = [("tickets", "0012_mail_retention")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, 1), lambda apps, schema_editor: rename(apps, -1)
        )
    ]
