"""Guards: checks outside the model that send risky tickets to a human.

They read the customer's text (subject + "\\n" + body), never the model's opinion of it,
so a ticket that talks the model into a confident "resolved" still reaches a person:
the model recommends, the system decides.

Patterns cover English, German, Spanish and French. Text is matched after case folding and
accent stripping ("Rückerstattung" and "Ruckerstattung" read the same), and a second time with
German ae/oe/ue folded to a/o/u ("zurueckerstatten"). In the patterns, `<wN>` stands for up to
N words and `<sN>` for up to N characters within one sentence. `bench/guards.py` measures the
false alarms on benign questions; the tests hold the positives and near misses.
"""

import base64
import binascii
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ai_engine import secrets_find


@dataclass(frozen=True)
class Guard:
    name: str
    description: str
    raises_priority: bool
    check: Callable[[str], bool]


@lru_cache(maxsize=64)
def _fold(text: str) -> str:
    """The text as the patterns read it: case-folded, accents stripped, quotes and spaces made plain."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"[\u2018\u2019\u02bc`]", "'", folded)
    folded = re.sub(r"[\u201c\u201d\u00ab\u00bb]", '"', folded)
    return re.sub(r"[ \t\u00a0]+", " ", folded)


def _forms(folded: str) -> tuple[str, ...]:
    """`folded`, and again with German ae/oe/ue written as a/o/u ("zurueck" reads as "zuruck")."""
    german = re.sub(r"([aou])e", r"\1", folded)
    return (folded,) if german == folded else (folded, german)


def _compile(*patterns: str) -> re.Pattern:
    joined = "|".join(f"(?:{p})" for p in patterns)
    # Customers drop apostrophes ("didnt", "cest"): an apostrophe between letters is optional.
    joined = re.sub(r"(?<=[a-z])'(?=[a-z])", "'?", joined)
    joined = re.sub(r"<w(\d+)>", r"(?:[\\w'-]+[\\s,]+){0,\1}?", joined)
    joined = re.sub(r"<s(\d+)>", r"[^.!?\\n]{0,\1}", joined)
    return re.compile(joined, re.MULTILINE)


def _matcher(*patterns: str, unless: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """A check that fires when any pattern matches, after blanking the near-miss phrases in `unless`."""
    found = _compile(*patterns)
    blank = _compile(*unless) if unless else None

    def check(text: str) -> bool:
        folded = _fold(text)
        if blank is not None:
            # Blank before the German folding, which garbles English ("does" becomes "dos").
            folded = blank.sub(" ", folded)
        return any(found.search(form) for form in _forms(folded))

    return check


# A question about what would happen ("will our projects be deleted if we cancel?", "how long
# before the workspace goes read-only?") is not a report that it did: blank from the marker on.
_HYPOTHETICAL = (
    r"\b(?:will|would|if|when|before|how long|how soon|does (?:the|our|my|it)|do (?:we|our|my|the|i)|"
    r"ab wann|wie lange|bevor|wenn|wird|werden|cuando|cuanto|antes de que|si|quand|combien|au bout de|"
    r"avant que|sera|seront)\b[^.!?\n]*\?",
    r"[^.!?\n]*\b(?:afterwards|after that|danach|despues|ensuite)\b[^.!?\n]*\?",
)


# --- prompt_injection ---------------------------------------------------------------------------

_INJECTION = _matcher(
    # "ignore all previous instructions" and its translations, in either word order
    r"\b(?:ignore|disregard|forget|override|bypass)\w*\s+(?:(?:all|any|of|the|your|my|previous|prior|above|"
    r"earlier|preceding|former|original|system|existing|current|these|those|other)\s+){1,4}"
    r"(?:instructions?|prompts?|rules|guidelines|directives|directions|context|programming)",
    r"\b(?:ignorier|vergiss|vergessen|missacht)\w*\s+<w3>(?:anweisung|instruktion|regeln|vorgaben|befehle)",
    r"\b(?:vorherig|bisherig|obig|vorangegangen|fruher|alle)\w*\s+<w2>(?:anweisungen|instruktionen|regeln|"
    r"vorgaben)\s+<w2>(?:ignorier|vergiss|vergessen|missacht)",
    r"\b(?:ignora|ignore|olvida|olvide|descarta|omite|ignorar|olvidar|ignorez|oublie|oubliez|ignorer|"
    r"oublier)\w*\s+<w3>(?:instrucciones|reglas|indicaciones|ordenes|consignes|instructions|regles|"
    r"directives|"
    r"instrucoes|istruzioni)",
    r"\bne (?:tiens|tenez) pas compte (?:des|de l'ensemble des) (?:instructions|consignes)",
    r"\b(?:ignore|disregard|forget)\s+(?:the |everything |all )?(?:above|before|previous)\b"
    r"|\bforget everything (?:you|above|before)",
    r"\binstructions? for (?:the )?(?:ai|bot|model|assistant|classifier|triage|llm)\b",
    r"\byou are an? (?:helpful |ai |new |friendly )?(?:assistant|ai|language model|bot|chatbot)\b",
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
    # fake end-of-ticket markers and hidden markup
    r"(?:^|[-=#*\[<(|]\s*)end of (?:the )?(?:customer |user |original )?(?:ticket|message|input|email|"
    r"request|conversation|context)\b",
    r"\bend of (?:customer|user) (?:message|input)\b|^\s*#{2,}\s*end\b",
    r"(?:^|[-=#*\[<(|]\s*)(?:ende (?:des|der) (?:tickets?|nachricht|anfrage|kundennachricht)"
    r"|fin (?:del|de la|du|de) (?:ticket|mensaje|message|solicitud|demande))",
    r"</\s*(?:ticket|message|user|user_input|customer|customer_message|system|instructions?|context|"
    r"input)\s*>|<\s*(?:system|instructions?)\s*>",
    r"<!--|\[\s*(?:ticket_end|end_ticket|new_ticket|end of ticket)\s*\]|^\s*\[?internal note\b",
    r"^\s*from:\s*\S*@cloudnest\.",
    # claims to speak for Cloudnest or for whoever runs the AI
    r"\b(?:this is|i am|i'm|we are|we're|message from|on behalf of|speaking for|writing from|as an?)\s+"
    r"(?:(?:a|an|the|from|with|at|in|on|of|part of|member of|one of)\s+){0,3}cloudnest(?:'s)?\s+(?:\w+\s+)?"
    r"(?:support|staff|team|employee|engineer|security|trust|operator|developer|"
    r"internal|ops|operations|billing|management)",
    r"\bcloudnest (?:trust|security|support|staff|internal|engineering) (?:&|and|team|here)",
    r"\btrust ?(?:&|and) ?safety|\b(?:approved|verified|authori[sz]ed|cleared) by (?:the )?cloudnest\b",
    r"\bcloudnest (?:compliance|security|trust|support|billing|finance|legal|engineering|admin|ops|"
    r"operations|internal)(?: team)?\b<s20>\b(?:approved|verified|authori[sz]ed|confirmed|cleared|"
    r"signed off)",
    r"^\s*[-\u2014\u2013]+\s*cloudnest (?:compliance|security|support|billing|trust|team|staff|admin)",
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


def _prompt_injection(text: str, depth: int = 0) -> bool:
    if _INJECTION(text):
        return True
    # An instruction hidden in base64 counts; decode twice at most, for base64 inside base64.
    return depth < 2 and any(_prompt_injection(plain, depth + 1) for plain in _decoded_base64(text))


def _exposed_secret(text: str) -> bool:
    return any(finding.is_secret for finding in secrets_find(text))


# --- money and the law --------------------------------------------------------------------------

_legal_threat = _matcher(
    # en
    r"\b(?:lawyers?|attorneys?|lawsuits?|litigation|solicitors?)\b",
    r"\blegal (?:action|steps|proceedings|claim)|\bcease and desist|\bdemand letter",
    r"\bsu(?:e|ing)\s+(?:you|cloudnest|your|the company|them|for)\b",
    r"\b(?:will|going to|gonna|shall|'ll|would|threaten to)\s+sue\b|\bsued\b",
    r"\b(?:in|to|into|before|at)\s+court\b|\bcourt\s+(?:case|order|action|claim|filing|proceedings)",
    r"\bsmall[- ]claims|\btribunal|\bombudsman|\bregulators?\b",
    r"\bconsumer (?:protection|rights|affairs|authority|agency|ombudsman|watchdog)",
    r"\b(?:complaint|report \w+) (?:to|with) (?:the )?(?:ftc|bbb|cfpb|ico|attorney general|authorities|"
    r"data protection)",
    # de
    r"anwalt|anwaelt|\bklage\b|sammelklage|\bverklag|\beinklag|\bgericht(?:e|s|lich\w*|sverfahren)?\b",
    r"\b(?:rechtlich|juristisch)\w* (?:schritte|konsequenzen|mittel)|\brechtsweg|\babmahnung|\bmahnverfahren",
    r"verbraucherzentrale|verbraucherschutz|schlichtungsstelle|datenschutzbehorde|aufsichtsbehorde",
    r"\b(?:straf)?anzeige (?:erstatten|erstattet)|\bstrafanzeige",
    # es
    r"\babogad[oa]s?\b|(?<!alta )(?<!mucha )(?<!gran )(?<!de )\bdemanda\b|\bdemandar|\bdemandaremos",
    r"\b(?:acciones|medidas|via|accion) (?:legal|legales|judicial|judiciales)|\bjuzgado|\bdenuncia",
    r"\boficina (?:del consumidor|de consumo)|\bproteccion (?:al|del) consumidor|\bprofeco|\bfacua|\bburofax",
    # fr
    r"\bavocats?\b|\bpoursuites|\bpoursuivre en justice|\bproces\b|\bmise en demeure|\ben justice",
    r"\baction (?:en justice|judiciaire)|\bporter plainte|\bassociation de consommateurs|\bdgccrf",
    r"\bmediateur de la consommation|\bufc[- ]que choisir|\bcnil\b",
    unless=(
        r"\bpower of attorney",
        r"\b(?:our|my) (?:lawyers?|attorneys?|solicitors?|legal team) (?:need|needs|require|requires|want|"
        r"wants|asked|ask|review|reviewed|are reviewing|have reviewed)\b",
    ),
)

_chargeback = _matcher(
    # en
    r"\bcharge[- ]?backs?\b",
    r"\b(?:dispute|contest|challenge|reverse|reclaim|recall)\w*\s+<s50>\b(?:with|through|via|at)\s+(?:my|our|"
    r"the)\s+(?:bank|card issuer|issuer|credit card (?:company|provider)|card (?:company|provider)|visa|"
    r"mastercard|amex|american express|paypal)",
    r"\b(?:my|our)\s+(?:bank|card issuer|credit card company)\s+(?:to|will|would|can|could|is going to)\s+"
    r"<w2>(?:dispute|reverse|reclaim|claw|recall|contest|pull back)",
    r"\b(?:fil(?:e|es|ed|ing)|open\w*|rais\w*|start\w*|submit\w*|initiat\w*)\s+(?:a\s+)?(?:payment\s+|"
    r"card\s+|bank\s+)?dispute",
    r"\bpaypal (?:dispute|claim)|\bgo(?:ing)? to (?:my|our) (?:credit card company|card issuer)",
    r"\bor (?:else )?(?:i'll |i will |we'll |we will |i |we )?(?:go|contact|call|ask|turn) (?:to )?"
    r"(?:my|our) (?:bank|card issuer|credit card company|card company|credit card provider)",
    r"\bdisput\w*\s+(?:this|the|that|these|those|a|your|my|our)\s+(?:\w+\s+)?(?:charges?|payments?|"
    r"transactions?|debits?)",
    # de
    r"r(?:u|ue)ckbuch|zur(?:u|ue)ck\s*(?:zu)?buch|zur(?:u|ue)ckgebucht",
    r"\blastschrift\w*\s+<w3>(?:zur(?:u|ue)ck|widerruf|widersp(?:rech|roch)|platzen)",
    r"\b(?:widerruf|widerspruch|widersp(?:rech|roch))\w*\s+<w3>(?:lastschrift|abbuchung|belastung)",
    r"\b(?:buch|hol|forder)\w*\b<s60>\bbank\b<s20>\bzur(?:u|ue)ck\b",
    r"\bbank\w*\b<s40>\bzur(?:u|ue)ck(?:hol|forder|ruf)\w*|\bzur(?:u|ue)ck(?:hol|forder|"
    r"ruf)\w*\b<s40>\bbank\b",
    r"\bbei (?:meiner|unserer|der) (?:bank|kreditkartenfirma|sparkasse)\s+<w3>(?:reklamier|zur(?:u|ue)ck|"
    r"beanstand|widersprech|anfecht)",
    # es
    r"\bcontracargo|\bretrocargo|\bdisputa\w* (?:con|ante|en) (?:mi|nuestro|el) (?:banco|emisor)",
    r"\b(?:reclamar|disputar|desconocer|impugnar|revertir)\w* (?:el|este|los|ese|estos) (?:cargo|cobro|pago)",
    r"\b(?:pedir|pedire|pedimos|solicitar|solicitare)\w* a (?:mi|nuestro|el) banco que|\babrir una disputa",
    # fr
    r"\bretrofacturation|\bopposition (?:bancaire|sur (?:le|la|ce|cette) (?:paiement|prelevement|carte))",
    r"\bfaire (?:une )?opposition|\bcontest\w*\s+(?:le|la|les|ce|cet|cette|ces)\s+(?:prelevement|paiement|"
    r"debit|transaction|achat)",
)

_money_taken_wrongly = _matcher(
    # en
    r"\b(?:charged|billed|debited|invoiced|taken|deducted|withdrawn|paid)\s+(?:me |us |for |it )?<w3>"
    r"(?:twice|two times|2 times|double|2 ?x|three times|3 times|[2-9] ?x|[2-9] times|multiple times|"
    r"more than once)",
    r"\b[23] ?x ?(?:[$€£]\s?\d|\d+(?:[.,]\d+)?\s?(?:€|eur|usd|\$|£|gbp|chf)\b)"
    r"|(?:[$€£]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:€|eur|usd|gbp))\s?x ?[23]\b",
    r"\b(?:two|three|2|3|several|multiple) (?:identical|duplicate|same) (?:charges|payments|debits)"
    r"|\b(?:identical|repeated) (?:charges|payments|debits|transactions)"
    r"|\b(?:two|three|four|[2-9]) (?:charges|payments|debits|transactions) of [$€£]?\d",
    r"\b(?:was|were|got) (?:also|again) (?:charged|billed)|\b(?:also|again) charged\b"
    r"|\b(?:paying|charged|billed) for two\b",
    r"\bstill (?:being |getting )?(?:charged|billed|debited|charging|billing)\b"
    r"|\b(?:charged|billed|debited)\b<s40>\banyway\b",
    r"\b(?:yet|anyway|nonetheless|nevertheless|despite (?:this|that)|even though)\b<s40>"
    r"\b(?:charges?|charged|billed|debited)\b",
    r"\b(?:never|didn't|did not) (?:enter|add|give|save|store)\w* (?:my|our) (?:\w+ )?(?:card|payment)",
    r"\bdouble[- ]?(?:charged|charge|charges|charging|billed|billing|payment|debit|debited)",
    r"\bduplicate[d]?\s+(?:charges?|payments?|transactions?|billing|debits?|subscriptions?|invoices? (?:paid|"
    r"payment))|\b(?:same )?invoice (?:was )?paid twice",
    r"\b(?:charged|billed|debited|took|taken|charging|billing|payment|charge)\b<s60>\bafter\s+"
    r"(?:i |we |my |our |the )?(?:cancel|cancell?ed|cancell?ation|closing|closed|deleting|deleted|downgrad)",
    r"\b(?:cancell?ed|cancell?ation|closed|deleted|downgraded|stopped using)\b<s120>\b(?:charged|billed|"
    r"debited|charging|billing|took|taken|taking)\b",
    r"\b(?:unauthori[sz]ed|unrecogni[sz]ed|unknown|unfamiliar|suspicious|fraudulent|mystery|strange|"
    r"unexpected)\s+(?:\w+\s+)?(?:charges?|payments?|transactions?|debits?|deductions?|withdrawals?|"
    r"upgrades?|renewals?|subscriptions?|purchases?)",
    r"\b(?:charged|billed|debited|upgraded|charge)\b<s60>\bwithout (?:my|our|anyone|any|me|us)\b<s20>"
    r"(?:approv|consent|permission|authori|asking|knowing)",
    r"\bcharges?\b<s40>\b(?:i|we) (?:don't|do not|didn't|did not|can't|cannot) (?:know|recogni[sz]e|"
    r"identify|explain|place)|\b(?:don't|do not|didn't|did not|never) (?:remember )?(?:signing up|sign up|"
    r"signed up|subscrib\w*|ordering|ordered|authori[sz]\w*|approv\w*)\b",
    r"\b(?:don't|do not|didn't|did not|can't|cannot)\s+recogni[sz]e\s+(?:this|the|a|that|these|an)\s+"
    r"(?:\w+\s+)?(?:charges?|payments?|transactions?|debits?)|\bnever (?:authori[sz]ed|signed up|agreed)",
    # de ("gezahlt" is left out: without accents it is also "gezählt", counted)
    r"\b(?:doppelt|zweimal|zweifach|mehrfach|2x|2 mal)\s+<w2>(?:abgebucht|belastet|berechnet|bezahlt|"
    r"abgerechnet|eingezogen|in rechnung|abgezogen|kassiert|abkassiert)",
    r"\bdoppel(?:te|ten)?[- ]?(?:abbuchung|belastung|zahlung|rechnung|lastschrift|buchung)",
    r"\b(?:trotz|nach)\s+(?:der |meiner |unserer )?kundigung\b<s60>(?:abgebucht|belastet|berechnet|"
    r"eingezogen|abbuchung|abgezogen)",
    r"\b(?:abgebucht|belastet|berechnet|eingezogen)<s60>obwohl<s40>gekundigt",
    r"\bgekundigt<s60>(?:trotzdem|dennoch|immer noch|weiterhin|wieder)<s60>(?:abgebucht|belastet|berechnet|"
    r"eingezogen|abgezogen)",
    r"\b(?:nicht autorisiert|unautorisiert|unberechtigt|unbekannt|nicht genehmigt|nicht erkannt)\w*\s+"
    r"(?:abbuchung|belastung|zahlung|lastschrift|buchung)",
    r"\b(?:abbuchung|belastung|zahlung)\w*,? die ich nicht (?:kenne|autorisiert|veranlasst)",
    # es
    r"\b(?:cobr|factur|carg|debit|descont)(?:ado|ada|aron|o|an|ando)\b\s+<w3>(?:dos veces|por duplicado|"
    r"doble|2 veces)|\bpag(?:ado|ue|amos|aron|o)\b\s+<w3>(?:dos veces|por duplicado|doble|2 veces)",
    r"\b(?:cargo|cobro|pago|factura)s? (?:duplicad|doble)|\bdoble (?:cobro|cargo|factura|pago)",
    r"\b(?:cobr|carg|factur|debit)\w*<s60>\b(?:despues de|tras)\s+(?:haber )?(?:cancelar|la cancelacion|"
    r"cancelado|dar de baja|darme de baja|darnos de baja)",
    r"\b(?:cargo|cobro|pago|transaccion|debito)s?\s+(?:no autorizad|no reconocid|desconocid|fraudulent|"
    r"sospechos|que no (?:reconozco|autorice))",
    r"\bno reconozco (?:este|el|ese|un|estos) (?:cargo|cobro|pago)",
    # fr
    r"\b(?:preleve|debite|facture|paye|prelevement|facturation|paiement)(?:e|s|es)?\s+<w2>(?:deux fois|"
    r"2 fois|en double|a double)|\bdouble (?:prelevement|facturation|paiement|debit)",
    r"\b(?:preleve|debite|facture|prelevement)\w*<s60>\b(?:apres|malgre)\s+(?:ma |la |notre |avoir )?"
    r"(?:resiliation|resilie|annulation|annule)",
    r"\b(?:prelevement|paiement|debit|transaction)s?\s+(?:non autorise|non reconnu|inconnu|frauduleu|"
    r"suspect|que je ne reconnais pas)",
    unless=_HYPOTHETICAL,
)

_money_movement = _matcher(
    # en
    r"\brefund|\breimburs|\bmoney back\b|\bpay (?:me|us) back|\bcompensat(?:e|ion)\b",
    r"\bwaive\w* (?:the |this |a |our |my )?(?:\w+ )?(?:fees?|charges?|penalty|costs?)|\breturn (?:the|my|"
    r"our) (?:money|payment|funds)",
    r"\b(?:a|any|some|account|service|partial|full|prorated|pro[- ]?rata|goodwill|sla|downtime|courtesy|"
    r"\d+ ?(?:€|\$|usd|eur|euros?|dollars?)?) credit\b",
    r"\bcredit (?:me|us|my|our|the|it|them|back|for|towards|note)\b|\bcredited back\b",
    r"\brevers(?:e|ing|al of)\s+(?:the|this|that|a|my|our)\s+(?:\w+\s+)?(?:charges?|payments?|"
    r"transactions?|debits?|invoices?)|\bcharge reversal|\bvoid (?:the|this|that) (?:invoice|charge|payment)",
    r"\b(?:expect|want|need|like)\w*\b<s20>\breversed\b|\breverse (?:it|them|both|one of them)\b",
    # de
    r"(?<!bericht)erstatt|\bgutschrift|\bgutschreiben|\bgutgeschrieben|\bentschadig|\bkulanz|\bals guthaben",
    r"\bgeld\w*\s+<w3>zur(?:u|ue)ck(?!\w*ruf)|zur(?:u|ue)ckzahl|ruckzahlung",
    r"\b(?:rechnung|zahlung|abbuchung|belastung)\w*\s+<w3>storn|\bstorn\w*\s+<w3>(?:rechnung|zahlung|"
    r"abbuchung|belastung)",
    # es
    r"\breembols|\bdevolucion\b|\bcompensacion|\bsaldo a (?:mi|nuestro) favor",
    r"\b(?:devolv|devuelv)\w*\s+<w3>(?:dinero|importe|pago|cobro|cargo|plata)",
    r"\bnota de (?:abono|credito)|\b(?:un|algun) (?:abono|credito)\b|\babono\s+(?:en|a|sobre)\s+"
    r"(?:mi|nuestra|la)\s+(?:cuenta|factura|tarjeta)",
    r"\b(?:anul|revert)\w*\s+(?:el|este|ese) (?:cobro|cargo|pago)",
    # fr ("avoir" is a credit note only after an article; otherwise it is the verb "to have")
    r"\brembours|\b(?:un|d'un|l'|cet|emettre|etablir|obtenir|recevoir) avoir\b(?! (?:acces|besoin|la|le|"
    r"les|un|une|des|du|de|plus|toujours))|\b(?:note|facture) d'avoir|\bavoir de \d+\s*(?:€|eur|euros|\$)",
    r"\bun credit (?:de|sur|pour)\b|\bgeste commercial|\bdedommag|\bindemnis",
    r"\b(?:rendre|recuperer|retrouver) (?:mon|notre|l') ?argent",
    unless=(
        r"\bcredit[- ]?(?:cards?|limits?|scores?|reports?|history|lines?|unions?|ratings?|checks?|bureaus?|"
        r"worthiness|increase)|\bline of credit",
        r"\btarjetas? de credito|\bcartes? (?:de credit|bancaires?)|\bkreditkarte",
    ),
)


# --- the account and the service ----------------------------------------------------------------

_COMPROMISE_WORDS = _matcher(
    # en
    r"\bhack(?:ed|er|ers|ing)\b|\bcompromised\b|\b(?:account )?take[- ]?over\b|\btook over (?:my|our)",
    r"\bhijack\w*|\bimpersonat\w*|\bpretending to be\b|\bposing as\b|\busing my (?:name|identity)\b",
    r"\btaken over\b|\bbreach(?:ed)?\b|\bcredential stuffing|\bbrute[- ]force",
    r"\bsome(?:one|body)\s+(?:else\s+)?(?:is\s+|was\s+|has\s+(?:been\s+)?|had\s+(?:been\s+)?)?(?:logged|"
    r"signed|log|sign|logging|signing|got|gotten)\s+in",
    r"\bsome(?:one|body)\s+(?:else\s+)?(?:is|was|has been|got)\s+(?:in|into|inside|using|accessing)\s+"
    r"(?:my|our)\s+account",
    r"\bsome(?:one|body)\s+(?:else\s+)?(?:has\s+|had\s+)?(?:changed|reset|accessed|is using|used|"
    r"has access|took|added)\b",
    r"\b(?:password|email|e-mail|2fa|phone number|recovery \w+)\b<s30>\b(?:was|were|has been|got|had been)"
    r"\s+(?:\w+\s+)?(?:changed|reset)\s+(?:by someone|without)",
    r"\b(?:i|we) (?:didn't|did not|never) (?:change|reset|request|do|make|move|send|export|add|invite|"
    r"authori[sz]e)\w*\b(?:<s20>\b(?:that|this|it|them|one|those|these|my|the)\b|\s*(?:[.!?\n]|$))"
    r"|\bnot by (?:me|us)\b|[-:(]\s*not me\b",
    r"\b(?:emails?|codes?|requests?|notifications?|links?|texts?|sms)\s+(?:that\s+)?(?:i|we)\s+(?:didn't|"
    r"did not|never)\s+(?:request|ask|trigger|initiate)",
    r"\b(?:logins?|sign-ins?|sessions?|devices?|activity|ips?|locations?)\s+(?:that\s+)?(?:i|we)\s+(?:don't|"
    r"do not|didn't|did not|can't|cannot)\s+(?:recogni[sz]e|own|use|know)",
    r"\bst(?:ole|olen) (?:my|our) (?:account|password|credentials|login)|\brob(?:ado|aron|"
    r"o)\b<s20>\b(?:cuenta|"
    r"contrasena|credenciales|acceso)|\b(?:konto|account|passwort|zugang)\w*\b<s20>\b(?:gestohlen|geklaut)"
    r"|\bvol(?:e|er)\b<s20>\b(?:compte|mot de passe|identifiants)|\bcompte vole",
    r"\b(?:unknown|unfamiliar|strange|suspicious) (?:\w+ )?(?:users?|members?|admins?|person|people)\b"
    r"|\b(?:none of us|nobody|no one)\b<s20>\b(?:added|invited|created) (?:him|her|them|this|that)\b",
    r"\b(?:he|she|they|someone|somebody|ex|colleague)\b<s20>\b(?:knows|has|got|stole|is using|uses) "
    r"(?:my|our) (?:\w+ )?(?:password|login|credentials)",
    r"\b(?:his|her|their|the owner's|my employee's|my colleague's) (?:password|credentials)\b"
    r"|\baccess to (?:my |his |her |an? )?(?:\w+ )?(?:employee|colleague|coworker|co-worker|husband|wife|"
    r"partner|boss|predecessor)'s account",
    r"\b(?:password|credentials|token|api key)s?\b<s30>\b(?:leaked|stolen|exposed)\b",
    r"\bstill (?:is |are |was |shows? up |appears? |active |logged in |there )?(?:in|on) (?:our |the |my |"
    r"their )?(?:\w+ ){0,2}(?:workspace|account|projects?|boards?|members|team)\b|\bstill\b<s30>\bactive "
    r"session|(?<!\bi )(?<!\bwe )\bstill (?:has|have) (?:\w+ )?(?:access|rights|permissions)\b",
    r"\b(?:unknown|unrecogni[sz]ed|unfamiliar|suspicious|strange|unauthori[sz]ed|foreign)\s+(?:\w+\s+)?"
    r"(?:logins?|log-ins?|devices?|sessions?|sign-ins?|signins?|ip|locations?|access|activity)",
    r"\b(?:logins?|sign-ins?|access)\s+from\s+(?:an?\s+)?(?:unknown|unfamiliar|strange|another country|"
    r"abroad|somewhere)",
    r"\b(?:that|it|this)(?:'s| is| was)? not (?:me|us)\b|\b(?:that|it|this)\s+(?:wasn't|isn't)\s+(?:me|us)\b"
    r"|\bwasn'?t me\b|\bweren'?t us\b",
    r"\b(?:entered|typed|put in|gave|submitted|used)\b<s60>(?:phishing|fake|scam|spoofed|bogus)",
    r"(?:phishing|fake (?:login|site|page|cloudnest|email)|spoofed|scam)\b<s80>\b(?:entered|typed|put in|"
    r"gave|submitted|clicked)|\bphished\b|\bfell for\b|\bvictim of\b<s20>\b(?:phishing|scam)",
    r"\b(?:former|ex-?|old|previous|fired|departed)\s*(?:employee|colleague|staff|contractor|admin|member|"
    r"team member|co-?worker|freelancer|developer|dev)s?\b<s80>\b(?:still|access|log|logged|logging|sign|"
    r"keys?|tokens?|credentials|password)",
    r"\b(?:left|fired|terminated|quit)\b<s80>\bstill (?:has|have|can|logs|logging|accessing)",
    r"\bstolen (?:password|credentials|account|session|token|api key|laptop)",
    r"\bleaked (?:password|credentials|api key|token)",
    r"\b(?:2fa|login|verification|security) codes? (?:i|we) (?:didn't|did not|never)",
    r"\bpassword reset (?:emails?|requests?|links?) (?:i|we) (?:didn't|did not|never)",
    r"\bsome(?:one|body) (?:is|was|keeps) (?:\w+ )?trying to (?:log|sign|access|get into|take|hack|reset)",
    # de
    r"\bgehackt|\bgehacked|\bhacker|\bkompromittiert|\bkonto\w*\s*ubernahme|\bubernommen\b",
    r"\b(?:fremde|unbekannte|verdachtige|unbefugte)\w*\s+(?:login|logins|anmeldung|zugriff|gerat|gerate|"
    r"sitzung|ip|standort|aktivitat)",
    r"\bjemand\b<s60>(?:passwort|kennwort|e-mail|email|mailadresse)\w*<s30>\bgeandert",
    r"\bjemand\b<s30>(?:angemeldet|eingeloggt|zugegriffen)",
    r"\b(?:ich war das nicht|das war ich nicht|war nicht ich)",
    r"\bphishing\b<s80>(?:passwort|zugangsdaten|eingegeben)|\b(?:passwort|zugangsdaten)\b<s80>phishing",
    r"\bopfer\b<s20>phishing",
    r"\behemalige\w*\s+(?:mitarbeiter|kollege|angestellte)\w*\b<s60>(?:zugriff|zugang|anmelde|einlogg|noch)",
    r"\b(?:zugang|zugriff|konto|account)\b<s20>\bnoch (?:immer )?aktiv|\bnoch (?:immer )?(?:zugriff|zugang)\b"
    r"|\b(?:nicht mehr bei uns|ausgeschieden|entlassen)\b<s80>\bnoch\b|\bsich als \w+ aus(?:gibt|geben)",
    # es
    r"\bhackead|\bhackearon|\bjaquead|\bpiratead|\bsuplantacion|\bno fui yo\b",
    r"\bcuenta\b<s20>comprometid|\b(?:fue|ha sido|han sido) comprometid|\bcredenciales comprometid",
    r"\balguien\b<s40>\b(?:entro|accedio|inicio sesion|ha entrado|ha accedido|cambio|ha cambiado|"
    r"se conecto|esta usando)",
    r"\b(?:inicio de sesion|inicios de sesion|acceso|dispositivo)s? (?:desconocid|sospechos|no autorizad|"
    r"extran)",
    r"\brobo de (?:cuenta|identidad|credenciales)|\bvictima de\b<s20>(?:phishing|estafa)",
    r"\bphishing\b<s80>(?:contrasena|credenciales|introduje|ingrese)|\b(?:contrasena|credenciales)\b<s80>"
    r"phishing",
    r"\bex ?emplead\w*\b<s60>(?:acceso|entrar|accede|sigue)|\b(?:sigue|todavia|aun) (?:teniendo|tiene) "
    r"acceso|\bsigue activ[oa] en|\bhaci[ee]ndose pasar|\bhacerse pasar",
    # fr
    r"\bpirate\b|\bpiratage|\bhameconnage|\busurpation|\bce n'(?:etait|est) pas moi",
    r"\bcompromis\b<s30>(?:compte|acces|identifiants)|\b(?:compte|acces|identifiants|mot de passe)\b<s30>"
    r"\bcompromis",
    r"\bquelqu'un\b<s40>\b(?:s'est connecte|a connecte|s'est identifie|a change|a modifie|a acces|accede|"
    r"utilise mon compte)",
    r"\bconnexions? (?:inconnue|suspecte|non autorisee|inhabituelle)|\bappareils? (?:inconnu|suspect)",
    r"\b(?:phishing|hameconnage)\b<s80>(?:mot de passe|identifiants|saisi)|\b(?:mot de passe|identifiants)"
    r"\b<s80>(?:phishing|hameconnage|faux site|fausse page)",
    r"\bancien\w* (?:employe|salarie|collaborateur)\w*\b<s60>(?:acces|connecter|connecte|encore)",
    r"\ba (?:toujours|encore) acces|\best (?:toujours|encore) actif|\bse faisant passer|\bse faire passer",
    unless=_HYPOTHETICAL,
)
# A request to skip the identity check for an owner, email or password change is a takeover attempt.
_SKIPPED_CHECKS = _matcher(
    r"\b(?:skip|bypass|avoid|circumvent|waive|override|without|no need for|no additional|no further|"
    r"don't want to go through|not go through|can't do any|cannot do any|make an exception)\w*\b<s40>\b"
    r"(?:verification|verif\w*|confirmation|confirm\w*|consent|identity checks?|security checks?|checks?)\b",
    r"\b(?:verification|confirmation|consent)\b<s60>\b(?:make an exception|skip it|bypass it|waive it|"
    r"not needed|is not needed|isn't needed|unnecessary|already (?:done|completed|been done))",
    r"\b(?:do not|don't) (?:request|ask for|require|need)\b<s20>\b(?:verification|confirmation)"
    r"|\bno (?:\w+ )?(?:verification|confirmation)\b(?! (?:email|e-mail|code|link|sms|message|mail))",
    r"\bsin (?:\w+ ){0,2}(?:verificacion|comprobacion|confirmacion|consentimiento)|\b(?:saltar|omitir|"
    r"saltarse|evitar)\w* (?:\w+ ){0,2}(?:verificacion|comprobacion|confirmacion)",
    r"\bohne (?:\w+ ){0,2}(?:verifizierung|verifikation|identitatsprufung|uberprufung|prufung|bestatigung|"
    r"ruckfrage|zustimmung)|\b(?:verifizierung|prufung|bestatigung)\w* (?:uberspringen|auslassen|umgehen)",
    r"\bsans (?:\w+ ){0,3}(?:verification|confirmation|consentement|controle)|\b(?:sauter|ignorer|passer|"
    r"contourner|eviter) (?:\w+ ){0,2}(?:verification|confirmation)",
)
_TAKEOVER_TARGET = _matcher(
    r"\b(?:owner\w*|admin (?:rights|role|access)|login email|account email|e-?mail address|password|"
    r"inhaber\w*|eigentumer|besitzer|propietari\w*|titular|proprietaire|titulaire|propriete)\b",
)
# Credentials typed into a lure: each half alone is ordinary ("I entered my password").
_CREDENTIALS_GIVEN = _matcher(
    r"\b(?:typed|entered|put in|gave|submitted|filled in|used)\b<s30>\b(?:my |our |the )?(?:login|password|"
    r"credentials|2fa code|code|username|details)\b",
    r"\b(?:passwort|zugangsdaten|anmeldedaten|kennwort)\w*\b<s40>\b(?:eingegeben|eingetippt|angegeben|"
    r"verraten)",
    r"\b(?:introduje|ingrese|puse|escribi|meti)\b<s30>\b(?:mi |mis |la |los )?(?:contrasena|credenciales|"
    r"usuario|datos)",
    r"\b(?:saisi|entre|tape|donne|renseigne)\w*\b<s30>\b(?:mon |mes |le |les )?(?:mot de passe|identifiants)"
    r"|\b(?:mot de passe|identifiants)\b<s40>\b(?:saisi|entre|tape|donne)",
)
_LURE = _matcher(
    r"phishing|\bphished|\bfake\b|\bscam|spoof|look-?alike|\bsuspicious (?:link|site|page|sms|text|email|"
    r"message)|\bnot (?:from )?(?:you|cloudnest)\b|\bwasn't (?:you|cloudnest|real)|hameconnage"
    r"|\bfau(?:x|sse)\b|\barnaque|gefalscht|betrug|\bestafa|\bfals[oa]\b|fraudulent|frauduleu",
)


def _account_compromise(text: str) -> bool:
    return (
        _COMPROMISE_WORDS(text)
        or (_SKIPPED_CHECKS(text) and _TAKEOVER_TARGET(text))
        or (_CREDENTIALS_GIVEN(text) and _LURE(text))
    )


_ERROR_CONTEXT = (
    r"(?:errors?|errore|erro|errores|erreurs?|fehler\w*|http|status|returns?|returning|returned|"
    r"devuelve\w*|renvoi\w*|liefert|gateway|server|crash\w*|fails?|failing|failed|get|gets|getting|got|see|"
    r"seeing|hit|hitting|throws?|throwing|shows?|showing|gives?|giving|responses?|responding)"
)
_HTTP_5XX = (
    r"(?<![$€£\d.,-])(?<!row )(?<!line )(?<!page )(?<!item )(?<!step )(?<!#)\b5\d\d\b"
    r"(?!\s*(?:[%$€£]|[.,]\d)|\s(?:\w+\s)?(?:seats?|users?|people|persons?|employees|members|staff|tasks?|"
    r"projects?|files?|items?|rows?|records?|tickets?|mb|gb|kb|ms|seconds?|eur|euros?|usd|dollars?|pounds?|"
    r"chf|plazas|usuarios|utilisateurs|nutzer|mitarbeiter|personen|personas|personnes|aufgaben|tareas|taches|"
    r"words|pages|credits?|licen[cs]es?|requests|calls|emails?|messages?|contacts?|characters?|km|times|days|"
    r"hours|minutes|orders?|invoices?|boards|comments?|attachments?)\b)"
)
_outage = _matcher(
    # en
    r"\b(?:site|app|application|service|server|servers|api|platform|cloudnest|everything|website|system|"
    r"dashboard|web app|it|login page|workspace|integrations?|api calls|endpoints|boards|pages|login|sso)\s+"
    r"(?:is|are|was|were|seems|seem|appears|looks|went|goes|"
    r"has gone|has been|have been|'s|ist|sind|war)?\s*(?:still |completely |totally |all |again )?down\b",
    r"\bdown\s+(?:for\s+(?:everyone|everybody|all|us|the whole|hours|over|\d)|again|right now|completely)",
    r"\bis down\b|\b(?:outage|downtime)s?\b|\bservice disruption",
    r"\b(?:not|isn't|won't|doesn't)\s+(?:loading|load|work|working|opening)\s+for\s+(?:anyone|anybody|"
    r"everyone|everybody|all|any of|the whole|our whole|our entire)",
    # a 5xx next to an error word; "500 seats" and "$502" are not errors
    rf"\b{_ERROR_CONTEXT}\b<s40>{_HTTP_5XX}|{_HTTP_5XX}<s40>\b{_ERROR_CONTEXT}\b|\b5\d\ds\b|\b5xx\b",
    r"\binternal server error|\bbad gateway|\bgateway time-?out|\bservice (?:temporarily )?unavailable",
    r"\b(?:everyone|everybody|nobody|no one|none of (?:us|our \w+)|no (?:user|member|employee|one)s?|"
    r"(?:the |our )?(?:whole|entire) (?:team|company|organi[sz]ation|org|office|staff|department)|"
    r"all (?:of )?(?:our|the|my) (?:\d+ )?(?:users|team|staff|employees|members|colleagues|people)|all users)"
    r"\b<s60>\b(?:can't|cannot|can not|unable|couldn't|can|is|are|gets?|getting)\b<s20>\b(?:log|sign|access|"
    r"work|open|load|use|get in|reach|connect)",
    r"\btim(?:e|es|ed|ing)[- ]?outs?\b<s60>\b(?:every|all|everything|constantly|always|can't work|"
    r"cannot work|blocked|blocking|unusable|whole|entire)",
    r"\b(?:app|cloudnest|platform|workspace|service|site|system|everything|product|tool|it)\b<s30>"
    r"\bunusable\b",
    # a team that cannot work
    r"\b(?:we|team|everyone|everybody|nobody|no one|people)\b<s20>\b(?:can't|cannot|can not|are unable to|"
    r"unable to)\s+(?:work|do anything|access anything|get anything done)\b",
    r"\b(?:fully|completely|totally|entirely) (?:blocked|stuck|at a standstill)|\bnothing (?:loads|"
    r"is loading|opens)\b",
    r"\b(?:fails?|failing|failed|broken|errors?|blocked|not working|doesn't work|down)\b<s40>\bfor (?:every|"
    r"all|each) (?:of (?:our|the) )?(?:\w+ )?(?:users?|members?|employees|people|colleagues|staff)",
    r"\b\d+ (?:users|people|employees|staff|members|colleagues|persons)\b<s20>\b(?:blocked|idle|stuck|"
    r"can't|cannot|affected)|\bteam of \d+\b<s20>\b(?:blocked|stuck|idle|can't)"
    r"|\b(?:whole|entire|our) (?:team|office|company|org) (?:is |are )?(?:blocked|stuck|idle)",
    # de
    r"(?<!zahlungs)ausf(?:a|ae)ll|\bausgefallen|\bstor(?:u|ue)ng|\bserverfehler",
    r"\b(?:seite|website|webseite|app|dienst|server|plattform|cloudnest|api|system|anwendung|service|"
    r"alles)\b<s40>\bnicht (?:mehr )?(?:erreichbar|verfugbar)",
    r"\bniemand\b<s30>\b(?:anmelden|einloggen|arbeiten|zugreifen|offnen)\b",
    r"\bkeiner\b<s30>\b(?:kann|konnen)\b<s20>\b(?:anmelden|einloggen|arbeiten|zugreifen)",
    r"\b(?:das ganze|unser ganzes|das gesamte|unser gesamtes) (?:team|unternehmen|buro)"
    r"|\b(?:die ganze|unsere ganze|die gesamte) firma",
    r"\balle (?:mitarbeiter|nutzer|benutzer|kollegen)\w*\b<s40>\bnicht\b|\b(?:funktioniert|geht|ladt|"
    r"lauft)\b<s40>\bfur niemand",
    r"\bkein(?:e|er)? (?:\w+ )?(?:mitarbeiter|nutzer|benutzer|kollege)\w* (?:kann|konnen)\b"
    r"|\b(?:komplett|vollig|total) blockiert|\b(?:konnen|kann) (?:\w+ )?nicht (?:mehr )?arbeiten"
    r"|\bnichts (?:ladt|lasst sich offnen) mehr|\b\d+ (?:nutzer|mitarbeiter|personen|kollegen)\b<s20>"
    r"\b(?:blockiert|stehen)",
    # es
    r"\bcaida\b|\bcaido\b|\bse cayo\b|\bno funciona para nadie|\bno carga para nadie",
    r"\bnadie\b<s40>\bpuede\b<s20>\b(?:entrar|acceder|iniciar|trabajar|conectar|usar)",
    r"\b(?:todo el equipo|toda la empresa|toda la organizacion|todos (?:los|nuestros) (?:usuarios|empleados|"
    r"companeros))\b<s40>\bno\b",
    r"\binterrupcion del servicio|\bfuera de servicio|\bservicio no disponible|\binaccesible",
    r"\bning(?:un|uno|una) (?:de (?:nuestros|los) )?(?:\w+ )?(?:usuarios?|empleados?|companeros?)\b<s20>"
    r"\bpuede|\bno podemos trabajar|\b(?:completamente|totalmente) bloqueados|\bnada carga\b"
    r"|\b\d+ (?:usuarios|personas|empleados)\b<s20>\b(?:bloqueados|parados|sin poder)",
    # fr
    r"\bpanne\b|\bhors service|\bindisponib|\bpersonne ne peut|\bpersonne n'arrive",
    r"\b(?:toute l'equipe|toute l'entreprise|toute la societe|tous (?:nos|les) (?:utilisateurs|"
    r"collaborateurs|employes|salaries))\b<s40>\bne (?:peu|peut|peuvent|pouvons|parvien|arriv)",
    r"\binterruption (?:de|du) service|\bne (?:marche|fonctionne) (?:plus )?pour personne",
    r"\baucun\w* (?:\w+ )?(?:collaborateur|utilisateur|employe|salarie|membre)s? ne (?:peu|parvien|arriv)"
    r"|\b(?:impossible|bloques?|en panne|inaccessible)\b<s30>\bpour tout le monde|\btout le monde\b<s30>"
    r"\b(?:est bloque|ne peut|n'arrive)|\bne (?:pouvons|peut) (?:plus |pas )+travailler"
    r"|\b(?:completement|totalement) (?:bloques|a l'arret)|\brien ne (?:charge|s'affiche)"
    r"|\b\d+ (?:utilisateurs|personnes|collaborateurs|salaries)\b<s20>\bbloques",
    unless=(
        r"\b(?:shut(?:ting)?|slow(?:ing)?|scroll(?:ing)?|turn(?:ing|ed)?|count(?:ing)?|narrow(?:ing)?|"
        r"break(?:ing)?|broke|write|written|wrote|step(?:ping)?|calm|water(?:ed)?|cut(?:ting)?|"
        r"trim(?:med)?)\s+down\b",
        r"\bdrop[- ]?down|\bdown (?:to|from|the|a|payment|side|grade)\b",
        r"\b(?:price|prices|cost|costs|bill|usage|amount|balance|number|count)\w*\s+(?:is|are|went|has gone)"
        r"\s+down",
        # the customer's own systems being down is not our outage, nor is last week's
        r"\b(?:our|my|their)\s+(?:\w+\s+){0,2}?(?:endpoint|server|servers|receiver|listener|webhook url|"
        r"system|backend)\b<s60>(?:down|5\d\d)",
        r"\b(?:last|previous|yesterday's|last week's|last month's|recent|past|earlier) (?:outage|downtime)",
        r"\b(?:entschuldig|verzeih|sorry)\w*\s+(?:sie\s+)?(?:bitte\s+)?(?:fur\s+)?die\s+stor(?:u|ue)ng",
        r"\b(?:mode|modus) (?:hors ligne|offline)",
        *_HYPOTHETICAL,
    ),
)

_data_loss = _matcher(
    # en
    r"\b(?:data|tasks?|projects?|files?|boards?|comments?|attachments?|documents?|records?|everything|"
    r"workspace|content|notes|entries|timesheets?|sprints?|folders?|subtasks?|timelines?|dependencies|dates|"
    r"history|work|changes|progress|all of (?:our|my) \w+)\b<s30>\b(?:gone|missing|deleted|wiped|"
    r"disappeared|vanished|lost|erased|corrupt|corrupted|empty|reverted|overwritten|rolled back|purged)\b",
    r"\blost (?:all |some |most )?(?:of )?(?:my |our |the )?(?:\w+ )?(?:data|work|tasks|projects|files|"
    r"boards|comments|documents|history|attachments)\b|\bdata loss",
    r"\b(?:accidentally|mistakenly|by mistake|by accident)\s+(?:\w+\s+)?deleted\b<s30>\b(?:data|tasks?|"
    r"projects?|files?|boards?|documents?|attachments?|workspace|everything|folders?)",
    r"\brestor\w*\s+<w4>(?:from\s+)?(?:a |the |your |our )?backup|\bbackup\b<s40>\brestor",
    r"\b(?:need|please|can you|could you)\s+<w2>(?:restore|recover)\b<s30>\b(?:data|tasks?|projects?|files?|"
    r"boards?|documents?|attachments?|workspace|everything|comments?|deleted|lost|version)",
    # de
    r"\b(?:daten|aufgaben|projekte|projekt|dateien|dokumente|eintrage|kommentare|alles|boards?|anhange|"
    r"inhalte)\b<s30>\b(?:weg|verloren|geloscht|verschwunden|futsch|beschadigt|korrupt|leer)\b",
    r"\bdatenverlust|\bversehentlich\b<s40>\bgeloscht",
    r"\bwiederherstell\w*\b<s40>\b(?:backup|sicherung)|\b(?:backup|sicherung)\b<s40>\bwiederherstell",
    # es
    r"\b(?:datos|tareas|proyectos|archivos|documentos|comentarios|tableros|todo|informacion|contenido)\b<s30>"
    r"\b(?:perdid|borrad|eliminad|desaparec|se borr|se perdi|ya no (?:estan|aparecen)|no aparecen)",
    r"\bse (?:borraron|perdieron|eliminaron|han borrado|han perdido|han eliminado|desaparecieron|"
    r"han desaparecido)",
    r"\bperdi(?:mos|do)? (?:tod[oa]s )?(?:l[oa]s |nuestr[oa]s |mis )?(?:datos|tareas|proyectos|archivos|"
    r"documentos)",
    r"\b(?:desaparec(?:ieron|io|ido)|borr(?:aron|o|ad[oa]s?)|elimin(?:aron|o|ad[oa]s?))\b<s15>\b(?:tod[oa]s |"
    r"l[oa]s |nuestr[oa]s |mis )+(?:datos|tareas|"
    r"proyectos|"
    r"archivos|documentos|comentarios|tableros)",
    r"\bperdida de datos|\brestaur\w*\b<s40>\b(?:copia de seguridad|respaldo|backup)",
    # fr
    r"\b(?:donnees|taches|projets|fichiers|documents|commentaires|tableaux|tout|contenu|pieces jointes|"
    r"dossiers|cartes|historique)\b<s30>"
    r"\b(?:perdu|supprime|disparu|efface|vide|corrompu)",
    r"\bperte de donnees|\b(?:disparu|supprime|efface|perdu)\w*\s+(?:\w+\s+){0,2}(?:donnees|taches|projets|"
    r"fichiers)",
    r"\b(?:restaurer|recuperer)\b<s40>\b(?:sauvegarde|backup)",
    unless=(
        *_HYPOTHETICAL,
        r"\bnothing (?:is |was |got |has been )?lost|\bnichts (?:ist )?verloren|\bnada (?:se )?perdi"
        r"|\brien (?:n'est |n'a ete )?perdu",
        # a part of the screen going missing is a bug, not lost data
        r"\b(?:button|toolbar|icon|menu|bar|tab|option|setting|field|column|sidebar|widget|panel|link|page|"
        r"description|header|logo|image|preview)s?\s+(?:is|are|was|were|has|have|seems?|went|just)?\s*"
        r"(?:\w+\s+)?(?:missing|gone|disappeared|empty|vanished)",
        # an erasure request asks for deletion; it does not report a loss
        r"[^.!?\n]*\b(?:gdpr|dsgvo|rgpd|erasure|right to be forgotten|personal data)\b[^.!?\n]*",
        r"\bconfirm\w*\b<s40>\b(?:gone|deleted|erased)",
        # asking how to undo one's own deletion is a how-to, not a loss report
        r"\b(?:can|could|how) (?:do |can )?(?:i|we)\b (?:\w+ )?(?:recover|restore|undo|undelete|get back|"
        r"retrieve)\b[^.!?\n]*\?",
    ),
)

_BILLING_CONTEXT = (
    r"(?:payment|billing|invoice|non[- ]?payment|unpaid|overdue|past due|card (?:expired|declined|failed)|"
    r"zahlung|rechnung|lastschrift|abrechnung|zahlungsruckstand|impago|falta de pago|pago|factura|deuda|"
    r"impaye|non-paiement|paiement|facture|facturation|prelevement)"
)
_LOCKED = (
    r"(?:locked|blocked|deactivated|disabled|frozen|cut off|shut off|closed|gesperrt|deaktiviert|bloquead|"
    r"desactivad|bloque|desactive|coupe)\w*"
)
_HOLDER = (
    r"(?:account|access|workspace|konto|zugang|arbeitsbereich|cuenta|acceso|espacio|compte|acces|espace)"
)
_suspension = _matcher(
    r"\bsuspen(?:ded|sion)\b|\bsuspendiert|\bsuspendid|\bsuspension\b|\bsuspendu",
    # en
    r"\b(?:workspace|account|everything|whole|entire|organi[sz]ation|all (?:our|my) \w+|is now|went|became|"
    r"switched to|turned|in|into)\s+<w3>read[- ]only|\bread[- ]only mode",
    r"\b(?:workspace|organi[sz]ation|subscription|company account|team account)\b<s40>\b(?:locked|blocked|"
    r"deactivated|disabled|frozen|cut off|shut off|closed)",
    # a single account locked counts only when billing locked it; after failed logins it is a lockout
    rf"\b{_HOLDER}\b<s40>\b{_LOCKED}<s60>{_BILLING_CONTEXT}",
    rf"\b{_HOLDER}\b<s60>{_BILLING_CONTEXT}<s40>\b{_LOCKED}",
    rf"{_BILLING_CONTEXT}<s60>\b(?:account|workspace|access|konto|zugang|arbeitsbereich|cuenta|espacio|"
    rf"acceso|"
    rf"compte|espace|everything|alles|todo|tout)\b<s30>\b{_LOCKED}",
    # de
    r"\b(?:arbeitsbereich|workspace|organisation|firmenkonto|teamkonto|abo|abonnement)\w*\b<s40>\b"
    r"(?:gesperrt|deaktiviert|eingefroren|sperrung)\b",
    r"\bschreibgeschutzt|\bnur noch (?:lesen|lesend|lesezugriff)",
    # es
    r"\bsolo (?:de )?lectura|\bmodo (?:de )?(?:solo )?lectura",
    r"\b(?:espacio de trabajo|workspace|organizacion|cuenta de (?:la )?empresa|equipo|suscripcion)\b<s40>"
    r"\b(?:bloquead|desactivad|congelad|cortad)",
    # fr
    r"\blecture seule|\b(?:espace de travail|workspace|organisation|abonnement|equipe)\b<s40>\b(?:bloque|"
    r"desactive|gele|ferme|coupe)",
    unless=(
        *_HYPOTHETICAL,
        r"\b(?:too many|several|multiple|failed|wrong|incorrect)\s+(?:\w+\s+)?(?:attempts|tries|logins?|"
        r"passwords?|versuche\w*|intentos|tentatives)",
        r"\bread[- ]only (?:access|role|member|user|guest|permission|link|view|share)",
        r"\b(?:compart\w*|partag\w*|teil\w*|shar\w*)\b<s40>\b(?:read[- ]only|(?:modo (?:de )?)?(?:solo )?"
        r"lectura|lecture seule|schreibgeschutzt)",
        r"\b(?:acceso|permisos?|rol|usuario|invitado)s? (?:de |en )?(?:solo )?lectura"
        r"|\b(?:acces|droits?|role|utilisateur|invite)s? (?:en )?lecture seule",
    ),
)


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
_TIME = _compile(
    rf"\b{_DAY}\b",
    rf"\b(?:in|within|innerhalb von|en|dans|d'ici)\s+(?:the next |den nachsten |las proximas "
    rf"|les prochaines )?{_HOURS}",
    rf"\b(?:at|by|before|um|a las|a|vers)\s+{_CLOCK}",
)
# "by tomorrow", "bis heute Abend", "para mañana", "avant ce soir": the time is itself the deadline.
_TIME_AS_DEADLINE = _compile(
    rf"\b(?:by|before|within|no later than|latest|bis|spatestens|para|antes de|a mas tardar|pour|avant|"
    rf"d'ici|au plus tard)\s+(?:the |el |la |le )?(?:end of |ende |fin de |final de )?(?:{_DAY}|{_HOURS}|"
    rf"{_CLOCK})",
    rf"\b(?:need|needs|needed|must|have to|has to|brauche|brauchen|muss|mussen|necesito|necesitamos|"
    rf"tiene que|tienen que|tenemos que|hay que|besoin|faut|doit|doivent|devons)\b[^,.!?;\n]{{0,50}}"
    rf"\b{_DAY}\b",
)
# Something that cannot move: "I'll try again tomorrow" names a time but no deadline.
_DEADLINE_WORD = _compile(
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
_NOT_A_DEADLINE = _compile(
    r"\b(?:guten|heute|am|jeden|den ganzen|diesen) morgen\b|\bmorgens\b|\bheute fruh",
    r"\b(?:esta|por la|de la|cada|toda la) manana\b|\bhasta manana",
    r"\bthis morning\b|\bdue to\b|\bdue dates?\b",
    r"\bce matin\b|\ba demain\b",
)


def _deadline(text: str) -> bool:
    for form in _forms(_NOT_A_DEADLINE.sub(" ", _fold(text))):
        for sentence in re.split(r"[.!?;\n]+", form):
            if _TIME.search(sentence) and (
                _TIME_AS_DEADLINE.search(sentence) or _DEADLINE_WORD.search(sentence)
            ):
                return True
    return False


# --- what the customer thinks of the product ----------------------------------------------------

# What a feature request asks for; "please add a seat" is a plan change, not a feature request.
_OBJECT = (
    r"(?:feature|option|ability|way to|support for|integration|setting|mode|button|view|field|filter|"
    r"shortcut|toggle|template|report|widget|plugin|calendar|gantt|timeline|kanban|endpoint|export|import|"
    r"sync|app for|version for|language|funktion|moglichkeit|ansicht|modus|dunkelmodus|vorlage|"
    r"schnittstelle|unterstutzung|einstellung|schaltflache|feld|kalender|bericht|sprache|funcion|opcion|"
    r"posibilidad|integracion|vista|modo|soporte|exportacion|filtro|plantilla|campo|boton|calendario|"
    r"informe|idioma|compatibilidad|fonction|possibilite|vue|filtre|modele|champ|bouton|calendrier|rapport|"
    r"langue|compatibilite|api)"
)
_feature_request = _matcher(
    # en
    r"\bfeature[- ]?(?:requests?|suggestions?|ideas?|wish|proposals?|wunsch|anfrage)\b|\bmissing feature",
    r"\bsuggestion:|\b(?:a|one|small|quick|my) suggestion\b|\bi have a suggestion",
    r"\b(?:please|pls|could you|can you|would you|will you|plans? to|planning to|consider)\s+<w2>"
    r"(?:add|adding|support|supporting|implement|implementing|introduce|introducing|build|building|offer|"
    r"offering|provide|include|including|allow|allowing|integrate|integrating|bring|bringing)\b<s40>"
    + _OBJECT,
    r"\b(?:would|'d) be (?:great|nice|helpful|awesome|useful|amazing|cool|fantastic|lovely|good|handy|"
    r"ideal|perfect|super) (?:to have|to be able|if\b<s40>\b(?:add|support|offer|had|have|allow|let|"
    r"integrate|include|build|there (?:was|were)|we could|i could|it was possible))",
    r"\bi wish (?:you|cloudnest|there (?:was|were)|the app|i could)|\bwish you had|\broad ?map\b",
    r"\bwhen will (?:you|cloudnest|the app|there be)\b<s20>(?:support|have|add|offer|allow|integrate|"
    r"release|be able|be available)",
    r"\b(?:do you have|are there|any) plans (?:to|for)\b|\b(?:i'd|i would|we'd|we would) love (?:to see|"
    r"to have|it if|a |an |the ability)",
    r"\b(?:would|'d) love (?:to see|to have)\b<s40>" + _OBJECT,
    r"\bplease consider (?:adding|supporting|implementing|building|introducing|offering)",
    r"\b(?:upvote|vote for) (?:this|the) (?:feature|request|idea)",
    # de
    r"\bfunktionswunsch|\bverbesserungsvorschlag|\bvorschlag:",
    r"\b(?:bitte|konnt|konntet|konnten|wurdet|wurden)\b<s60>" + _OBJECT + r"<s60>\b(?:hinzu|einbauen|"
    r"erganzen|integrieren|anbieten|unterstutzen|implementieren|einfuhren|bereitstellen)",
    r"\b(?:bitte|konnt|konntet|konnten|wurdet|wurden)\b<s20>\b(?:fugt|baut|erganzt|integriert|bietet|"
    r"implementiert|unterstutzt)\b<s60>" + _OBJECT,
    r"\bware (?:toll|schon|super|klasse|praktisch|hilfreich|gut|genial|cool|nett|wunschenswert|"
    r"sinnvoll),? (?:wenn|eine?n?)\b|\bwunschenswert|\b(?:ich|wir) wunsche\w* (?:mir|uns)",
    r"\bwann (?:unterstutzt|unterstutzen|bekommt|bekommen|integriert|integrieren|bietet|bieten) "
    r"(?:ihr|sie|cloudnest)|\bplant ihr|\bplanen sie|" + _OBJECT + r"\w*<s40>\bgeplant\b",
    # es
    r"\bsolicitud de (?:funcion|funcionalidad|caracteristica|mejora)|\bsugerencia\b",
    r"\bseria (?:genial|estupendo|util|bueno|ideal|fantastico|increible|buenisimo|perfecto|de gran ayuda|"
    r"muy util|interesante) (?:que|si|poder|tener|contar)",
    r"\b(?:podrian|podrias|pueden|puedes|podeis|por favor|porfa)\s+<w2>(?:anadir|agregar|incluir|"
    r"implementar|integrar|incorporar|soportar|ofrecer|habilitar|anadan|agreguen|incluyan|implementen|"
    r"integren)\b<s50>" + _OBJECT,
    r"\bojala (?:tuvieran|hubiera|pudieran|tengan|agreguen)|\bme encantaria (?:que|poder|ver)"
    r"|\bhoja de ruta",
    r"\bcuando (?:van a|vais a|tendran|tendreis|planean|piensan)\b<s30>(?:soportar|anadir|agregar|integrar|"
    r"incluir|ofrecer|permitir|tener|sacar|lanzar)",
    r"\btienen (?:previsto|planeado|pensado)|\besta (?:previsto|planeado)|\bplanean\b",
    # fr
    r"\bdemande de fonctionnalite|\bsuggestion d'amelioration|\bune suggestion",
    r"\b(?:ce|ca) serait (?:bien|top|genial|super|pratique|utile|chouette|ideal|formidable|parfait|cool|"
    r"interessant)|\bil serait (?:bien|utile|pratique|interessant|judicieux|bon) (?:de|que|d')",
    r"\b(?:pourriez|pourrais|pouvez|merci d'|serait-il possible d')[\w-]*\s+<w2>(?:ajouter|integrer|"
    r"proposer|supporter|prendre en charge|implementer|offrir|inclure)\b<s50>" + _OBJECT,
    r"\bj'aimerais (?:beaucoup )?(?:que vous ajoutiez|voir)|\bfeuille de route",
    r"\bquand (?:allez-vous|comptez-vous|prevoyez-vous|est-ce que vous allez)\b<s30>(?:ajouter|supporter|"
    r"integrer|proposer|prendre en charge|sortir)",
    r"\best-(?:il|ce) prevu|\bavez-vous prevu|\bprevoyez-vous",
)

_negative_feedback = _matcher(
    # en
    r"\bdisappoint(?:ed|ing|ment)|\bterrible|\bhorrible|\bawful|\bworst\b(?![- ]case)|\bunacceptable",
    r"\bfrustrat(?:ed|ing|ion)|\bdissatisfied|\bfed up|\bridiculous|\bappalling|\bpathetic|\bdisgrace",
    r"\b(?:very|extremely|really|so|deeply|quite|incredibly) (?:unhappy|dissatisfied|annoyed|upset|angry|"
    r"disappointed)|\bshameful|\bfurious|\boutraged|\blivid\b|\bnot (?:happy|satisfied)\b|\bunhappy\b",
    r"\bconsidering (?:leaving|switching|moving|cancell?ing|alternatives|other)",
    r"\b(?:switch|switching|move|moving) to (?:a )?(?:competitor|asana|trello|monday|jira|clickup|notion|"
    r"another (?:tool|provider|vendor))",
    r"\b(?:cancel|cancell?ing|leave|leaving)\b<s40>\bbecause\b|\bpoor (?:service|support|quality|experience)",
    r"\bbad (?:service|support|experience)|\blost (?:my |our |all )?(?:trust|confidence|patience)",
    r"\bnever (?:again|recommend)|\bwaste of (?:time|money)|\buseless\b",
    # de
    r"\bentt(?:a|ae)usch|\bunzumutbar|\bschrecklich|\bfurchtbar|\bkatastroph|\binakzeptabel|\bunverschamt",
    r"\bfrechheit|\barmutszeugnis|\bverargert|\bunzufrieden|\bnicht zufrieden|\bmiserabel|\bgenervt",
    r"\b(?:uberlegen|uberlege|denken|denke)\b<s40>\b(?:zu wechseln|zu kundigen|abzuspringen)",
    r"\bzur konkurrenz|\bschlechteste",
    # es
    r"\bdecepcion|\binaceptable|\bpesim[oa]|\bhorrible|\blamentable|\bvergonzoso|\bverguenza",
    r"\bmuy (?:molest|insatisfech|enfadad|enojad|descontent)|\binsatisfech|\bdescontent|\bfrustrad",
    r"\bfrustrante|\b(?:estoy|estamos) hart[oa]s?\b|\bel peor\b|\b(?:a|con) la competencia",
    r"\b(?:pensando|considerando|planteando)\b<s20>\b(?:cambiar|cancelar|irnos|dejar|abandonar|migrar)",
    # fr
    r"\bdecu(?:e|s|es)?\b|\bdecevant|\bdeception|\binacceptable|\blamentable|\bhonteu|\bscandaleu",
    r"\binadmissible|\binsupportable|\bcatastrophique|\bmecontent|\binsatisfait|\bfrustre|\bfrustrant",
    r"\bagace|\bexaspere|\ben colere|\ble pire\b|\bras le bol|\bmarre\b",
    r"\b(?:c'est|est|vraiment|completement|totalement|service|support) nul(?:le)?\b",
    r"\b(?:envisage|envisageons|pense|pensons|songe|songeons)\b<s20>\b(?:changer|partir|resilier|quitter|"
    r"migrer|passer chez)",
    unless=(
        r"\b(?:terrible|horrible|awful|stupid|silly|huge|big) (?:mistake|typo)",
        r"\b(?:solde|montant|total|score|match) (?:est )?nul",
    ),
)


GUARDS: tuple[Guard, ...] = (
    Guard("prompt_injection", "text tries to instruct the triage system", False, _prompt_injection),
    Guard("exposed_secret", "a card number, password, key or other secret", False, _exposed_secret),
    Guard("legal_threat", "legal action threatened", True, _legal_threat),
    Guard("chargeback", "chargeback or bank dispute filed or threatened", True, _chargeback),
    Guard(
        "money_taken_wrongly",
        "duplicate, unauthorised or post-cancellation charge",
        True,
        _money_taken_wrongly,
    ),
    Guard("money_movement", "refund, credit or reversal requested", False, _money_movement),
    Guard("account_compromise", "account compromise or takeover suspected", True, _account_compromise),
    Guard("outage", "service down or unusable for the team", True, _outage),
    Guard("data_loss", "data lost, deleted or in need of restore", True, _data_loss),
    Guard("suspension", "workspace suspended, read-only or locked for billing", True, _suspension),
    Guard("deadline", "hard deadline within 24 hours", True, _deadline),
    Guard("feature_request", "feature request or roadmap question", False, _feature_request),
    Guard("negative_feedback", "complaint or negative feedback", False, _negative_feedback),
)
# The vocabulary of guard names, stored in routing rules as "guard:<name>".
GUARD_NAMES: tuple[str, ...] = tuple(guard.name for guard in GUARDS)


def guards_fired(text: str) -> list[Guard]:
    """Every guard that fires on `text` (the ticket's subject + "\\n" + body), in GUARDS order."""
    return [guard for guard in GUARDS if guard.check(text)]
