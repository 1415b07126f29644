"""The starter policy set for the demo company, Cloudnest (a project-management SaaS).

Loaded by a data migration and by `python manage.py load_policies`; edit them in admin.
Each policy has an English title and text, plus a German, Spanish and French translation
under "translations" (keyed by language code). The app UI is English, so menu paths such as
Settings > Billing > Invoices stay in English in every language.

Every text is 3 to 6 short sentences, each ending with ". " (the last with "."), and each
sentence stands alone: a reply may quote only the one to three sentences that answer the
customer. All language versions of a policy state the same facts in the same number of
sentences. Policies state facts and self-service steps; where a person has to act, the text
says who reviews the request and never promises the outcome.
"""

STARTER_POLICIES = [
    {
        "key": "billing-refunds",
        "title": "Refunds",
        "intents": ["billing"],
        "text": "Annual plans can be refunded within 14 days of purchase or renewal. Monthly plans are not "
        "refunded. A monthly plan can be cancelled at any time, and the workspace keeps access until the "
        "end of the paid month. Refund requests are reviewed by the billing team.",
        "translations": {
            "de": {
                "title": "Rückerstattungen",
                "text": "Jahresabonnements können innerhalb von 14 Tagen nach Kauf oder Verlängerung "
                "erstattet werden. Monatsabonnements werden nicht erstattet. Ein Monatsabonnement können "
                "Sie jederzeit kündigen, und der Workspace behält den Zugang bis zum Ende des bezahlten "
                "Monats. Anträge auf Rückerstattung werden vom Abrechnungsteam geprüft.",
            },
            "es": {
                "title": "Reembolsos",
                "text": "Los planes anuales se pueden reembolsar dentro de los 14 días posteriores a la "
                "compra o la renovación. Los planes mensuales no se reembolsan. Un plan mensual se puede "
                "cancelar en cualquier momento, y el espacio de trabajo conserva el acceso hasta el final "
                "del mes pagado. El equipo de facturación revisa las solicitudes de reembolso.",
            },
            "fr": {
                "title": "Remboursements",
                "text": "Les abonnements annuels sont remboursables dans les 14 jours suivant l'achat ou le "
                "renouvellement. Les abonnements mensuels ne sont pas remboursés. Un abonnement mensuel "
                "peut être résilié à tout moment, et l'espace de travail conserve l'accès jusqu'à la fin du "
                "mois payé. Les demandes de remboursement sont examinées par l'équipe de facturation.",
            },
        },
    },
    {
        "key": "billing-incorrect-charges",
        "title": "Duplicate or incorrect charges",
        "intents": ["billing"],
        "text": "Duplicate or incorrect charges are reviewed by the billing team. Every Cloudnest invoice "
        "and receipt is in Settings > Billing > Invoices, so each charge on a bank or card statement can be "
        "compared with its invoice. The invoice number or the charge date helps the billing team find a "
        "charge quickly.",
        "translations": {
            "de": {
                "title": "Doppelte oder fehlerhafte Abbuchungen",
                "text": "Doppelte oder fehlerhafte Abbuchungen werden vom Abrechnungsteam geprüft. Alle "
                "Rechnungen und Belege von Cloudnest finden Sie unter Settings > Billing > Invoices, sodass "
                "Sie jede Abbuchung auf Ihrem Konto- oder Kartenauszug mit der passenden Rechnung "
                "abgleichen können. Mit der Rechnungsnummer oder dem Datum der Abbuchung findet das "
                "Abrechnungsteam eine Abbuchung schneller.",
            },
            "es": {
                "title": "Cargos duplicados o incorrectos",
                "text": "El equipo de facturación revisa los cargos duplicados o incorrectos. Todas las "
                "facturas y recibos de Cloudnest están en Settings > Billing > Invoices, para comparar cada "
                "cargo del extracto bancario o de la tarjeta con su factura. El número de factura o la "
                "fecha del cargo ayuda al equipo de facturación a localizar un cargo con rapidez.",
            },
            "fr": {
                "title": "Débits en double ou incorrects",
                "text": "Les débits en double ou incorrects sont examinés par l'équipe de facturation. "
                "Toutes les factures et tous les reçus Cloudnest se trouvent dans Settings > Billing > "
                "Invoices, pour comparer chaque débit de votre relevé bancaire ou de carte avec sa facture. "
                "Le numéro de facture ou la date du débit permet à l'équipe de facturation de retrouver un "
                "débit plus rapidement.",
            },
        },
    },
    {
        "key": "billing-invoices",
        "title": "Invoices and receipts",
        "intents": ["billing"],
        "text": "All invoices and receipts are available as PDF files in Settings > Billing > Invoices. A "
        "VAT ID, a purchase order number and the billing address can be added in Settings > Billing > "
        "Invoices. A VAT ID, purchase order number or billing address added in Settings > Billing > "
        "Invoices appears on future invoices, not on invoices already issued. Correcting or reissuing an "
        "invoice that has already been issued is handled by the billing team.",
        "translations": {
            "de": {
                "title": "Rechnungen und Belege",
                "text": "Alle Rechnungen und Belege stehen als PDF-Dateien unter Settings > Billing > "
                "Invoices bereit. Eine USt-ID, eine Bestellnummer (PO) und die Rechnungsadresse können Sie "
                "unter Settings > Billing > Invoices hinterlegen. Eine unter Settings > Billing > Invoices "
                "hinterlegte USt-ID, Bestellnummer oder Rechnungsadresse erscheint auf künftigen "
                "Rechnungen, nicht auf bereits ausgestellten Rechnungen. Die Korrektur oder Neuausstellung "
                "einer bereits ausgestellten Rechnung übernimmt das Abrechnungsteam.",
            },
            "es": {
                "title": "Facturas y recibos",
                "text": "Todas las facturas y recibos están disponibles en PDF en Settings > Billing > "
                "Invoices. En Settings > Billing > Invoices se pueden añadir un número de IVA, un número de "
                "orden de compra y la dirección de facturación. Un número de IVA, un número de orden de "
                "compra o una dirección de facturación añadidos en Settings > Billing > Invoices aparecen "
                "en las facturas futuras, no en las facturas ya emitidas. El equipo de facturación se "
                "encarga de corregir o volver a emitir una factura ya emitida.",
            },
            "fr": {
                "title": "Factures et reçus",
                "text": "Toutes les factures et tous les reçus sont disponibles au format PDF dans Settings "
                "> Billing > Invoices. Un numéro de TVA, un numéro de bon de commande et l'adresse de "
                "facturation peuvent être ajoutés dans Settings > Billing > Invoices. Un numéro de TVA, un "
                "numéro de bon de commande ou une adresse de facturation ajoutés dans Settings > Billing > "
                "Invoices apparaissent sur les factures futures, et non sur les factures déjà émises. La "
                "correction ou la réémission d'une facture déjà émise est prise en charge par l'équipe de "
                "facturation.",
            },
        },
    },
    {
        "key": "billing-pricing",
        "title": "Plan prices and annual billing",
        "intents": ["billing"],
        "text": "The Free plan costs nothing for up to 10 users. The Pro plan costs $10 per user per month, "
        "or $96 per user per year with annual billing. The Business plan costs $20 per user per month, or "
        "$192 per user per year with annual billing. Annual billing saves 20% compared with monthly "
        "billing. You can switch from monthly to annual billing yourself in Settings > Billing > Plan. "
        "Enterprise pricing is a custom quote prepared by the sales team.",
        "translations": {
            "de": {
                "title": "Preise der Tarife und jährliche Abrechnung",
                "text": "Der Free-Tarif ist für bis zu 10 Nutzer kostenlos. Der Pro-Tarif kostet 10 USD pro "
                "Nutzer und Monat oder, bei jährlicher Abrechnung, 96 USD pro Nutzer und Jahr. Der "
                "Business-Tarif kostet 20 USD pro Nutzer und Monat oder, bei jährlicher Abrechnung, 192 USD "
                "pro Nutzer und Jahr. Mit jährlicher Abrechnung sparen Sie 20 % gegenüber der monatlichen "
                "Abrechnung. Von monatlicher auf jährliche Abrechnung wechseln Sie selbst unter Settings > "
                "Billing > Plan. Für den Enterprise-Tarif erstellt das Vertriebsteam ein individuelles "
                "Angebot.",
            },
            "es": {
                "title": "Precios de los planes y facturación anual",
                "text": "El plan Free es gratuito para hasta 10 usuarios. El plan Pro cuesta 10 USD por "
                "usuario al mes, o 96 USD por usuario al año con facturación anual. El plan Business cuesta "
                "20 USD por usuario al mes, o 192 USD por usuario al año con facturación anual. La "
                "facturación anual ahorra un 20 % frente a la facturación mensual. Puede cambiar usted "
                "mismo de facturación mensual a anual en Settings > Billing > Plan. El precio del plan "
                "Enterprise es un presupuesto personalizado que prepara el equipo de ventas.",
            },
            "fr": {
                "title": "Prix des formules et facturation annuelle",
                "text": "La formule Free est gratuite jusqu'à 10 utilisateurs. La formule Pro coûte 10 USD "
                "par utilisateur et par mois, ou 96 USD par utilisateur et par an en facturation annuelle. "
                "La formule Business coûte 20 USD par utilisateur et par mois, ou 192 USD par utilisateur "
                "et par an en facturation annuelle. La facturation annuelle permet d'économiser 20 % par "
                "rapport à la facturation mensuelle. Vous pouvez passer vous-même de la facturation "
                "mensuelle à la facturation annuelle dans Settings > Billing > Plan. Le prix de la formule "
                "Enterprise fait l'objet d'un devis personnalisé établi par l'équipe commerciale.",
            },
        },
    },
    {
        "key": "billing-plan-changes",
        "title": "Plan changes and seats",
        "intents": ["billing", "account"],
        "text": "Upgrades and added seats take effect immediately and are charged pro rata for the rest of "
        "the billing period. Downgrades and seat reductions take effect at the next renewal, and unused "
        "time is credited to the account. Guests are free and never count as paid seats. Plans and seats "
        "are changed in Settings > Billing > Plan.",
        "translations": {
            "de": {
                "title": "Tarifwechsel und Nutzerplätze",
                "text": "Upgrades und zusätzliche Nutzerplätze gelten sofort und werden anteilig für den "
                "Rest des Abrechnungszeitraums berechnet. Downgrades und die Reduzierung von Nutzerplätzen "
                "gelten ab der nächsten Verlängerung, und nicht genutzte Zeit wird Ihrem Konto "
                "gutgeschrieben. Gäste sind kostenlos und zählen nie als bezahlte Nutzerplätze. Tarif und "
                "Nutzerplätze ändern Sie unter Settings > Billing > Plan.",
            },
            "es": {
                "title": "Cambios de plan y licencias",
                "text": "Las mejoras de plan y las licencias añadidas se aplican de inmediato y se cobran "
                "de forma prorrateada por el resto del período de facturación. Los cambios a un plan "
                "inferior y las reducciones de licencias se aplican en la próxima renovación, y el tiempo "
                "no utilizado se abona en su cuenta. Los invitados son gratuitos y nunca cuentan como "
                "licencias de pago. El plan y las licencias se cambian en Settings > Billing > Plan.",
            },
            "fr": {
                "title": "Changements de formule et licences",
                "text": "Les passages à une formule supérieure et les licences ajoutées prennent effet "
                "immédiatement et sont facturés au prorata pour le reste de la période de facturation. Les "
                "passages à une formule inférieure et les réductions de licences prennent effet au prochain "
                "renouvellement, et le temps non utilisé est crédité sur votre compte. Les invités sont "
                "gratuits et ne comptent jamais comme des licences payantes. La formule et les licences se "
                "modifient dans Settings > Billing > Plan.",
            },
        },
    },
    {
        "key": "billing-payment-methods",
        "title": "Payment methods and failed payments",
        "intents": ["billing"],
        "text": "Cloudnest accepts Visa, Mastercard, American Express and PayPal. SEPA direct debit and "
        "bank transfer are available on annual Business and Enterprise plans. The card on file is updated "
        "in Settings > Billing > Payment method. A failed payment is retried 3 times over 7 days. A "
        "workspace that stays unpaid for 14 days becomes read-only.",
        "translations": {
            "de": {
                "title": "Zahlungsmethoden und fehlgeschlagene Zahlungen",
                "text": "Cloudnest akzeptiert Visa, Mastercard, American Express und PayPal. "
                "SEPA-Lastschrift und Banküberweisung sind bei jährlich abgerechneten Business- und "
                "Enterprise-Tarifen möglich. Die hinterlegte Karte ändern Sie unter Settings > Billing > "
                "Payment method. Eine fehlgeschlagene Zahlung wird innerhalb von 7 Tagen dreimal erneut "
                "versucht. Ein Workspace, der 14 Tage lang unbezahlt bleibt, wird schreibgeschützt.",
            },
            "es": {
                "title": "Métodos de pago y pagos fallidos",
                "text": "Cloudnest acepta Visa, Mastercard, American Express y PayPal. La domiciliación "
                "SEPA y la transferencia bancaria están disponibles en los planes Business y Enterprise con "
                "facturación anual. La tarjeta registrada se actualiza en Settings > Billing > Payment "
                "method. Un pago fallido se reintenta 3 veces a lo largo de 7 días. Un espacio de trabajo "
                "que sigue sin pagar durante 14 días pasa a modo de solo lectura.",
            },
            "fr": {
                "title": "Moyens de paiement et paiements échoués",
                "text": "Cloudnest accepte Visa, Mastercard, American Express et PayPal. Le prélèvement "
                "SEPA et le virement bancaire sont disponibles pour les formules Business et Enterprise en "
                "facturation annuelle. La carte enregistrée se met à jour dans Settings > Billing > Payment "
                "method. Un paiement échoué fait l'objet de 3 nouvelles tentatives sur 7 jours. Un espace "
                "de travail qui reste impayé pendant 14 jours passe en lecture seule.",
            },
        },
    },
    {
        "key": "billing-cancellation",
        "title": "Cancelling a subscription",
        "intents": ["billing", "account"],
        "text": "The workspace owner cancels the subscription in Settings > Billing > Cancel plan. A "
        "cancelled workspace stays on the paid plan until the end of the period already paid. At the end of "
        "the paid period, a cancelled workspace moves to the Free plan. Cancelling deletes nothing, and all "
        "workspace data stays available.",
        "translations": {
            "de": {
                "title": "Abonnement kündigen",
                "text": "Der Workspace-Inhaber kündigt das Abonnement unter Settings > Billing > Cancel "
                "plan. Ein gekündigter Workspace bleibt bis zum Ende des bereits bezahlten Zeitraums im "
                "bezahlten Tarif. Nach Ablauf des bezahlten Zeitraums wechselt ein gekündigter Workspace in "
                "den Free-Tarif. Bei einer Kündigung wird nichts gelöscht, und alle Daten des Workspace "
                "bleiben verfügbar.",
            },
            "es": {
                "title": "Cancelar una suscripción",
                "text": "El propietario del espacio de trabajo cancela la suscripción en Settings > Billing "
                "> Cancel plan. Un espacio de trabajo cancelado sigue en el plan de pago hasta el final del "
                "período ya pagado. Al terminar el período pagado, un espacio de trabajo cancelado pasa al "
                "plan Free. La cancelación no elimina nada, y todos los datos del espacio de trabajo siguen "
                "disponibles.",
            },
            "fr": {
                "title": "Résilier un abonnement",
                "text": "Le propriétaire de l'espace de travail résilie l'abonnement dans Settings > "
                "Billing > Cancel plan. Un espace de travail résilié reste sur la formule payante jusqu'à "
                "la fin de la période déjà payée. À la fin de la période payée, un espace de travail "
                "résilié passe à la formule Free. La résiliation ne supprime rien, et toutes les données de "
                "l'espace de travail restent disponibles.",
            },
        },
    },
    {
        "key": "account-password-reset",
        "title": "Password resets",
        "intents": ["account", "technical_issue"],
        "text": "A password is reset with the Forgot password link on the login page. A password reset link "
        "is valid for 60 minutes, and only the newest reset link works. If the reset email does not arrive, "
        "check the spam folder and make sure to use the email address the account was created with. In "
        "workspaces with single sign-on, passwords are reset with the company's identity provider, not in "
        "Cloudnest.",
        "translations": {
            "de": {
                "title": "Passwort zurücksetzen",
                "text": "Ihr Passwort setzen Sie über den Link Forgot password auf der Anmeldeseite zurück. "
                "Ein Link zum Zurücksetzen des Passworts ist 60 Minuten gültig, und nur der neueste Link "
                "funktioniert. Wenn die E-Mail zum Zurücksetzen nicht ankommt, prüfen Sie Ihren Spam-Ordner "
                "und verwenden Sie die E-Mail-Adresse, mit der Ihr Konto erstellt wurde. In Workspaces mit "
                "Single Sign-on wird das Passwort beim Identitätsanbieter Ihres Unternehmens zurückgesetzt, "
                "nicht in Cloudnest.",
            },
            "es": {
                "title": "Restablecer la contraseña",
                "text": "La contraseña se restablece con el enlace Forgot password de la página de inicio "
                "de sesión. Un enlace para restablecer la contraseña es válido durante 60 minutos, y solo "
                "funciona el enlace más reciente. Si el correo para restablecer la contraseña no llega, "
                "revise la carpeta de spam y use la dirección de correo con la que se creó la cuenta. En "
                "los espacios de trabajo con inicio de sesión único (SSO), la contraseña se restablece en "
                "el proveedor de identidad de su empresa, no en Cloudnest.",
            },
            "fr": {
                "title": "Réinitialiser le mot de passe",
                "text": "Le mot de passe se réinitialise avec le lien Forgot password de la page de "
                "connexion. Un lien de réinitialisation du mot de passe est valable 60 minutes, et seul le "
                "lien le plus récent fonctionne. Si l'e-mail de réinitialisation n'arrive pas, vérifiez "
                "votre dossier de spam et utilisez l'adresse e-mail avec laquelle le compte a été créé. "
                "Dans les espaces de travail avec authentification unique (SSO), le mot de passe se "
                "réinitialise auprès du fournisseur d'identité de votre entreprise, et non dans Cloudnest.",
            },
        },
    },
    {
        "key": "account-lockout",
        "title": "Account lockout after failed sign-ins",
        "intents": ["account"],
        "text": "After 5 failed sign-in attempts, a Cloudnest account is locked for 15 minutes. A locked "
        "Cloudnest account unlocks by itself after 15 minutes, and no action is needed. A forgotten "
        "password can be reset with the Forgot password link on the login page once the 15-minute lockout "
        "has ended.",
        "translations": {
            "de": {
                "title": "Kontosperre nach fehlgeschlagenen Anmeldungen",
                "text": "Nach 5 fehlgeschlagenen Anmeldeversuchen wird ein Cloudnest-Konto für 15 Minuten "
                "gesperrt. Ein gesperrtes Cloudnest-Konto wird nach 15 Minuten automatisch wieder "
                "entsperrt, ohne dass Sie etwas tun müssen. Nach Ablauf der 15-minütigen Sperre können Sie "
                "ein vergessenes Passwort über den Link Forgot password auf der Anmeldeseite zurücksetzen.",
            },
            "es": {
                "title": "Bloqueo de la cuenta tras intentos fallidos",
                "text": "Tras 5 intentos fallidos de inicio de sesión, una cuenta de Cloudnest se bloquea "
                "durante 15 minutos. Una cuenta de Cloudnest bloqueada se desbloquea sola al cabo de 15 "
                "minutos, sin que usted tenga que hacer nada. Una vez terminado el bloqueo de 15 minutos, "
                "puede restablecer una contraseña olvidada con el enlace Forgot password de la página de "
                "inicio de sesión.",
            },
            "fr": {
                "title": "Verrouillage du compte après des échecs de connexion",
                "text": "Après 5 tentatives de connexion échouées, un compte Cloudnest est verrouillé "
                "pendant 15 minutes. Un compte Cloudnest verrouillé se déverrouille automatiquement au bout "
                "de 15 minutes, sans aucune action de votre part. Une fois le verrouillage de 15 minutes "
                "terminé, vous pouvez réinitialiser un mot de passe oublié avec le lien Forgot password de "
                "la page de connexion.",
            },
        },
    },
    {
        "key": "account-2fa-recovery",
        "title": "Two-factor authentication recovery",
        "intents": ["account"],
        "text": "If you lose your authenticator device, sign in with one of the backup codes you saved when "
        "you turned on two-factor authentication. A workspace admin can reset two-factor authentication for "
        "a member in Settings > Members. Resetting two-factor authentication for an owner without backup "
        "codes requires an identity check by the support team.",
        "translations": {
            "de": {
                "title": "Wiederherstellung der Zwei-Faktor-Authentifizierung",
                "text": "Wenn Sie Ihr Authentifizierungsgerät verloren haben, melden Sie sich mit einem der "
                "Backup-Codes an, die Sie beim Aktivieren der Zwei-Faktor-Authentifizierung gespeichert "
                "haben. Ein Workspace-Admin kann die Zwei-Faktor-Authentifizierung eines Mitglieds unter "
                "Settings > Members zurücksetzen. Das Zurücksetzen der Zwei-Faktor-Authentifizierung für "
                "einen Inhaber ohne Backup-Codes erfordert eine Identitätsprüfung durch das Support-Team.",
            },
            "es": {
                "title": "Recuperar la autenticación en dos pasos",
                "text": "Si perdió su dispositivo de autenticación, inicie sesión con uno de los códigos de "
                "respaldo que guardó al activar la autenticación en dos pasos. Un administrador del espacio "
                "de trabajo puede restablecer la autenticación en dos pasos de un miembro en Settings > "
                "Members. Restablecer la autenticación en dos pasos de un propietario sin códigos de "
                "respaldo requiere una verificación de identidad por parte del equipo de soporte.",
            },
            "fr": {
                "title": "Récupération de l'authentification à deux facteurs",
                "text": "Si vous avez perdu votre appareil d'authentification, connectez-vous avec l'un des "
                "codes de secours enregistrés lors de l'activation de l'authentification à deux facteurs. "
                "Un administrateur de l'espace de travail peut réinitialiser l'authentification à deux "
                "facteurs d'un membre dans Settings > Members. La réinitialisation de l'authentification à "
                "deux facteurs d'un propriétaire sans codes de secours nécessite une vérification "
                "d'identité par l'équipe d'assistance.",
            },
        },
    },
    {
        "key": "account-sso",
        "title": "Single sign-on (SAML)",
        "intents": ["account", "technical_issue", "general_question"],
        "text": "SAML single sign-on and SCIM user provisioning are included in the Business and Enterprise "
        "plans. Single sign-on works with Okta, Microsoft Entra ID (Azure AD), Google Workspace and other "
        "SAML identity providers. Single sign-on is set up in Settings > Security > SSO. Setting up single "
        "sign-on means verifying the domain with a DNS TXT record, uploading the identity provider's "
        "metadata, testing with one user and then enforcing single sign-on. In workspaces with single "
        "sign-on, passwords are reset with the company's identity provider.",
        "translations": {
            "de": {
                "title": "Single Sign-on (SAML)",
                "text": "SAML-Single-Sign-on und SCIM-Benutzerbereitstellung sind in den Tarifen Business "
                "und Enterprise enthalten. Single Sign-on funktioniert mit Okta, Microsoft Entra ID (Azure "
                "AD), Google Workspace und anderen SAML-Identitätsanbietern. Single Sign-on richten Sie "
                "unter Settings > Security > SSO ein. Zur Einrichtung von Single Sign-on verifizieren Sie "
                "Ihre Domain mit einem DNS-TXT-Eintrag, laden die Metadaten Ihres Identitätsanbieters hoch, "
                "testen mit einem Benutzer und erzwingen Single Sign-on anschließend. In Workspaces mit "
                "Single Sign-on werden Passwörter beim Identitätsanbieter Ihres Unternehmens zurückgesetzt.",
            },
            "es": {
                "title": "Inicio de sesión único (SAML)",
                "text": "El inicio de sesión único (SSO) con SAML y el aprovisionamiento de usuarios con "
                "SCIM están incluidos en los planes Business y Enterprise. El inicio de sesión único "
                "funciona con Okta, Microsoft Entra ID (Azure AD), Google Workspace y otros proveedores de "
                "identidad SAML. El inicio de sesión único se configura en Settings > Security > SSO. Para "
                "configurar el inicio de sesión único, verifique su dominio con un registro DNS TXT, suba "
                "los metadatos de su proveedor de identidad, pruebe con un usuario y después haga "
                "obligatorio el inicio de sesión único. En los espacios de trabajo con inicio de sesión "
                "único, las contraseñas se restablecen en el proveedor de identidad de su empresa.",
            },
            "fr": {
                "title": "Authentification unique (SAML)",
                "text": "L'authentification unique (SSO) SAML et le provisionnement des utilisateurs SCIM "
                "sont inclus dans les formules Business et Enterprise. L'authentification unique fonctionne "
                "avec Okta, Microsoft Entra ID (Azure AD), Google Workspace et les autres fournisseurs "
                "d'identité SAML. L'authentification unique se configure dans Settings > Security > SSO. "
                "Pour configurer l'authentification unique, vérifiez votre domaine avec un enregistrement "
                "DNS TXT, importez les métadonnées de votre fournisseur d'identité, testez avec un "
                "utilisateur, puis rendez l'authentification unique obligatoire. Dans les espaces de "
                "travail avec authentification unique, les mots de passe se réinitialisent auprès du "
                "fournisseur d'identité de votre entreprise.",
            },
        },
    },
    {
        "key": "account-deletion",
        "title": "Deleting an account and personal data",
        "intents": ["account"],
        "text": "You can delete your own user account in Profile > Delete account. A workspace owner can "
        "close the whole workspace in Settings > Workspace. Requests under the GDPR, including access and "
        "erasure requests, are handled by the support team. Workspace data can be exported in Settings > "
        "Data > Export before an account is deleted.",
        "translations": {
            "de": {
                "title": "Konto und personenbezogene Daten löschen",
                "text": "Ihr eigenes Benutzerkonto löschen Sie unter Profile > Delete account. Der "
                "Workspace-Inhaber kann den gesamten Workspace unter Settings > Workspace schließen. "
                "Anfragen nach der DSGVO, einschließlich Auskunfts- und Löschanfragen, werden vom "
                "Support-Team bearbeitet. Vor dem Löschen eines Kontos können Sie die Daten des Workspace "
                "unter Settings > Data > Export exportieren.",
            },
            "es": {
                "title": "Eliminar una cuenta y datos personales",
                "text": "Puede eliminar su propia cuenta de usuario en Profile > Delete account. El "
                "propietario del espacio de trabajo puede cerrar todo el espacio de trabajo en Settings > "
                "Workspace. Las solicitudes basadas en el RGPD, incluidas las de acceso y supresión, las "
                "tramita el equipo de soporte. Antes de eliminar una cuenta, los datos del espacio de "
                "trabajo se pueden exportar en Settings > Data > Export.",
            },
            "fr": {
                "title": "Supprimer un compte et des données personnelles",
                "text": "Vous pouvez supprimer votre propre compte utilisateur dans Profile > Delete "
                "account. Le propriétaire de l'espace de travail peut fermer l'ensemble de l'espace de "
                "travail dans Settings > Workspace. Les demandes au titre du RGPD, y compris les demandes "
                "d'accès et d'effacement, sont traitées par l'équipe d'assistance. Avant de supprimer un "
                "compte, les données de l'espace de travail peuvent être exportées dans Settings > Data > "
                "Export.",
            },
        },
    },
    {
        "key": "account-data-export",
        "title": "Exporting your data",
        "intents": ["account", "general_question"],
        "text": "Owners and admins can export all projects, tasks, comments and attachments in Settings > "
        "Data > Export. A data export from Settings > Data > Export is available as JSON or CSV. The "
        "download link for a data export is valid for 7 days. After a download link has expired, a new "
        "export can be started in Settings > Data > Export.",
        "translations": {
            "de": {
                "title": "Daten exportieren",
                "text": "Inhaber und Admins exportieren alle Projekte, Aufgaben, Kommentare und Anhänge "
                "unter Settings > Data > Export. Ein Datenexport aus Settings > Data > Export ist als JSON "
                "oder CSV verfügbar. Der Download-Link für einen Datenexport ist 7 Tage gültig. Nach Ablauf "
                "eines Download-Links können Sie unter Settings > Data > Export einen neuen Export starten.",
            },
            "es": {
                "title": "Exportar sus datos",
                "text": "Los propietarios y administradores pueden exportar todos los proyectos, tareas, "
                "comentarios y archivos adjuntos en Settings > Data > Export. Una exportación de datos "
                "desde Settings > Data > Export está disponible en formato JSON o CSV. El enlace de "
                "descarga de una exportación de datos es válido durante 7 días. Cuando un enlace de "
                "descarga ha caducado, se puede iniciar una nueva exportación en Settings > Data > Export.",
            },
            "fr": {
                "title": "Exporter vos données",
                "text": "Les propriétaires et les administrateurs peuvent exporter tous les projets, "
                "tâches, commentaires et pièces jointes dans Settings > Data > Export. Un export de données "
                "depuis Settings > Data > Export est disponible au format JSON ou CSV. Le lien de "
                "téléchargement d'un export de données est valable 7 jours. Lorsqu'un lien de "
                "téléchargement a expiré, un nouvel export peut être lancé dans Settings > Data > Export.",
            },
        },
    },
    {
        "key": "account-members",
        "title": "Members, roles and ownership",
        "intents": ["account"],
        "text": "Admins invite colleagues to the workspace as members, remove members and change member "
        "roles in Settings > Members. "
        "Invitations expire after 7 days, and admins can resend an expired invitation in Settings > "
        "Members. The workspace owner transfers ownership in Settings > Workspace > Transfer ownership. "
        "Tasks assigned to a removed member stay in their projects.",
        "translations": {
            "de": {
                "title": "Mitglieder, Rollen und Inhaberschaft",
                "text": "Admins laden Kolleginnen und Kollegen als Mitglieder in den Workspace ein, "
                "entfernen Mitglieder und ändern Rollen unter Settings > Members. Einladungen laufen nach 7 "
                "Tagen ab, und Admins können eine abgelaufene Einladung unter Settings > Members erneut "
                "senden. Der Workspace-Inhaber überträgt die "
                "Inhaberschaft unter Settings > Workspace > Transfer ownership. Aufgaben eines entfernten "
                "Mitglieds bleiben in ihren Projekten erhalten.",
            },
            "es": {
                "title": "Miembros, roles y propiedad",
                "text": "Los administradores invitan a compañeros al espacio de trabajo como miembros, "
                "eliminan miembros y cambian roles en "
                "Settings > Members. Las invitaciones caducan a los 7 días, y los administradores pueden "
                "reenviar una invitación caducada en Settings > Members. El propietario del espacio de "
                "trabajo transfiere la propiedad en Settings > Workspace > Transfer ownership. Las tareas "
                "asignadas a un miembro eliminado permanecen en sus proyectos.",
            },
            "fr": {
                "title": "Membres, rôles et propriété",
                "text": "Les administrateurs invitent des collègues dans l'espace de travail comme membres, "
                "retirent des membres et modifient les "
                "rôles dans Settings > Members. Les invitations expirent au bout de 7 jours, et les "
                "administrateurs peuvent renvoyer une invitation expirée dans Settings > Members. Le "
                "propriétaire de l'espace de travail transfère la propriété dans Settings > Workspace > "
                "Transfer ownership. Les tâches assignées à un membre retiré restent dans leurs projets.",
            },
        },
    },
    {
        "key": "tech-incidents",
        "title": "Service incidents and outages",
        "intents": ["technical_issue"],
        "text": "Current service incidents are published on the status page at status.cloudnest.io. The "
        "status page at status.cloudnest.io is updated for as long as an incident lasts. Outage reports are "
        "handled by the on-call engineers.",
        "translations": {
            "de": {
                "title": "Störungen und Ausfälle",
                "text": "Aktuelle Störungen werden auf der Statusseite status.cloudnest.io veröffentlicht. "
                "Die Statusseite status.cloudnest.io wird während einer laufenden Störung fortlaufend "
                "aktualisiert. Meldungen über Ausfälle werden von den diensthabenden Technikern bearbeitet.",
            },
            "es": {
                "title": "Incidencias y caídas del servicio",
                "text": "Las incidencias actuales del servicio se publican en la página de estado "
                "status.cloudnest.io. La página de estado status.cloudnest.io se actualiza mientras dura "
                "una incidencia. Los avisos de caídas del servicio los gestionan los ingenieros de guardia.",
            },
            "fr": {
                "title": "Incidents et pannes de service",
                "text": "Les incidents en cours sont publiés sur la page de statut status.cloudnest.io. La "
                "page de statut status.cloudnest.io est mise à jour tant qu'un incident est en cours. Les "
                "signalements de panne sont traités par les ingénieurs d'astreinte.",
            },
        },
    },
    {
        "key": "tech-troubleshooting",
        "title": "Troubleshooting the web app",
        "intents": ["technical_issue"],
        "text": "Most loading and display problems in the web app go away after a hard refresh, clearing "
        "the browser cache or trying a private window. A web app problem that persists can come from a "
        "browser extension, so disabling browser extensions for a test often helps. When a problem persists "
        "after a hard refresh, the browser version, the steps that cause the problem and a screenshot help "
        "the support team reproduce the problem.",
        "translations": {
            "de": {
                "title": "Fehlerbehebung in der Web-App",
                "text": "Die meisten Lade- und Anzeigeprobleme in der Web-App verschwinden nach einem "
                "harten Neuladen, nach dem Leeren des Browser-Caches oder in einem privaten Fenster. Ein "
                "anhaltendes Problem in der Web-App kann an einer Browsererweiterung liegen, daher hilft es "
                "oft, Browsererweiterungen testweise zu deaktivieren. Wenn ein Problem nach einem harten "
                "Neuladen bestehen bleibt, helfen die Browserversion, die Schritte, die zum Problem führen, "
                "und ein Screenshot dem Support-Team, das Problem nachzuvollziehen.",
            },
            "es": {
                "title": "Solución de problemas de la aplicación web",
                "text": "La mayoría de los problemas de carga y visualización de la aplicación web "
                "desaparecen tras una recarga forzada, al borrar la caché del navegador o al usar una "
                "ventana privada. Un problema persistente en la aplicación web puede deberse a una "
                "extensión del navegador, por lo que suele ayudar desactivar las extensiones del navegador "
                "para probar. Si un problema continúa tras una recarga forzada, la versión del navegador, "
                "los pasos que provocan el problema y una captura de pantalla ayudan al equipo de soporte a "
                "reproducir el problema.",
            },
            "fr": {
                "title": "Dépannage de l'application web",
                "text": "La plupart des problèmes de chargement et d'affichage de l'application web "
                "disparaissent après une actualisation forcée, après avoir vidé le cache du navigateur ou "
                "dans une fenêtre de navigation privée. Un problème persistant dans l'application web peut "
                "venir d'une extension du navigateur, d'où l'intérêt de désactiver temporairement les "
                "extensions du navigateur pour tester. Si un problème persiste après une actualisation "
                "forcée, la version du navigateur, les étapes qui provoquent le problème et une capture "
                "d'écran aident l'équipe d'assistance à reproduire le problème.",
            },
        },
    },
    {
        "key": "tech-browsers",
        "title": "Supported browsers",
        "intents": ["technical_issue", "general_question"],
        "text": "Cloudnest supports the latest two versions of Chrome, Firefox, Edge and Safari. Internet "
        "Explorer is not supported, and neither are browser versions older than the latest two. Updating "
        "the browser to the latest version fixes many display problems in the Cloudnest web app. A hard "
        "refresh (Ctrl+Shift+R on Windows and Linux, Cmd+Shift+R on a Mac, Cmd+Option+R in Safari) reloads "
        "the Cloudnest web app without cached files. Clearing the browser cache or opening a private window "
        "rules out problems caused by cached files or browser extensions.",
        "translations": {
            "de": {
                "title": "Unterstützte Browser",
                "text": "Cloudnest unterstützt die jeweils zwei neuesten Versionen von Chrome, Firefox, "
                "Edge und Safari. Internet Explorer und Browserversionen, die älter als die zwei neuesten "
                "Versionen sind, werden nicht unterstützt. Ein Update des Browsers auf die neueste Version "
                "behebt viele Anzeigeprobleme in der Cloudnest-Web-App. Ein hartes Neuladen "
                "(Strg+Umschalt+R unter Windows und Linux, Cmd+Umschalt+R auf dem Mac, Cmd+Option+R in "
                "Safari) lädt die Cloudnest-Web-App ohne zwischengespeicherte Dateien neu. Das Leeren des "
                "Browser-Caches oder ein privates Fenster schließt Probleme durch zwischengespeicherte "
                "Dateien oder Browsererweiterungen aus.",
            },
            "es": {
                "title": "Navegadores compatibles",
                "text": "Cloudnest es compatible con las dos últimas versiones de Chrome, Firefox, Edge y "
                "Safari. Internet Explorer y las versiones de navegador anteriores a las dos últimas no son "
                "compatibles con Cloudnest. Actualizar el navegador a la última versión soluciona muchos "
                "problemas de visualización en la aplicación web de Cloudnest. Una recarga forzada "
                "(Ctrl+Mayús+R en Windows y Linux, Cmd+Shift+R en Mac, Cmd+Option+R en Safari) vuelve a "
                "cargar la aplicación web de Cloudnest sin los archivos almacenados en caché. Borrar la "
                "caché del navegador o abrir una ventana privada descarta problemas causados por archivos "
                "en caché o por extensiones del navegador.",
            },
            "fr": {
                "title": "Navigateurs pris en charge",
                "text": "Cloudnest prend en charge les deux dernières versions de Chrome, Firefox, Edge et "
                "Safari. Internet Explorer et les versions de navigateur antérieures aux deux dernières ne "
                "sont pas prises en charge par Cloudnest. Mettre le navigateur à jour vers la dernière "
                "version corrige de nombreux problèmes d'affichage dans l'application web Cloudnest. Une "
                "actualisation forcée (Ctrl+Maj+R sous Windows et Linux, Cmd+Maj+R sur Mac, Cmd+Option+R "
                "dans Safari) recharge l'application web Cloudnest sans les fichiers en cache. Vider le "
                "cache du navigateur ou ouvrir une fenêtre de navigation privée permet d'écarter les "
                "problèmes liés aux fichiers en cache ou aux extensions du navigateur.",
            },
        },
    },
    {
        "key": "tech-upload-limits",
        "title": "Upload limits",
        "intents": ["technical_issue", "general_question"],
        "text": "The Free plan allows uploads of up to 100 MB per file. Paid plans allow uploads of up to 2 "
        "GB per file. An upload larger than the file size limit of the plan is refused with HTTP 413 "
        "Payload Too Large. A file over the upload limit can be split into smaller files or compressed "
        "before uploading. Upgrading from the Free plan to a paid plan raises the upload limit from 100 MB "
        "to 2 GB per file.",
        "translations": {
            "de": {
                "title": "Upload-Limits",
                "text": "Im Free-Tarif sind Uploads bis 100 MB pro Datei möglich. In kostenpflichtigen "
                "Tarifen sind Uploads bis 2 GB pro Datei möglich. Ein Upload, der das Dateigrößenlimit des "
                "Tarifs überschreitet, wird mit HTTP 413 Payload Too Large abgelehnt. Eine Datei über dem "
                "Upload-Limit können Sie vor dem Hochladen in kleinere Dateien aufteilen oder komprimieren. "
                "Ein Upgrade vom Free-Tarif auf einen kostenpflichtigen Tarif erhöht das Upload-Limit von "
                "100 MB auf 2 GB pro Datei.",
            },
            "es": {
                "title": "Límites de subida de archivos",
                "text": "El plan Free permite subir archivos de hasta 100 MB cada uno. Los planes de pago "
                "permiten subir archivos de hasta 2 GB cada uno. Una subida que supera el límite de tamaño "
                "de archivo del plan se rechaza con el error HTTP 413 Payload Too Large. Un archivo que "
                "supera el límite de subida se puede dividir en archivos más pequeños o comprimir antes de "
                "subirlo. Pasar del plan Free a un plan de pago aumenta el límite de subida de 100 MB a 2 "
                "GB por archivo.",
            },
            "fr": {
                "title": "Limites de téléversement",
                "text": "La formule Free permet de téléverser des fichiers jusqu'à 100 Mo chacun. Les "
                "formules payantes permettent de téléverser des fichiers jusqu'à 2 Go chacun. Un envoi qui "
                "dépasse la taille maximale de fichier de la formule est refusé avec l'erreur HTTP 413 "
                "Payload Too Large. Un fichier qui dépasse la limite de téléversement peut être découpé en "
                "fichiers plus petits ou compressé avant l'envoi. Passer de la formule Free à une formule "
                "payante relève la limite de téléversement de 100 Mo à 2 Go par fichier.",
            },
        },
    },
    {
        "key": "tech-api-webhooks",
        "title": "API and webhooks",
        "intents": ["technical_issue", "general_question"],
        "text": "The Cloudnest REST API is documented at developers.cloudnest.io. The API rate limit is "
        "600 requests per minute for each API token. An API request over the rate limit gets an HTTP 429 "
        "response with a Retry-After header that says when to retry. Webhooks are signed with "
        "HMAC-SHA256 and retried for 24 hours. API tokens are generated and revoked in Settings > API.",
        "translations": {
            "de": {
                "title": "API und Webhooks",
                "text": "Die REST-API von Cloudnest ist unter developers.cloudnest.io dokumentiert. Das "
                "Rate-Limit der API liegt bei 600 Anfragen pro Minute je API-Token. Eine API-Anfrage "
                "über dem Rate-Limit erhält eine HTTP-429-Antwort mit einem Retry-After-Header, der "
                "angibt, wann ein neuer Versuch möglich ist. Webhooks werden mit HMAC-SHA256 signiert "
                "und 24 Stunden lang erneut zugestellt. API-Tokens erstellen und widerrufen Sie unter "
                "Settings > API.",
            },
            "es": {
                "title": "API y webhooks",
                "text": "La API REST de Cloudnest está documentada en developers.cloudnest.io. El límite "
                "de frecuencia de la API es de 600 solicitudes por minuto por cada token de API. Una "
                "solicitud a la API que supera el límite de frecuencia recibe una respuesta HTTP 429 con "
                "una cabecera Retry-After que indica cuándo volver a intentarlo. Los webhooks se firman "
                "con HMAC-SHA256 y se reintentan durante 24 horas. Los tokens de API se generan y se "
                "revocan en Settings > API.",
            },
            "fr": {
                "title": "API et webhooks",
                "text": "L'API REST de Cloudnest est documentée sur developers.cloudnest.io. La limite "
                "de débit de l'API est de 600 requêtes par minute par jeton d'API. Une requête d'API qui "
                "dépasse la limite de débit reçoit une réponse HTTP 429 avec un en-tête Retry-After qui "
                "indique quand réessayer. Les webhooks sont signés avec HMAC-SHA256 et renvoyés pendant "
                "24 heures. Les jetons d'API se créent et se révoquent dans Settings > API.",
            },
        },
    },
    {
        "key": "tech-integrations",
        "title": "Integrations",
        "intents": ["technical_issue", "general_question"],
        "text": "Slack, Microsoft Teams, Google Calendar, GitHub, Jira and Zapier connect in Settings > "
        "Integrations. An integration that stops syncing usually needs its authorization renewed. "
        "Disconnecting and reconnecting an integration in Settings > Integrations renews the authorization "
        "of the integration.",
        "translations": {
            "de": {
                "title": "Integrationen",
                "text": "Slack, Microsoft Teams, Google Calendar, GitHub, Jira und Zapier verbinden Sie "
                "unter Settings > Integrations. Wenn eine Integration nicht mehr synchronisiert, muss meist "
                "die Autorisierung der Integration erneuert werden. Durch Trennen und erneutes Verbinden "
                "einer Integration unter Settings > Integrations wird die Autorisierung der Integration "
                "erneuert.",
            },
            "es": {
                "title": "Integraciones",
                "text": "Slack, Microsoft Teams, Google Calendar, GitHub, Jira y Zapier se conectan en "
                "Settings > Integrations. Cuando una integración deja de sincronizar, lo habitual es que "
                "haya que renovar la autorización de la integración. Desconectar y volver a conectar una "
                "integración en Settings > Integrations renueva la autorización de la integración.",
            },
            "fr": {
                "title": "Intégrations",
                "text": "Slack, Microsoft Teams, Google Calendar, GitHub, Jira et Zapier se connectent dans "
                "Settings > Integrations. Lorsqu'une intégration ne se synchronise plus, l'autorisation de "
                "l'intégration doit généralement être renouvelée. Déconnecter puis reconnecter une "
                "intégration dans Settings > Integrations renouvelle l'autorisation de l'intégration.",
            },
        },
    },
    {
        "key": "tech-data-recovery",
        "title": "Recovering deleted data",
        "intents": ["technical_issue", "account"],
        "text": "Deleted projects and tasks stay in the Trash for 30 days. Admins can restore deleted "
        "projects and tasks from the Trash within 30 days of deletion. Requests about data deleted more "
        "than 30 days ago, or about data lost through a fault on the Cloudnest side, are handled personally "
        "by a support engineer.",
        "translations": {
            "de": {
                "title": "Gelöschte Daten wiederherstellen",
                "text": "Gelöschte Projekte und Aufgaben bleiben 30 Tage lang im Papierkorb (Trash). Admins "
                "können gelöschte Projekte und Aufgaben innerhalb von 30 Tagen nach dem Löschen aus dem "
                "Papierkorb wiederherstellen. Anfragen zu Daten, die vor mehr als 30 Tagen gelöscht wurden, "
                "oder zu Daten, die durch einen Fehler bei Cloudnest verloren gingen, bearbeitet ein "
                "Support-Engineer persönlich.",
            },
            "es": {
                "title": "Recuperar datos eliminados",
                "text": "Los proyectos y tareas eliminados permanecen 30 días en la papelera (Trash). Los "
                "administradores pueden restaurar proyectos y tareas eliminados desde la papelera durante "
                "los 30 días posteriores a la eliminación. Las solicitudes sobre datos eliminados hace más "
                "de 30 días, o sobre datos perdidos por un fallo de Cloudnest, las gestiona personalmente "
                "un ingeniero de soporte.",
            },
            "fr": {
                "title": "Récupérer des données supprimées",
                "text": "Les projets et tâches supprimés restent 30 jours dans la corbeille (Trash). Les "
                "administrateurs peuvent restaurer les projets et tâches supprimés depuis la corbeille dans "
                "les 30 jours suivant la suppression. Les demandes concernant des données supprimées il y a "
                "plus de 30 jours, ou des données perdues à la suite d'une défaillance de Cloudnest, sont "
                "traitées personnellement par un ingénieur support.",
            },
        },
    },
    {
        "key": "general-plans",
        "title": "Plans and features",
        "intents": ["general_question", "billing"],
        "text": "The Free plan is free for up to 10 users and includes boards and lists. The Pro plan adds "
        "unlimited projects, Gantt charts, time tracking, automations and free guests to the Free plan. The "
        "Business plan adds SAML single sign-on, SCIM provisioning, the audit log and advanced permissions "
        "to the Pro plan. The Enterprise plan adds custom contracts and EU data residency to the Business "
        "plan. Every paid plan has a 14-day free trial, and no card is needed for the trial. Paid plans are "
        "billed monthly or annually per seat.",
        "translations": {
            "de": {
                "title": "Tarife und Funktionen",
                "text": "Der Free-Tarif ist für bis zu 10 Nutzer kostenlos und umfasst Boards und Listen. "
                "Der Pro-Tarif ergänzt den Free-Tarif um unbegrenzte Projekte, Gantt-Diagramme, "
                "Zeiterfassung, Automatisierungen und kostenlose Gäste. Der Business-Tarif ergänzt den "
                "Pro-Tarif um SAML-Single-Sign-on, SCIM-Bereitstellung, das Audit-Log und erweiterte "
                "Berechtigungen. Der Enterprise-Tarif ergänzt den Business-Tarif um individuelle Verträge "
                "und Datenhaltung in der EU. Jeder kostenpflichtige Tarif lässt sich 14 Tage lang kostenlos "
                "testen, ohne Angabe einer Kreditkarte. Kostenpflichtige Tarife werden monatlich oder "
                "jährlich pro Nutzerplatz abgerechnet.",
            },
            "es": {
                "title": "Planes y funciones",
                "text": "El plan Free es gratuito para hasta 10 usuarios e incluye tableros y listas. El "
                "plan Pro añade al plan Free proyectos ilimitados, diagramas de Gantt, control de tiempo, "
                "automatizaciones e invitados gratuitos. El plan Business añade al plan Pro inicio de "
                "sesión único SAML, aprovisionamiento SCIM, registro de auditoría y permisos avanzados. El "
                "plan Enterprise añade al plan Business contratos personalizados y residencia de datos en "
                "la UE. Cada plan de pago tiene una prueba gratuita de 14 días, sin necesidad de tarjeta. "
                "Los planes de pago se facturan mensual o anualmente por licencia.",
            },
            "fr": {
                "title": "Formules et fonctionnalités",
                "text": "La formule Free est gratuite jusqu'à 10 utilisateurs et comprend les tableaux et "
                "les listes. La formule Pro ajoute à la formule Free les projets illimités, les diagrammes "
                "de Gantt, le suivi du temps, les automatisations et les invités gratuits. La formule "
                "Business ajoute à la formule Pro l'authentification unique SAML, le provisionnement SCIM, "
                "le journal d'audit et les permissions avancées. La formule Enterprise ajoute à la formule "
                "Business les contrats personnalisés et l'hébergement des données dans l'UE. Chaque formule "
                "payante offre un essai gratuit de 14 jours, sans carte bancaire. Les formules payantes "
                "sont facturées mensuellement ou annuellement par licence.",
            },
        },
    },
    {
        "key": "general-security",
        "title": "Security, data hosting and compliance",
        "intents": ["general_question"],
        "text": "Cloudnest encrypts data in transit with TLS 1.2 or newer and at rest with AES-256. "
        "Cloudnest is SOC 2 Type II audited. Cloudnest hosts data in Frankfurt (EU) or Virginia (US). A "
        "data processing agreement (DPA) can be downloaded in Settings > Legal. Requests for the SOC 2 "
        "report under NDA or for a completed security questionnaire are handled by the security team.",
        "translations": {
            "de": {
                "title": "Sicherheit, Datenstandort und Compliance",
                "text": "Cloudnest verschlüsselt Daten bei der Übertragung mit TLS 1.2 oder neuer und im "
                "Ruhezustand mit AES-256. Cloudnest ist nach SOC 2 Type II auditiert. Cloudnest hostet "
                "Daten in Frankfurt (EU) oder Virginia (USA). Einen Auftragsverarbeitungsvertrag (AVV, "
                "englisch DPA) können Sie unter Settings > Legal herunterladen. Anfragen nach dem "
                "SOC-2-Bericht unter NDA oder nach einem ausgefüllten Sicherheitsfragebogen bearbeitet das "
                "Sicherheitsteam.",
            },
            "es": {
                "title": "Seguridad, alojamiento de datos y cumplimiento",
                "text": "Cloudnest cifra los datos en tránsito con TLS 1.2 o superior y en reposo con "
                "AES-256. Cloudnest cuenta con una auditoría SOC 2 Tipo II. Cloudnest aloja los datos en "
                "Fráncfort (UE) o en Virginia (Estados Unidos). El acuerdo de tratamiento de datos (DPA) se "
                "puede descargar en Settings > Legal. Las solicitudes del informe SOC 2 bajo NDA o de un "
                "cuestionario de seguridad completado las gestiona el equipo de seguridad.",
            },
            "fr": {
                "title": "Sécurité, hébergement des données et conformité",
                "text": "Cloudnest chiffre les données en transit avec TLS 1.2 ou supérieur et au repos "
                "avec AES-256. Cloudnest est audité SOC 2 Type II. Cloudnest héberge les données à "
                "Francfort (UE) ou en Virginie (États-Unis). L'accord de traitement des données (DPA) est "
                "téléchargeable dans Settings > Legal. Les demandes de rapport SOC 2 sous NDA ou de "
                "questionnaire de sécurité rempli sont traitées par l'équipe sécurité.",
            },
        },
    },
    {
        "key": "general-import",
        "title": "Importing from other tools",
        "intents": ["general_question", "technical_issue"],
        "text": "Cloudnest imports projects from Trello, Asana, Jira, Monday.com and CSV files. The "
        "importers for Trello, Asana, Jira, Monday.com and CSV files are in Settings > Import. Cloudnest "
        "importers keep assignees when the email addresses match existing members, and due dates use the "
        "workspace time zone.",
        "translations": {
            "de": {
                "title": "Import aus anderen Tools",
                "text": "Cloudnest importiert Projekte aus Trello, Asana, Jira, Monday.com und CSV-Dateien. "
                "Die Importfunktionen für Trello, Asana, Jira, Monday.com und CSV-Dateien finden Sie unter "
                "Settings > Import. Beim Import in Cloudnest bleiben Zuständigkeiten erhalten, wenn die "
                "E-Mail-Adressen zu bestehenden Mitgliedern passen, und Fälligkeitsdaten folgen der "
                "Zeitzone des Workspace.",
            },
            "es": {
                "title": "Importar desde otras herramientas",
                "text": "Cloudnest importa proyectos desde Trello, Asana, Jira, Monday.com y archivos CSV. "
                "Los importadores de Trello, Asana, Jira, Monday.com y archivos CSV están en Settings > "
                "Import. Los importadores de Cloudnest conservan las personas asignadas cuando las "
                "direcciones de correo coinciden con miembros existentes, y las fechas de vencimiento usan "
                "la zona horaria del espacio de trabajo.",
            },
            "fr": {
                "title": "Importer depuis d'autres outils",
                "text": "Cloudnest importe des projets depuis Trello, Asana, Jira, Monday.com et des "
                "fichiers CSV. Les outils d'import pour Trello, Asana, Jira, Monday.com et les fichiers CSV "
                "se trouvent dans Settings > Import. Les imports Cloudnest conservent les personnes "
                "assignées lorsque les adresses e-mail correspondent à des membres existants, et les dates "
                "d'échéance suivent le fuseau horaire de l'espace de travail.",
            },
        },
    },
    {
        "key": "general-apps",
        "title": "Mobile and desktop apps",
        "intents": ["general_question", "technical_issue"],
        "text": "Cloudnest has apps for iOS, Android, Windows, macOS and Linux. The Cloudnest apps work "
        "offline, and changes made offline sync when the device reconnects. Keeping the Cloudnest app up to "
        "date brings the latest fixes.",
        "translations": {
            "de": {
                "title": "Mobile Apps und Desktop-Apps",
                "text": "Cloudnest bietet Apps für iOS, Android, Windows, macOS und Linux. Die "
                "Cloudnest-Apps funktionieren offline, und offline vorgenommene Änderungen werden "
                "synchronisiert, sobald das Gerät wieder verbunden ist. Halten Sie die Cloudnest-App "
                "aktuell, um die neuesten Fehlerbehebungen zu erhalten.",
            },
            "es": {
                "title": "Aplicaciones móviles y de escritorio",
                "text": "Cloudnest tiene aplicaciones para iOS, Android, Windows, macOS y Linux. Las "
                "aplicaciones de Cloudnest funcionan sin conexión, y los cambios hechos sin conexión se "
                "sincronizan cuando el dispositivo vuelve a conectarse. Mantenga la aplicación de Cloudnest "
                "actualizada para recibir las últimas correcciones.",
            },
            "fr": {
                "title": "Applications mobiles et de bureau",
                "text": "Cloudnest propose des applications pour iOS, Android, Windows, macOS et Linux. Les "
                "applications Cloudnest fonctionnent hors ligne, et les modifications faites hors ligne se "
                "synchronisent lorsque l'appareil se reconnecte. Maintenez l'application Cloudnest à jour "
                "pour bénéficier des derniers correctifs.",
            },
        },
    },
    {
        "key": "general-feedback",
        "title": "Praise and thank-you messages",
        "intents": ["general_question"],
        "text": "Thank you for the kind words about Cloudnest. Praise from customers is shared with the "
        "Cloudnest team. Positive feedback shows the Cloudnest team what works well for customers.",
        "translations": {
            "de": {
                "title": "Lob und Dankesnachrichten",
                "text": "Vielen Dank für Ihre freundlichen Worte über Cloudnest. Lob von Kundinnen und "
                "Kunden geben wir an das Cloudnest-Team weiter. Positives Feedback zeigt dem "
                "Cloudnest-Team, was für Kundinnen und Kunden gut funktioniert.",
            },
            "es": {
                "title": "Elogios y agradecimientos",
                "text": "Muchas gracias por sus amables palabras sobre Cloudnest. Los elogios de los "
                "clientes se comparten con el equipo de Cloudnest. Los comentarios positivos ayudan al "
                "equipo de Cloudnest a saber qué funciona bien para los clientes.",
            },
            "fr": {
                "title": "Compliments et remerciements",
                "text": "Merci beaucoup pour votre message si positif au sujet de Cloudnest. Les "
                "compliments des clients sont partagés avec l'équipe Cloudnest. Les retours positifs aident "
                "l'équipe Cloudnest à savoir ce qui fonctionne bien pour les clients.",
            },
        },
    },
]
