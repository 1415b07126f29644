"""The starter pricing policy's title names plan prices, where nobody has edited it.

"How much is the Pro plan?" was auto-resolved with the plans policy (what each plan
includes, no price): "Plans and features" came closer to the question than "Prices and
annual billing". The local engine weighs a question's closeness to each policy's title.
"""

from django.db import migrations

from tickets.migrations._policy_edits import policy_title_rename

KEY = "billing-pricing"
# language ("" for the policy's own text): (old title, new title)
TITLES = {
    "": ("Prices and annual billing", "Plan prices and annual billing"),
    "de": ("Preise und jährliche Abrechnung", "Preise der Tarife und jährliche Abrechnung"),
    "es": ("Precios y facturación anual", "Precios de los planes y facturación anual"),
    "fr": ("Tarifs et facturation annuelle", "Prix des formules et facturation annuelle"),
}


class Migration(migrations.Migration):
    dependencies = [("tickets", "0013_security_policy_title_names_hosting")]

    operations = [policy_title_rename(KEY, TITLES)]
