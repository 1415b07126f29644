"""Reading the mailbox settings strictly (IMAP_URL), so a typo stops start-up, not the reader."""

from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import unquote, urlsplit

# imaps: TLS from the first byte (the default, port 993); imap+starttls: upgraded on 143;
# imap: no encryption at all, refused unless the server is on this machine.
_SCHEMES = {"imaps": 993, "imap+starttls": 143, "imap": 143}
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass(frozen=True)
class ImapConfig:
    scheme: str
    host: str
    port: int
    user: str
    password: str
    folder: str

    def __repr__(self) -> str:  # never print the password
        return f"ImapConfig({self.scheme}://{self.user}@{self.host}:{self.port}/{self.folder})"


def parse_imap_url(value: str) -> ImapConfig | None:
    """`imaps://user:password@imap.example.com:993/INBOX` -> ImapConfig; "" -> None (no reader).

    User and password are percent-encoded (`support%40example.com`).
    """
    value = value.strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in _SCHEMES:
        raise ValueError(f"scheme {parts.scheme!r} is not one of {sorted(_SCHEMES)}")
    if not parts.hostname or not parts.username or parts.password is None:
        raise ValueError("expected scheme://user:password@host[:port][/folder]")
    if parts.scheme == "imap" and parts.hostname not in _LOOPBACK:
        raise ValueError("plain imap:// sends the password in the clear: use imaps:// or imap+starttls://")
    return ImapConfig(
        scheme=parts.scheme,
        host=parts.hostname,
        port=parts.port or _SCHEMES[parts.scheme],
        user=unquote(parts.username),
        password=unquote(parts.password),
        folder=unquote(parts.path.lstrip("/")) or "INBOX",
    )


def parse_mailbox_address(value: str) -> str:
    """A bare address such as `support@example.com` (a display name is allowed and dropped)."""
    _, address = parseaddr(value)
    local, _, domain = address.rpartition("@")
    if not local or "." not in domain or "+" in local:
        raise ValueError(f"{value!r} is not an address like support@example.com (without a +tag)")
    return address.lower()
