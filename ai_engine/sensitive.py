"""Secrets and personal data in ticket text: found, and masked before anyone else sees them.

Checksums come from python-stdnum (Luhn for cards, ISO 13616 for IBANs) and phone
numbers from phonenumbers, so a random 16-digit order number is not called a card.
Used by the tickets guards (a ticket with a secret never auto-resolves) and before
text goes to a third-party model.
"""

import re
from dataclasses import dataclass

import phonenumbers
from stdnum import iban, luhn

SECRET_KINDS = ("card_number", "cvv", "iban", "password", "api_key")
PERSONAL_KINDS = ("phone_number", "date_of_birth")

_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|maerz|mai|juni|juli"
    r"|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre"
    r"|noviembre|diciembre|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre"
    r"|octobre|novembre|décembre|decembre|[a-z]+uary|march|april|june|july|august|september"
    r"|october|november|december)\.?"
)
# A date right after the words that say it is a birth date ("born 12.03.1980", "date of
# birth: 1980-03-12", "geboren am 12. März 1980", "né le 12 mars 1980"): rubric 5 lists dates
# of birth as personal data. A date alone is an invoice or a deadline, never masked.
_DATE_OF_BIRTH = re.compile(
    r"\b(?:born(?: on)?|date of birth|birth ?date|dob|d\.o\.b\.?|geboren(?: am)?|geburtsdatum"
    r"|fecha de nacimiento|nacid[oa](?: el)?|date de naissance|née?(?: le)?)\W{0,3}(?:is\W{1,3}|ist\W{1,3})?"
    r"((?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}\.? (?:de )?" + _MONTH + r"(?: de)? \d{4}|" + _MONTH + r" \d{1,2}(?:st|nd|rd|th)?,? \d{4}))",
    re.IGNORECASE,
)
_CARD = re.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
_CVV = re.compile(
    r"\b(?:cvv2?|cvc2?|csc|security code|card code|código de seguridad|code de sécurité|"
    r"cryptogramme|prüfnummer|prüfziffer|kartenprüfnummer)\b\W{0,5}(?:is\W{0,3}|ist\W{0,3}|es\W{0,3}|est\W{0,3})?"
    r"(\d{3,4})\b",
    re.IGNORECASE,
)
_CREDENTIAL_WORD = (
    r"\b(?:password|passwort|kennwort|contraseña|contrasena|clave|mot de passe|mdp|pwd|passcode|pw)\b"
)
# What is clearly a password rather than a word of prose: six or more characters with a
# letter and a digit, or with a symbol ("Barcelona2023!", "Tulip!2024").
_CREDENTIAL_LIKE = r"(?=\S*[A-Za-zÀ-ÿ])(?=\S*[0-9!@#$%^&*_+=~/\\-])\S{5,}?[^\s,.;]"
_PASSWORD = re.compile(
    _CREDENTIAL_WORD
    + r"(?:"
    # "password: x" and "password = x": whatever follows is the secret.
    + r"\s*[:=]\s*[\"'“«]?(?!\[[a-z_]+\])(\S{3,}?[^\s,.;])"
    # "my password is x", "mi contraseña antigua era x", "le mot de passe que j'utilise est x",
    # "Passwort lautet x", and the new one to be set ("should be x", "soll x sein", "será x",
    # "sera x"): up to six words, a verb, then a quoted value or one with a digit or symbol,
    # because prose follows these verbs too ("the password is required", "should be long").
    + r"|(?:\s+[^\s.!?:;,]+){0,6}?\s+"
    + r"(?:is|was|be|ist|war|lautet|lautete|soll|sollte|wird|es|era|sea|será|est|était|soit|sera)\s+"
    + r"(?:[\"'“«](?!\[[a-z_]+\])(\S{3,}?[^\s,.;])"
    + r"|(?!\[[a-z_]+\])(?=\S*[0-9!@#$%^&*_+=~/\\-])(\S{3,}?[^\s,.;]))"
    # "uso la contraseña Barcelona2023!": the value right after the word, if it looks like one.
    + r"|\s+(?!\[[a-z_]+\])("
    + _CREDENTIAL_LIKE
    + r")"
    + r")(?=[,.;]?(?:\s|$))",
    re.IGNORECASE,
)
# "Login: tom@example.com / Winter2025!x": a sign-in name, a slash or bar, then a value that
# looks like a password (the same shape as above), with no word naming it.
_LOGIN_PAIR = re.compile(
    r"\b(?:login|log-in|sign-in|user(?:name)?|benutzer(?:name)?|zugangsdaten|credentials|usuario"
    r"|utilisateur|identifiant)\s*[:=]\s*\S+\s*[/|]\s*(?!\[[a-z_]+\])("
    + _CREDENTIAL_LIKE
    + r")(?=[,.;]?(?:\s|$))",
    re.IGNORECASE,
)
_API_KEY = re.compile(
    r"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}"
    r"|\bsk-[A-Za-z0-9_-]{16,}"
    r"|\b(?:cn_pat|cn_live|cn_key|ghp|gho|github_pat|glpat|xox[abpr])[_-][A-Za-z0-9_-]{8,}"
    r"|\bAKIA[0-9A-Z]{16}\b"
    r"|\bBearer\s+(?P<bearer>[A-Za-z0-9._~+/-]{16,}=*)"
    r"|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
    # A value after a word that names it; base64 alphabets included, so an AWS secret access
    # key ("wJalrXUtnFEMI/K7MDENG/...") is masked whole, not cut at its first slash.
    r"|\b(?:api[ _-]?key|api[ _-]?token|access[ _-]?token|secret|token|client[ _-]?secret"
    r"|(?:aws[ _-]?)?secret[ _-]?(?:access[ _-]?)?key)\b\W{0,3}[:=]?\s*(?P<named>[A-Za-z0-9_/+\-]{20,}=*)"
    # Underscored names as in config files and shell exports: aws_secret_access_key=...
    r"|(?<![A-Za-z0-9])[A-Za-z0-9]*_?(?:secret|token|api_?key|password)[A-Za-z0-9_]*\s*[:=]\s*[\"']?"
    r"(?P<assigned>[A-Za-z0-9_/+\-]{16,}=*)",
    re.IGNORECASE,
)
# Where a word names the key ("API key sk-...", "token: ...", "Bearer ..."), only the value
# is masked: "[api_key]" alone would take the customer's words with it.
_API_KEY_VALUE_GROUPS = ("bearer", "named", "assigned")
# No valid phone number has fewer digits, country code included (Iran's +98 and four digits;
# a number without one is read as American: ten). A text with fewer skips the phone matcher,
# which costs more than every other pattern together. `test_sensitive` checks it against the
# library's metadata.
MIN_PHONE_DIGITS = 6
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int

    @property
    def is_secret(self) -> bool:
        return self.kind in SECRET_KINDS


