"""The service as the customer sees it: outages, data loss, suspension."""

from tickets.guards.matching import HYPOTHETICAL, matcher

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
outage = matcher(
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
    r"\b(?:(?:das ganze|unser ganzes|das gesamte|unser gesamtes) (?:team|unternehmen|buro)|(?:die ganze|"
    r"unsere ganze|die gesamte) firma|alle (?:mitarbeiter|nutzer|benutzer|kollegen)\w*)\b<s40>\b(?:(?:kann|"
    r"konnen|kommt|kommen)\b<s20>\bnichts?\b|nicht (?:mehr )?(?:anmelden|einloggen|arbeiten|zugreifen|rein)|"
    r"blockiert|steht still)",
    r"\b(?:funktioniert|geht|ladt|lauft)\b<s40>\bfur niemand",
    r"\b(?:zeituberschreitung|timeout)\w*\b<s60>\b(?:alle|jede|immer|uberall|standig)|\b(?:alle|"
    r"jede)\w*\b<s60>\b(?:zeituberschreitung|timeout)",
    r"\bkein(?:e|er)? (?:\w+ )?(?:mitarbeiter|nutzer|benutzer|kollege)\w* (?:kann|konnen)\b"
    r"|\b(?:komplett|vollig|total) blockiert|\b(?:konnen|kann) (?:\w+ )?nicht (?:mehr )?arbeiten"
    r"|\bnichts (?:ladt|lasst sich offnen) mehr|\b\d+ (?:nutzer|mitarbeiter|personen|kollegen)\b<s20>"
    r"\b(?:blockiert|stehen)",
    # es
    r"\bcaida\b|\bcaido\b|\bse cayo\b|\bno funciona para nadie|\bno carga para nadie",
    r"\bnadie\b<s40>\bpuede\b<s20>\b(?:entrar|acceder|iniciar|trabajar|conectar|usar)",
    r"\b(?:todo el equipo|toda la empresa|toda la organizacion|todos (?:los|nuestros) (?:usuarios|empleados|"
    r"companeros))\b<s40>\bno (?:puede|pueden|podemos|funciona|carga|accede|entra|consigue)",
    r"\btiempo de espera agotado\b<s40>\b(?:todo|todas|todos|siempre)|\b(?:todo|todas|"
    r"todos)\b<s40>\btiempo de espera agotado",
    r"\binterrupcion del servicio|\bfuera de servicio|\bservicio no disponible|\binaccesible",
    r"\bning(?:un|uno|una) (?:de (?:nuestros|los) )?(?:\w+ )?(?:usuarios?|empleados?|companeros?)\b<s20>"
    r"\bpuede|\bno podemos trabajar|\b(?:completamente|totalmente) bloqueados|\bnada carga\b"
    r"|\b\d+ (?:usuarios|personas|empleados)\b<s20>\b(?:bloqueados|parados|sin poder)",
    # fr
    r"\bpanne\b|\bhors service|\bindisponib|\bpersonne ne peut|\bpersonne n'arrive",
    r"\b(?:toute l'equipe|toute l'entreprise|toute la societe|tous (?:nos|les) (?:utilisateurs|"
    r"collaborateurs|employes|salaries))\b<s40>\bne (?:peu|peut|peuvent|pouvons|parvien|arriv)",
    r"\bdelai d'attente (?:depasse|expire)\b<s40>\b(?:partout|toutes|tous|toujours)|\b(?:toutes|tous)\b<s40>"
    r"\bdelai d'attente (?:depasse|expire)",
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
        *HYPOTHETICAL,
    ),
)

data_loss = matcher(
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
    r"l[oa]s |nuestr[oa]s |mis )+(?:datos|tareas|proyectos|archivos|documentos|comentarios|tableros)",
    r"\bperdida de datos|\brestaur\w*\b<s40>\b(?:copia de seguridad|respaldo|backup)",
    # fr
    r"\b(?:donnees|taches|projets|fichiers|documents|commentaires|tableaux|tout|contenu|pieces jointes|"
    r"dossiers|cartes|historique)\b<s30>\b(?:perdu|supprime|disparu|efface|vide|corrompu)",
    r"\bperte de donnees|\b(?:disparu|supprime|efface|perdu)\w*\s+(?:\w+\s+){0,2}(?:donnees|taches|projets|"
    r"fichiers)",
    r"\b(?:restaurer|recuperer)\b<s40>\b(?:sauvegarde|backup)",
    unless=(
        *HYPOTHETICAL,
        r"\bnothing (?:is |was |got |has been )?lost|\bnichts (?:ist )?verloren|\bnada (?:se )?perdi"
        r"|\brien (?:n'est |n'a ete )?perdu",
        # a part of the screen going missing is a bug, not lost data
        r"\b(?:button|toolbar|icon|menu|bar|tab|option|setting|field|column|sidebar|widget|panel|link|page|"
        r"description|header|logo|image|preview)s?\s+(?:is|are|was|were|has|have|seems?|went|just)?\s*"
        r"(?:\w+\s+)?(?:missing|gone|disappeared|empty|vanished)",
        # an erasure request asks for deletion; it does not report a loss
        r"(?:^|(?<=[.!?]))[^.!?\n]{0,300}\b(?:gdpr|dsgvo|rgpd|erasure|right to be forgotten|personal data)\b"
        r"[^.!?\n]{0,300}",
        r"\bconfirm\w*\b<s40>\b(?:gone|deleted|erased)",
        # asking how to undo one's own deletion is a how-to, not a loss report
        r"\b(?:can|could|how) (?:do |can )?(?:i|we)\b (?:\w+ )?(?:recover|restore|undo|undelete|get back|"
        r"retrieve|get (?:it|them|this|that) back)\b[^.!?\n]{0,200}\?",
        # one's own deletion of the last few days is in the Trash for 30 days: a self-serve
        # restore, so not the rubric's "data loss with no self-serve restore" (and not high)
        r"\b(?:i|we)\s+(?:\w+\s+)?deleted\b[^.!?\n]{0,80}\b(?:today|yesterday|this morning|this afternoon|"
        r"last night|earlier|an hour ago|(?:a few|\d+|two|three) (?:minutes|hours|days) ago|last week)\b",
        r"\b(?:ich|wir)\s+(?:habe|haben)\b[^.!?\n]{0,60}\b(?:heute|gestern|vorhin|eben|letzte woche)\b"
        r"[^.!?\n]{0,60}\bgeloscht",
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
suspension = matcher(
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
    rf"acceso|compte|espace|everything|alles|todo|tout)\b<s30>\b{_LOCKED}",
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
        *HYPOTHETICAL,
        r"\b(?:too many|several|multiple|failed|wrong|incorrect)\s+(?:\w+\s+)?(?:attempts|tries|logins?|"
        r"passwords?|versuche\w*|intentos|tentatives)",
        r"\bread[- ]only (?:access|role|member|user|guest|permission|link|view|share)",
        r"\b(?:compart\w*|partag\w*|teil\w*|shar\w*)\b<s40>\b(?:read[- ]only|(?:modo (?:de )?)?(?:solo )?"
        r"lectura|lecture seule|schreibgeschutzt)",
        r"\b(?:acceso|permisos?|rol|usuario|invitado)s? (?:de |en )?(?:solo )?lectura"
        r"|\b(?:acces|droits?|role|utilisateur|invite)s? (?:en )?lecture seule",
    ),
)
