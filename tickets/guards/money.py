"""Money and the law: legal threats, chargebacks, charges taken wrongly, refunds."""

from tickets.guards.matching import HYPOTHETICAL, matcher

# --- money and the law --------------------------------------------------------------------------

legal_threat = matcher(
    # en
    r"\b(?:lawyers?|attorneys?|lawsuits?|litigation|solicitors?)\b",
    r"\blegal (?:action|steps|proceedings|claim)|\bcease and desist|\bdemand letter",
    r"\bsu(?:e|ing)\s+(?:you|cloudnest|your|the company|them|for)\b",
    r"\b(?:will|going to|gonna|shall|'ll|would|threaten to)\s+sue\b|\bsued\b",
    r"\b(?:in|to|into|before|at)\s+court\b|\bcourt\s+(?:case|order|action|claim|filing|proceedings)",
    r"\bsmall[- ]claims|\btribunal|\bombudsman|\bregulator complaint|\b(?:complain\w*|report\w*|escalat\w*|"
    r"going)\b<s30>\bregulators?\b",
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

chargeback = matcher(
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

money_taken_wrongly = matcher(
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
    unless=HYPOTHETICAL,
)

_NO_MONEY_END = (
    r"(?=\s*(?:[.!;?\n]|$|[,-]+\s*<s16>\b(?:just|only|nur|solo|solamente|juste|"
    r"seulement|simplement)\b<s12>\b(?:curious|asking|a question|checking|wondering|to know|to understand|"
    r"wissen|frage|fragen|saber|pregunt|savoir|question|demande)))"
)

money_movement = matcher(
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
        # The policy's name is not a request ("what is your refund policy?"); a request beside it
        # still fires on its own words ("... so please refund us").
        r"\brefund (?:policy|policies|rules|terms)\b|\b(?:ruck)?erstattungs(?:richtlinie|regel|bedingung)\w*",
        r"\bpoliticas? de (?:reembolsos?|devolucion(?:es)?)|\bpolitique de remboursement",
        # "Not asking for a refund, just want to know": the customer says no money is to move. Only
        # when the clause ends there or goes on to "just asking": "not a refund of the whole year,
        # just the extra seat" still asks for money.
        r"\bnot (?:asking|requesting|looking|after|wanting|here) (?:for )?(?:a |any )?refund"
        + _NO_MONEY_END,
        r"\b(?:ich|wir) (?:mochte|mochten|will|wollen|brauche|brauchen) keine (?:ruck)?erstattung"
        + _NO_MONEY_END,
        r"\bno (?:pido|pedimos|quiero|queremos|busco|buscamos|solicito) (?:un |ningun )?reembolso"
        + _NO_MONEY_END,
        r"\bne (?:demande|demandons|veux|voulons|cherche|cherchons) pas (?:de |d'|un )?rembours\w*"
        + _NO_MONEY_END,
    ),
)
