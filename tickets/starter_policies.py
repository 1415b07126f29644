"""The starter policy set for the demo company, Cloudnest (a project-management SaaS).

Loaded by a data migration and by `python manage.py load_policies`; edit them in admin.
Each text is written so it can be quoted to a customer as it is.
"""

STARTER_POLICIES = [
    {
        "key": "billing-refunds",
        "title": "Refunds",
        "intents": ["billing"],
        "text": "Annual plans can be refunded in full within 14 days of purchase or renewal. "
        "Monthly plans are not refunded, but you can cancel at any time and keep access until "
        "the end of the paid month. Approved refunds go back to the original payment method "
        "within 5 to 10 business days; a member of our billing team reviews every refund.",
    },
    {
        "key": "billing-incorrect-charges",
        "title": "Duplicate or incorrect charges",
        "intents": ["billing"],
        "text": "If you see a duplicate or incorrect charge, our billing team checks it against "
        "your invoice history and reverses any charge made in error. You receive a confirmation "
        "email and a corrected invoice. Please include the invoice number or the charge date.",
    },
    {
        "key": "billing-invoices",
        "title": "Invoices and receipts",
        "intents": ["billing"],
        "text": "All invoices and receipts are in Settings > Billing > Invoices as PDF files. "
        "Owners and billing admins can add a VAT ID, a purchase order number and the billing "
        "address there; they appear on every future invoice. To correct an invoice already "
        "issued, reply with the details and we reissue it within 2 business days.",
    },
    {
        "key": "billing-plan-changes",
        "title": "Plan changes and seats",
        "intents": ["billing", "account"],
        "text": "Upgrades and added seats take effect immediately and are charged pro rata for "
        "the rest of the billing period. Downgrades and seat reductions take effect at the next "
        "renewal, and unused time is credited to your account. Guests are free and never count "
        "as paid seats. Change plans and seats in Settings > Billing > Plan.",
    },
    {
        "key": "billing-payment-methods",
        "title": "Payment methods and failed payments",
        "intents": ["billing"],
        "text": "We accept Visa, Mastercard, American Express and PayPal, and SEPA direct debit or "
        "bank transfer on annual Business plans. When a payment fails we retry three times over "
        "7 days and email the billing contact; the workspace stays fully active meanwhile. "
        "Update the card in Settings > Billing > Payment method.",
    },
    {
        "key": "billing-cancellation",
        "title": "Cancelling a subscription",
        "intents": ["billing", "account"],
        "text": "The workspace owner can cancel in Settings > Billing > Cancel plan. The "
        "workspace stays on the paid plan until the end of the period already paid, then moves "
        "to the free plan. Nothing is deleted: your data stays available.",
    },
    {
        "key": "account-password-reset",
        "title": "Password resets",
        "intents": ["account", "technical_issue"],
        "text": "Use 'Forgot password' on the login page; the reset link is valid for 60 minutes "
        "and only the newest link works. If the email does not arrive, check your spam folder "
        "and that you use the address you signed up with. In workspaces with single sign-on, "
        "passwords are reset with your company's identity provider instead.",
    },
    {
        "key": "account-2fa-recovery",
        "title": "Two-factor authentication recovery",
        "intents": ["account"],
        "text": "If you lose your authenticator device, sign in with one of the backup codes you "
        "saved when you turned on two-factor authentication. A workspace admin can also reset "
        "two-factor authentication for a member in Settings > Members. Owners without backup "
        "codes verify their identity with our support team.",
    },
    {
        "key": "account-sso",
        "title": "Single sign-on (SAML)",
        "intents": ["account", "technical_issue", "general_question"],
        "text": "SAML single sign-on with Okta, Azure AD, Google Workspace and other providers is "
        "included in Business and Enterprise. Set it up in Settings > Security > SSO: verify "
        "your domain with a DNS TXT record, upload your provider's metadata, test with one "
        "user, then enforce it. Owners keep a password login for emergencies.",
    },
    {
        "key": "account-deletion",
        "title": "Deleting an account and personal data",
        "intents": ["account"],
        "text": "You can delete your user account in Profile > Delete account, and the owner can "
        "close a whole workspace in Settings > Workspace. Personal data is erased within 30 "
        "days and removed from backups within 90 days. Requests under the GDPR, including "
        "access and erasure requests, are answered within 30 days.",
    },
    {
        "key": "account-data-export",
        "title": "Exporting your data",
        "intents": ["account", "general_question"],
        "text": "Owners and admins can export all projects, tasks, comments and attachments in "
        "Settings > Data > Export, as JSON or CSV. We email a download link that stays valid "
        "for 7 days. Individual users can download a copy of their personal data in Profile > "
        "Privacy.",
    },
    {
        "key": "account-members",
        "title": "Members, roles and ownership",
        "intents": ["account"],
        "text": "Admins invite, remove and change the role of members in Settings > Members; "
        "invitations expire after 7 days and can be resent there. The owner transfers ownership "
        "in Settings > Workspace > Transfer ownership. Tasks of removed members stay in their "
        "projects.",
    },
    {
        "key": "tech-incidents",
        "title": "Service incidents and outages",
        "intents": ["technical_issue"],
        "text": "Current incidents are on status.cloudnest.io, updated at least every 30 minutes "
        "while an incident lasts. Business and Enterprise plans include a 99.9% monthly uptime "
        "commitment with service credits. Our on-call engineers handle every outage report.",
    },
    {
        "key": "tech-troubleshooting",
        "title": "Troubleshooting the web app",
        "intents": ["technical_issue"],
        "text": "Most loading and display problems go away after a hard refresh, clearing the "
        "browser cache or trying a private window. We support the latest two versions of "
        "Chrome, Firefox, Edge and Safari. If the problem stays, reply with your browser "
        "version, the steps that cause it and a screenshot, and we will investigate.",
    },
    {
        "key": "tech-api-webhooks",
        "title": "API and webhooks",
        "intents": ["technical_issue", "general_question"],
        "text": "The REST API is documented at developers.cloudnest.io. Each token may make 600 "
        "requests a minute; a 429 response carries a Retry-After header. Webhooks are signed "
        "with HMAC-SHA256 and retried with exponential backoff for 24 hours. Generate or revoke "
        "API tokens in Settings > API.",
    },
    {
        "key": "tech-integrations",
        "title": "Integrations",
        "intents": ["technical_issue", "general_question"],
        "text": "Slack, Microsoft Teams, Google Calendar, GitHub, Jira and Zapier connect in "
        "Settings > Integrations. If an integration stops syncing, disconnect and reconnect it "
        "there: that renews its authorization, which is the usual cause.",
    },
    {
        "key": "tech-data-recovery",
        "title": "Recovering deleted data",
        "intents": ["technical_issue", "account"],
        "text": "Deleted projects and tasks stay in the Trash for 30 days and admins can restore "
        "them from there. Older data, or data lost through a fault on our side, is restored by "
        "our engineers from backups kept for 35 days; a support engineer handles every such "
        "request personally.",
    },
    {
        "key": "general-plans",
        "title": "Plans and features",
        "intents": ["general_question", "billing"],
        "text": "Starter is free for up to 10 users with boards and lists. Pro adds unlimited "
        "projects, Gantt charts, time tracking, automations and free guests. Business adds "
        "single sign-on, the audit log and advanced permissions. Enterprise adds custom "
        "contracts and EU data residency. Every paid plan has a 14-day free trial, no card "
        "needed.",
    },
    {
        "key": "general-security",
        "title": "Security and compliance",
        "intents": ["general_question"],
        "text": "Data is encrypted in transit with TLS 1.2 or newer and at rest with AES-256. "
        "Cloudnest is SOC 2 Type II audited and hosts data in Frankfurt (EU) or Virginia (US). "
        "A data processing agreement is available in Settings > Legal.",
    },
    {
        "key": "general-import",
        "title": "Importing from other tools",
        "intents": ["general_question", "technical_issue"],
        "text": "Importers for Trello, Asana, Jira, Monday.com and CSV files are in Settings > "
        "Import. They keep assignees when the email addresses match existing members, and due "
        "dates in the workspace time zone.",
    },
    {
        "key": "general-apps",
        "title": "Mobile and desktop apps",
        "intents": ["general_question", "technical_issue"],
        "text": "Cloudnest has apps for iOS, Android, Windows, macOS and Linux. They sync in the "
        "background and work offline; changes made offline sync when you reconnect. Keep the "
        "app updated from your app store for the latest fixes.",
    },
]
