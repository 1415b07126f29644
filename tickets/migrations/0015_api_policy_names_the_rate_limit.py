"""The starter API policy names its rate limit as customers ask for it, where unedited.

"We keep getting HTTP 429. What is the rate limit?" was auto-resolved with the API policy's
429 sentence and its token sentence, never "Each API token may make 600 requests per
minute.": that sentence shared no words with the question. It now says "rate limit".
"""

from django.db import migrations

from tickets.migrations._policy_edits import policy_sentence_replace

KEY = "tech-api-webhooks"
# language ("" for the policy's own text): (old sentence, new sentence)
SENTENCES = {
    "": (
        "Each API token may make 600 requests per minute.",
        "The API rate limit is 600 requests per minute for each API token.",
    ),
    "de": (
        "Jedes API-Token darf 600 Anfragen pro Minute stellen.",
        "Das Rate-Limit der API liegt bei 600 Anfragen pro Minute je API-Token.",
    ),
    "es": (
        "Cada token de API puede hacer 600 solicitudes por minuto.",
        "El límite de frecuencia de la API es de 600 solicitudes por minuto por cada token de API.",
    ),
    "fr": (
        "Chaque jeton d'API peut effectuer 600 requêtes par minute.",
        "La limite de débit de l'API est de 600 requêtes par minute par jeton d'API.",
    ),
}


class Migration(migrations.Migration):
    dependencies = [("tickets", "0014_pricing_policy_title_names_plan_prices")]

    operations = [policy_sentence_replace(KEY, SENTENCES)]
