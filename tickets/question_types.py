"""What kind of answer a customer's question needs, and whether a reply gives that kind.

One kind so far, the one seen answered wrongly: "how long" questions. A reply that names
no duration does not answer "wie lange bewahrt ihr unsere Daten nach der Schließung
auf?", however close its policy is in meaning (the local engine quoted the account
deletion policy). A reply with some other duration still passes: the check is a floor.
"""

import re

_HOW_LONG = re.compile(
    r"\b(?:(?:for )?how long|how many (?:days|hours|minutes|weeks|months)|wie lange|wie viele tage"
    r"|cu[aá]nto tiempo|cu[aá]ntos d[ií]as|hasta cu[aá]ndo|combien de temps|combien de jours)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b\d+(?:[.,]\d+)?[\s-]*(?:minutes?|minuten|minutos|hours?|stunden|horas|heures?|days?|tagen?|d[ií]as"
    r"|jours?|weeks?|wochen|semanas?|semaines?|months?|monaten?|meses|mois|years?|jahren?|a[nñ]os|ans)\b",
    re.IGNORECASE,
)


def asks_how_long(text: str) -> bool:
    return bool(_HOW_LONG.search(text))


def states_duration(text: str) -> bool:
    return bool(_DURATION.search(text))
