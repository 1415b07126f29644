"""Text that tries to steer the triage system, and secrets pasted into a ticket."""

import base64
import binascii
import re

from ai_engine import secrets_find
from tickets.guards.matching import fold, matcher

# --- prompt_injection ---------------------------------------------------------------------------

_INJECTION = matcher(
    # "ignore all previous instructions" and its translations, in either word order
    r"\b(?:ignore|disregard|forget|override|bypass)\w*\s+(?:(?:all|any|of|the|your|my|previous|prior|above|"
    r"earlier|preceding|former|original|system|existing|current|these|those|other)\s+){1,4}"
    r"(?:instructions?|prompts?|rules|guidelines|directives|directions|context|programming)",
    r"\b(?:ignorier|vergiss|vergessen|missacht)\w*\s+<w3>(?:anweisung|instruktion|regeln|vorgaben|befehle)",
    r"\b(?:vorherig|bisherig|obig|vorangegangen|fruher|alle)\w*\s+<w2>(?:anweisungen|instruktionen|regeln|"
    r"vorgaben)\s+<w2>(?:ignorier|vergiss|vergessen|missacht)",
    r"\b(?:ignora|ignore|olvida|olvide|descarta|omite|ignorar|olvidar|ignorez|oublie|oubliez|ignorer|"
    r"oublier)\w*\s+<w3>(?:instrucciones|reglas|indicaciones|ordenes|consignes|instructions|regles|"
    r"directives|instrucoes|istruzioni)",
    r"\bne (?:tiens|tenez) pas compte (?:des|de l'ensemble des) (?:instructions|consignes)",
    r"\b(?:ignore|disregard|forget)\s+(?:the |everything |all )?(?:above|before|previous)\b(?!\s+(?:email|"
    r"e-mail|message|mail|ticket|reply|request|one|note|comment|version|invoice))|\bforget everything (?:you|"
    r"above|before)",
    r"\binstructions? for (?:the )?(?:ai|bot|model|assistant|classifier|triage|llm)\b",
    r"\byou are an? (?:(?:helpful|new|friendly|unrestricted|different) (?:ai )?(?:assistant|ai|"
    r"language model|bot|chatbot)|(?:ai )?(?:assistant|bot|chatbot|language model) (?:that|who|which))\b",
    r"\b(?:new|neue|nuevas|nouvelles) (?:instructions|anweisungen|instrucciones)\s*:",
    r"\bsystem (?:override|prompt)|\bsystemprompt|\bprompt (?:del sistema|systeme)|\binvite systeme",
    r"\b(?:reveal|show|print|repeat|output|display|leak)\s+<w2>(?:your|the) (?:instructions|initial prompt|"
    r"hidden prompt|prompt)",
    r"\byou are now (?:a|an|in|the|no longer|acting|operating|my|dan|free|unrestricted|jailbroken)\b",
    r"\bfrom now on,? you (?:are|will|must)\b|\bdu bist (?:jetzt|nun|ab sofort) (?:ein|der|die|im)\b",
    r"\b(?:ahora|a partir de ahora) eres\b|\btu es (?:maintenant|desormais)\b",
    r"\b(?:developer|dan|god|debug) mode\b|\bjailbreak|\bentwicklermodus|\bmodo (?:desarrollador|dios)",
    r"\bmode (?:developpeur|debug)",
    # fake role lines; "System: Windows 11" in a bug report is not one
    r"^\s*(?:system|assistant|developer)\s*:(?!\s*(?:windows|win\s?\d|mac|os\s?x|linux|ubuntu|debian|"
    r"fedora|ios|ipados|android|chrome|\d))",
    r"^\s*\[(?:system|assistant|inst|/inst|developer)\]|<\|\w+\|>|<<\s*sys\s*>>",
    r"^\s*#{2,}\s*(?:instruction|system|response|assistant)",
    # decision-shaped JSON and key=value
    r"[\"'](?:intent|confidence|resolvable|auto_?resolve\w*|policy_ids)[\"']\s*:",
    r"\b(?:priority|prioritat|prioridad|priorite)\s*[=:]\s*[\"']?(?:high|low|medium|urgent|critical|hoch|"
    r"niedrig|mittel|alta|baja|media|haute|basse|moyenne|elevee)\b",
    r"\b(?:confidence|resolvable|auto_?resolve)\s*[=:]\s*[\"']?(?:1|0?\.\d|true|yes|100)",
    r"\b(?:set|change|make|put|raise|lower)\s+(?:the |this |my |its |ticket )*priority (?:of (?:this|the|my) "
    r"ticket )?(?:to|as|=|at) (?:low|high|medium|urgent|critical|p\d)\b",
    r"\b(?:set|with|give)\s+(?:the |your |a )?confidence\b",
    r"\bmark (?:this|this ticket|the ticket|my ticket|ticket|it) (?:as )?(?:auto[- ]?)?(?:resolved|solved)",
    r"\b(?:classify|categori[sz]e|route)\s+(?:this|it|the ticket|my ticket)\s+(?:ticket\s+)?as\b",
    r"\bals (?:gelost|erledigt|geschlossen) markier",
    r"\bmarca\w* (?:este ticket|esto|el ticket) como (?:resuelto|cerrado)",
    r"\bmarque\w* (?:ce ticket|ceci|le ticket) comme (?:resolu|ferme)",
    # words addressed to the machine reading the ticket, and ticket states to set
    r"\b(?:note|message|instructions?|reminder|hint|rule)s? (?:to|for) (?:the |any |an |all )?"
    r"(?:ai|a\.i\.|bot|model|assistant|classifier|triage|llm|automated system|automation)\b",
    r"\b(?:ai|bot|model|assistant|classifier|llm)s? (?:reading|processing|triaging|handling|sorting) "
    r"(?:this|these|the ticket)\b",
    r"\bnew (?:rules?|policy|policies|directives?) (?:for|to) (?:the |any |an |all )?(?:ai|bot|model|"
    r"assistant|classifier|triage|llm|system)\b",
    r"\b(?:hinweis|nachricht|anweisung|regel)\w* (?:an|fur) (?:die |den |das )?(?:ki|bot|modell|assistent|"
    r"klassifikator)\b|\b(?:nota|mensaje|instruccion|regla)\w* (?:para|a) (?:la |el )?(?:ia|bot|modelo|"
    r"asistente|clasificador)\b|\b(?:note|message|consigne|regle)s? (?:pour|a) (?:l'|le |la )?(?:ia|bot|"
    r"modele|assistant|classifieur)\b",
    r"^\s*override\s*:|\bauto[-_ ]?close (?:it|this|the ticket|my ticket)\b|\bauto_resolved?\b",
    r"\b(?:set|change|update|move|switch|put)\s+(?:the |this |its |my )?(?:ticket'?s? )?(?:status|state)"
    r"\s+(?:to|as|=)\s+[\"']?(?:auto[-_ ]?)?(?:resolved|solved)\b",
    r"\b(?:status|estado|statut)\s+(?:auf|a|en|sur)\s+[\"']?(?:gelost|erledigt|resuelto|resolu)\b",
    # fake end-of-ticket markers and hidden markup
    r"(?:^|[-=#*\[<(|]\s*)end of (?:the )?(?:customer |user |original )?(?:ticket|message|input|email|"
    r"request|conversation|context)\b",
    r"\bend of (?:customer|user) (?:message|input)\b|^\s*#{2,}\s*end\b",
    r"(?:^|[-=#*\[<(|]\s*)(?:ende (?:des|der) (?:tickets?|nachricht|anfrage|kundennachricht)"
    r"|fin (?:del|de la|du|de) (?:ticket|mensaje|message|solicitud|demande))",
    r"</\s*(?:ticket|message|user|user_input|customer|customer_message|system|instructions?|context|"
    r"input)\s*>|<\s*(?:system|instructions?)\s*>",
    r"<!--|\[\s*(?:ticket_end|end_ticket|new_ticket|end of ticket)\s*\]|^\s*\[?internal note\b",
    # claims to speak for Cloudnest or for whoever runs the AI
    r"\b(?:this is|i am|i'm|we are|we're|message from|on behalf of|speaking for|writing from|as an?)\s+"
    r"(?:(?:a|an|the|from|with|at|in|on|of|part of|member of|one of)\s+){0,3}cloudnest(?:'s)?\s+(?:\w+\s+)?"
    r"(?:support|staff|team|employee|engineer|security|trust|operator|developer|"
    r"internal|ops|operations|billing|management)",
    # ... with a name first: "This is Dave from Cloudnest support", "I'm Dave, with the Cloudnest team".
    r"\b(?:this is|i am|i'm|hi,? i'm|here is)\s+[a-z]+,?\s+(?:from|at|with|of|here from)\s+(?:the\s+)?"
    r"cloudnest(?:'s)?\s+(?:\w+\s+)?(?:support|staff|team|engineer|security|trust|ops|operations|billing)",
    # "Cloudnest security here", a "Cloudnest Trust & Safety" team, or the name as a sign-off
    # line. Not the words anywhere: customers greet "Dear Cloudnest Support Team" and thank
    # "the Cloudnest support team", and were held as injections for it.
    r"\bcloudnest (?:trust|security|support|staff|internal|engineering)(?: team)? here\b",
    r"\bcloudnest (?:trust|security) (?:&|and) (?:safety|compliance)\b",
    r"^\s*(?:[-\u2014\u2013]+\s*)?(?:the\s+)?cloudnest (?:trust|security|support|staff|internal|engineering)"
    r"(?: team)?\s*$",
    r"\btrust ?(?:&|and) ?safety|\b(?:approved|verified|authori[sz]ed|cleared) by (?:the )?cloudnest\b",
    r"\bcloudnest (?:compliance|security|trust|support|billing|finance|legal|engineering|admin|ops|"
    r"operations|internal)(?: team)?\b<s20>\b(?:approved|verified|authori[sz]ed|confirmed|cleared|"
    r"signed off)",
    r"^\s*[-\u2014\u2013]+\s*cloudnest (?:compliance|security|trust)",
    r"\b(?:i am|i'm|this is|as)\s+(?:your|the ai's|this ai's|the bot's) (?:admin|administrator|operator|"
    r"developer|creator|owner|programmer|supervisor)\b",
    r"\b(?:ich bin|hier spricht|hier ist|nachricht vom?|im auftrag von|als)\s+<w2>(?:cloudnest|ihr|dein)\w*"
    r"[- ]?(?:mitarbeiter|administrator|admin|entwickler|support|team|sicherheit|buchhaltung)",
    r"\b(?:soy|somos|mensaje del?|este es el|como)\s+<w2>(?:empleado|administrador|ingeniero|agente|equipo|"
    r"soporte|desarrollador)\b<s30>\b(?:cloudnest|su|tu)\b|\bcomo (?:su|tu) administrador",
    r"\b(?:je suis|nous sommes|message de|ici|en tant que)\s+<w2>(?:employe|administrateur|ingenieur|agent|"
    r"equipe|support|developpeur)\w* (?:de |chez )?(?:cloudnest|votre)\b|\ben tant que votre administrateur",
    # requests to skip identity checks
    r"\b(?:skip|bypass|without|no need for|waive|circumvent|override)\w*\s+(?:the |any |a |your |an )?"
    r"(?:(?:identity |id |security |2fa |account |owner )?verification|(?:identity|id|security) checks?"
    r"|kyc)\b",
    r"\bsin (?:la |ninguna )?verificacion(?:es)?|\b(?:saltar|omitir|saltarse)\w* (?:la )?verificacion",
    r"\bohne (?:\w+ )?(?:verifizierung|verifikation|identitatsprufung|uberprufung|prufung)",
    r"\b(?:verifizierung|prufung)\w* (?:uberspringen|auslassen)",
    r"\bsans (?:la |aucune )?verification|\b(?:sauter|ignorer|passer|contourner) (?:la )?verification",
    unless=(r"\bhow (?:do|can|to|should|would)\b<s40>\bpriority\b",),
)

