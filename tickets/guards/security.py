"""Account compromise and takeover attempts."""

from tickets.guards.matching import HYPOTHETICAL, matcher

# --- the account and the service ----------------------------------------------------------------

_COMPROMISE_WORDS = matcher(
    # en
    r"\bhack(?:ed|er|ers|ing)\b|\bcompromised\b|\btook over (?:my|our)",
    # "takeover" is an attack; "Fiona will take over (the workspace)" is a hand-over between colleagues.
    r"\b(?:account |hostile )?takeover\b|\baccount take[- ]over\b|\btake[- ]over (?:attempt|of (?:my|our))"
    r"|\b(?:trying|tried|try|attempt\w*) to take over\b",
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
    r"\b(?:i|we) (?:didn't|did not|never) (?:change|reset)\w*\b<s20>\b(?:password|e-?mail|2fa|phone|login|"
    r"recovery|credentials)",
    r"\b(?:i|we) (?:didn't|did not|never) (?:request|do|make|move|send|invite|authori[sz]e)\w*\b"
    r"(?: (?:that|this|it|them|those|these|one)\b|\s*(?:[.!?\n]|$))|\bnot by (?:me|us)\b|[-:(]\s*not me\b",
    r"\b(?:emails?|codes?|requests?|notifications?|links?|texts?|sms)\s+(?:that\s+)?(?:i|we)\s+(?:didn't|"
    r"did not|never)\s+(?:request|ask|trigger|initiate)",
    r"\b(?:logins?|sign-ins?|sessions?|devices?|activity|ips?|locations?)\s+(?:that\s+)?(?:i|we)\s+(?:don't|"
    r"do not|didn't|did not|can't|cannot)\s+(?:recogni[sz]e|own|use|know)",
    r"\bst(?:ole|olen) (?:my|our) (?:account|password|credentials|login)",
    r"\brob(?:ado|aron|o)\b<s20>\b(?:cuenta|contrasena|credenciales|acceso)",
    r"\b(?:konto|account|passwort|zugang)\w*\b<s20>\b(?:gestohlen|geklaut)",
    r"\bvol(?:e|er)\b<s20>\b(?:compte|mot de passe|identifiants)|\bcompte vole",
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
    r"gave|submitted|clicked)|\bphished\b|\bfell for (?:a|an|the|this|that) (?:\w+ )?(?:scam|phishing|fake|"
    r"trick|spoof\w*)|\bvictim of\b<s20>\b(?:phishing|scam)",
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
    unless=(*HYPOTHETICAL, r"\bsla breach|\bbreach(?:es|ed)? (?:of )?(?:the |our )?(?:contract|sla|terms)"),
)
# A request to skip the identity check for an owner, email or password change is a takeover attempt.
_SKIPPED_CHECKS = matcher(
    r"\b(?:skip|bypass|avoid|circumvent|waive|override|without|no need for|no additional|no further|"
    r"don't want to go through|not go through|can't do any|cannot do any|make an exception)\w*\b<s40>\b"
    r"(?:verification|verif\w*|confirmation|confirm\w*|consent|identity checks?|security checks?|checks?)\b",
    r"\b(?:verification|confirmation|consent)\b<s60>\b(?:make an exception|skip it|bypass it|waive it|"
    r"not needed|is not needed|isn't needed|unnecessary|already (?:done|completed|been done))",
    # "no need to verify", "you don't need to check", "don't bother with the verification"
    r"\b(?:no need|(?:do not|don't|dont) need|needn't|(?:do not|don't|dont) bother)\b<s20>"
    r"\b(?:verif\w*|confirm\w*|check\w*|identity)\b",
    r"\b(?:do not|don't) (?:request|ask for|require|need)\b<s20>\b(?:verification|confirmation)"
    r"|\bno (?:additional |further |extra |more )?(?:verification|confirmation) (?:is |was )?(?:needed|"
    r"required|necessary)",
    r"\bsin (?:\w+ ){0,2}(?:verificacion|comprobacion|confirmacion|consentimiento)|\b(?:saltar|omitir|"
    r"saltarse|evitar)\w* (?:\w+ ){0,2}(?:verificacion|comprobacion|confirmacion)",
    r"\bohne (?:\w+ ){0,2}(?:verifizierung|verifikation|identitatsprufung|uberprufung|prufung|bestatigung|"
    r"ruckfrage|zustimmung)|\b(?:verifizierung|prufung|bestatigung)\w* (?:uberspringen|auslassen|umgehen)",
    r"\bkeine (?:\w+ )?(?:verifizierung|verifikation|identitatsprufung|uberprufung|prufung|bestatigung|"
    r"ruckfrage)\w* (?:\w+ )?(?:notig|notwendig|erforderlich|noetig)",
    r"\bno (?:hace falta|es necesario|necesita\w*|hay que) (?:\w+ )?(?:verificar|comprobar|confirmar)",
    r"\b(?:pas besoin|inutile|nul besoin) d(?:e |')(?:\w+ )?(?:verifier|confirmer|controler)",
    r"\bsans (?:\w+ ){0,3}(?:verification|confirmation|consentement|controle)|\b(?:sauter|ignorer|passer|"
    r"contourner|eviter) (?:\w+ ){0,2}(?:verification|confirmation)",
)
_TAKEOVER_TARGET = matcher(
    r"\b(?:owner\w*|admin (?:rights|role|access)|login email|account email|e-?mail address|password|"
    r"inhaber\w*|eigentumer|besitzer|propietari\w*|titular|proprietaire|titulaire|propriete)\b",
)
# Credentials typed into a lure: each half alone is ordinary ("I entered my password").
_CREDENTIALS_GIVEN = matcher(
    r"\b(?:typed|entered|put in|gave|submitted|filled in|used)\b<s30>\b(?:my |our |the )?(?:login|password|"
    r"credentials|2fa code|code|username|details)\b",
    r"\b(?:passwort|zugangsdaten|anmeldedaten|kennwort)\w*\b<s40>\b(?:eingegeben|eingetippt|angegeben|"
    r"verraten)",
    r"\b(?:introduje|ingrese|puse|escribi|meti)\b<s30>\b(?:mi |mis |la |los )?(?:contrasena|credenciales|"
    r"usuario|datos)",
    r"\b(?:saisi|entre|tape|donne|renseigne)\w*\b<s30>\b(?:mon |mes |le |les )?(?:mot de passe|identifiants)"
    r"|\b(?:mot de passe|identifiants)\b<s40>\b(?:saisi|entre|tape|donne)",
)
_LURE = matcher(
    r"phishing|\bphished|\bfake\b|\bscam|spoof|look-?alike|\bsuspicious (?:link|site|page|sms|text|email|"
    r"message)|\bnot (?:from )?(?:you|cloudnest)\b|\bwasn't (?:you|cloudnest|real)|hameconnage"
    r"|\bfau(?:x|sse)\b|\barnaque|gefalscht|betrug|\bestafa|\bfals[oa]\b|fraudulent|frauduleu",
)


def account_compromise(text: str) -> bool:
    return (
        _COMPROMISE_WORDS(text)
        or (_SKIPPED_CHECKS(text) and _TAKEOVER_TARGET(text))
        or (_CREDENTIALS_GIVEN(text) and _LURE(text))
    )
