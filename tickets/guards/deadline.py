"""An explicit hard deadline within 24 hours."""

import re

from tickets.guards.matching import compile_any, fold, forms

# --- deadline -----------------------------------------------------------------------------------

_HOURS = (
    r"(?:[1-9]|1\d|2[0-4]|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|"
    r"a couple of|couple of|ein|einer|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|ein paar|"
    r"wenigen|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|unas|unas pocas|pocas|une|deux|"
    r"trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|quelques)\s*(?:hours?|hrs?|h|minutes?|mins?|"
    r"stunden?|std|minuten|horas?|minutos|heures?)\b"
)
_CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|uhr)\b|\d{1,2}\s*h(?:\d{2})?\b|noon|midnight|midday|mittag)"
_DAY = (
    r"(?:today|tonight|tomorrow|tmrw|tmr|2morrow|this (?:afternoon|evening)|eod|cob|eob"
    r"|end of (?:the )?(?:business )?day|heut\w*|morgen|morgig\w*|tagesende|feierabend|ende des tages"
    r"|hoy|manana|esta (?:tarde|noche)|(?:el )?(?:final|fin) del dia"
    r"|aujourd'hui|demain|ce soir|cet apres[- ]midi|(?:la )?fin de (?:la )?journee)"
)
_TIME = compile_any(
    rf"\b{_DAY}\b",
    rf"\b(?:in|within|innerhalb von|en|dans|d'ici)\s+(?:the next |den nachsten |las proximas "
    rf"|les prochaines )?{_HOURS}",
    rf"\b(?:at|by|before|um|a las|a|vers)\s+{_CLOCK}",
)
# "by tomorrow", "bis heute Abend", "para mañana", "avant ce soir": the time is itself the deadline.
_TIME_AS_DEADLINE = compile_any(
    rf"\b(?:by|before|within|no later than|latest|bis|spatestens|para|antes de|a mas tardar|pour|avant|"
    rf"d'ici|au plus tard)\s+(?:the |el |la |le )?(?:end of |ende |fin de |final de )?(?:{_DAY}|{_HOURS}|"
    rf"{_CLOCK})",
    rf"\b(?:need|needs|needed|must|have to|has to|brauche|brauchen|muss|mussen|necesito|necesitamos|"
    rf"tiene que|tienen que|tenemos que|hay que|besoin|faut|doit|doivent|devons)\b[^,.!?;\n]{{0,50}}"
    rf"\b{_DAY}\b",
)
# Something that cannot move: "I'll try again tomorrow" names a time but no deadline.
_DEADLINE_WORD = compile_any(
    r"\b(?:demo|meeting|deadline|presentation|presenting|launch|launching|audit|due|suspend\w*|cut off|"
    r"cutoff|go[- ]live|going live|board (?:meeting|presentation|review)|investors?|payroll|release|pitch|"
    r"webinar|workshop|training|conference|submission|kick-?off|expires?|expiring|shut off|interview)\b",
    r"\bclient (?:demo|meeting|call|presentation|deadline|launch|workshop|visit|review|delivery)"
    r"|\b(?:for|with|to) (?:a|our|the|my|an important|a big|a new) clients?\b",
    r"\b(?:demo|termin|prasentation|frist|deadline|meeting|besprechung|kundentermin|kundenprasentation|"
    r"kundengesprach|launch|go-live|audit|prufung|abgabe|vorstand|gehaltsabrechnung|lohnabrechnung|"
    r"gesperrt|abgeschaltet|fallig|release|schulung|workshop|messe|veranstaltung|webinar|pitch|"
    r"investor\w*|lauft ab)\b|\b(?:mit|bei|fur) (?:dem|einem|unserem|unseren) kunden",
    r"\b(?:demo|reunion|presentacion|plazo|fecha limite|lanzamiento|auditoria|entrega|vence|vencimiento|"
    r"suspend\w*|corte|nomina|junta|evento|capacitacion|formacion|taller|webinar|cierre|entrevista)\b"
    r"|\b(?:con|para) (?:el|un|nuestro|una) cliente",
    r"\b(?:demo|reunion|presentation|echeance|date limite|lancement|audit|rendu|soutenance|"
    r"conseil d'administration|paie|mise en production|mise en ligne|salon|webinaire|formation|atelier|"
    r"suspendu|coupe|expire|entretien|rendez-vous)\b|\b(?:avec|pour) (?:le|un|notre) client",
)
_NOT_A_DEADLINE = compile_any(
    r"\b(?:guten|heute|am|jeden|den ganzen|diesen) morgen\b|\bmorgens\b|\bheute fruh",
    r"\b(?:esta|por la|de la|cada|toda la) manana\b|\bhasta manana",
    r"\bthis morning\b|\bdue to\b|\bdue dates?\b",
    # A span after a past event ("fixed within an hour of my report") is praise, not a deadline.
    r"\bwithin (?:an?|one|a few|\d+) (?:hours?|minutes?|days?) of (?:me |us |my |our |the |your )?"
    r"(?:report|writ|contact|send|ask|open|submit|email|messag|call)\w*",
    r"\bce matin\b|\ba demain\b",
)


def deadline(text: str) -> bool:
    for form in forms(_NOT_A_DEADLINE.sub(" ", fold(text))):
        for sentence in re.split(r"[.!?;\n]+", form):
            if _TIME.search(sentence) and (
                _TIME_AS_DEADLINE.search(sentence) or _DEADLINE_WORD.search(sentence)
            ):
                return True
    return False
