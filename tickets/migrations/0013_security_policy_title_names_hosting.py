"""The starter security policy's title names data hosting, where nobody has edited it.

"Wo werden unsere Daten gehostet?" was answered with the data export policy: the
local engine weighs how close a question is to a policy's title, and "Sicherheit und
Compliance" says nothing of where data lives, though the policy does.
"""

from django.db import migrations

from tickets.migrations._policy_edits import policy_title_rename

KEY = "general-security"
# language ("" for the policy's own text): (old title, new title)
TITLES = {
    "": ("Security and compliance", "Security, data hosting and compliance"),
    "de": ("Sicherheit und Compliance", "Sicherheit, Datenstandort und Compliance"),
    "es": ("Seguridad y cumplimiento", "Seguridad, alojamiento de datos y cumplimiento"),
    "fr": ("Sécurité et conformité", "Sécurité, hébergement des données et conformité"),
}


class Migration(migrations.Migration):
    dependencies = [("tickets", "0012_mail_retention")]

    operations = [policy_title_rename(KEY, TITLES)]