def secrets_find(text: str, *, personal: bool = True) -> list[Finding]:
    """Every secret and piece of personal data in `text`, ordered by position, never overlapping.

    `personal=False` looks for secrets alone, for a caller that only asks whether there is one.
    """
    found: list[Finding] = []
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 13 <= len(digits) <= 19 and luhn.is_valid(digits) and len(set(digits)) > 1:
            found.append(Finding("card_number", match.start(), match.end()))
    for match in _IBAN.finditer(text):
        if iban.is_valid(match.group()):
            found.append(Finding("iban", match.start(), match.end()))
    for match in _CVV.finditer(text):
        found.append(Finding("cvv", match.start(1), match.end(1)))
    for match in _PASSWORD.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)  # the value's branch
        found.append(Finding("password", match.start(group), match.end(group)))
    for match in _LOGIN_PAIR.finditer(text):
        found.append(Finding("password", match.start(1), match.end(1)))
    for match in _API_KEY.finditer(text):
        value = next((g for g in _API_KEY_VALUE_GROUPS if match.group(g) is not None), 0)
        found.append(Finding("api_key", match.start(value), match.end(value)))
    if personal:
        for match in _DATE_OF_BIRTH.finditer(text):
            found.append(Finding("date_of_birth", match.start(1), match.end(1)))
    if personal and len(_DIGIT.findall(text)) >= MIN_PHONE_DIGITS:  # the matcher is most of the cost
        for match in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID):
            found.append(Finding("phone_number", match.start, match.end))
    return _without_overlaps(found)


def secrets_mask(text: str) -> str:
    """`text` with every finding replaced by a marker naming its kind, e.g. [card_number]."""
    out, last = [], 0
    for finding in secrets_find(text):
        out.append(text[last : finding.start])
        out.append(f"[{finding.kind}]")
        last = finding.end
    out.append(text[last:])
    return "".join(out)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    # Secrets beat personal data, then the longer match wins: a card number is not also a phone.
    ranked = sorted(found, key=lambda f: (not f.is_secret, -(f.end - f.start), f.start))
    kept: list[Finding] = []
    for finding in ranked:
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