_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{24,}={0,2}")


def _decoded_base64(text: str) -> list[str]:
    """Every base64-looking run of 24+ characters that decodes to mostly printable text."""
    decoded = []
    for run in _BASE64_RUN.findall(text):
        body = run.rstrip("=")
        body = body[:-1] if len(body) % 4 == 1 else body
        altchars = b"-_" if "-" in body or "_" in body else None
        try:
            plain = base64.b64decode(body + "=" * (-len(body) % 4), altchars=altchars).decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        if plain and sum(c.isprintable() or c.isspace() for c in plain) / len(plain) >= 0.9:
            decoded.append(plain)
    return decoded


def prompt_injection(text: str, depth: int = 0) -> bool:
    if _INJECTION(text):
        return True
    # An instruction hidden in base64 counts; decode twice at most, for base64 inside base64.
    return depth < 2 and any(prompt_injection(plain, depth + 1) for plain in _decoded_base64(text))


# A demand about the ticket's own handling ("set priority=low", "setze die Priorität auf
# niedrig", "mark this as resolved"): written by the customer it is ignored (rubric 2), and
# beside an injection it is part of it, not the request.
_TRIAGE_DEMAND = re.compile(
    r"\b(?:set|mark|change|make|flag)\b[^.!?\n]{0,30}\b(?:priority|as (?:resolved|closed|urgent|low))\b"
    r"|\bpriority\s*[:=]|\b(?:setze|setzen|stelle|markiere)\b[^.!?\n]{0,30}\bprioritat"
    r"|\b(?:pon|poner|establece|marca)\b[^.!?\n]{0,30}\bprioridad|\b(?:mets|mettez|definis|marque)\b"
    r"[^.!?\n]{0,30}\bpriorite"
)


def injected_sentence(sentence: str) -> bool:
    """A sentence that instructs the triage system, or demands how the ticket is handled."""
    return prompt_injection(sentence) or bool(_TRIAGE_DEMAND.search(fold(sentence)))


def exposed_secret(text: str) -> bool:
    return any(finding.is_secret for finding in secrets_find(text, personal=False))
