"""What the customer thinks of the product: feature requests and complaints."""

from tickets.guards.matching import matcher

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
feature_request = matcher(
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
    # A release date ("when is the new dashboard coming out?") is a roadmap question: a person answers it.
    r"\bwhen (?:is|are|will|does|do|can we expect)\b<s80>\b(?:coming out|come out|comes out|be released|"
    r"released|launch(?:ed|ing)?|ship(?:ped|ping)?|roll(?:ed|ing)? out|go(?:es|ing)? live)\b",
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
    r"\bwann (?:erscheint|erscheinen|startet|starten)\b<s40>\bneu|\bwann (?:kommt|kommen|wird|werden)\b<s40>"
    r"\bneu\w*\b<s40>(?:raus|heraus|veroffentlicht|ausgerollt|freigeschaltet|verfugbar)",
    r"\bwann (?:unterstutzt|unterstutzen|bekommt|bekommen|integriert|integrieren|bietet|bieten) "
    r"(?:ihr|sie|cloudnest)|\bplant ihr|\bplanen sie|" + _OBJECT + r"\w*<s40>\bgeplant\b",
    # es
    r"\bsolicitud de (?:funcion|funcionalidad|caracteristica|mejora)|\bsugerencia\b",
    r"\bseria (?:genial|estupendo|util|bueno|ideal|fantastico|increible|buenisimo|perfecto|de gran ayuda|"
    r"muy util|interesante) (?:que|si|poder|tener|contar)",
    r"\b(?:podrian|podrias|pueden|puedes|podeis|por favor|porfa)\s+<w2>(?:anadir|agregar|incluir|"
    r"implementar|integrar|incorporar|soportar|ofrecer|habilitar|anadan|agreguen|incluyan|implementen|"
    r"integren)\b<s50>" + _OBJECT,
    r"\bojala (?:tuvieran|hubiera|pudieran|tengan|agreguen)|\bme encantaria (?:que|poder|ver)|\bhoja de ruta",
    r"\bcuando (?:van a|vais a|tendran|tendreis|planean|piensan)\b<s30>(?:soportar|anadir|agregar|integrar|"
    r"incluir|ofrecer|permitir|tener|sacar|lanzar)",
    r"\bcuando (?:sale|saldra|salen|saldran|lanzan|lanzaran|lanzais|publican|publicaran)\b<s40>\bnuev",
    r"\btienen (?:previsto|planeado|pensado)|\besta (?:previsto|planeado)|\bplanean\b",
    # fr
    r"\bquand (?:sortira|sortiront|sort|sortent|sera lance|sera deploye)\b<s40>\bnouv",
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

negative_feedback = matcher(
    # en
    r"\bdisappoint(?:ed|ing|ment)|\bterrible|\bhorrible|\bawful|\bworst\b(?![- ]case)|\bunacceptable",
    r"\bfrustrat(?:ed|ing|ion)|\bdissatisfied|\bfed up|\bridiculous|\bappalling|\bpathetic|\bdisgrace",
    r"\b(?:very|extremely|really|so|deeply|quite|incredibly) (?:unhappy|dissatisfied|annoyed|upset|angry|"
    r"disappointed)|\bshameful|\bfurious|\boutraged|\blivid\b|\bnot (?:happy|satisfied)\b|\bunhappy\b",
    r"\bconsidering (?:leaving|switching|moving|cancell?ing|alternatives|other)",
    r"\b(?:switch|switching|move|moving) to (?:a )?(?:competitor|asana|trello|monday|jira|clickup|notion|"
    r"another (?:tool|provider|vendor))",
    r"\b(?:cancel|cancell?ing|leave|leaving)\b<s40>\bbecause\b(?! of (?:the |our |a |some )?(?:budget|cost|"
    r"funding|restructur|reorg|hiring freeze|downsiz|merger|season|project end))",
    r"\bpoor (?:service|support|quality|experience)",
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
