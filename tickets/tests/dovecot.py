"""A real IMAP server for the tests: Dovecot from Debian's packages, its own instance.

Everything lives in a temporary directory: its own config, a passwd-file user, a Maildir,
a self-signed certificate (for IMAPS, trusted through IMAP_CA_FILE), high loopback ports.
Started as root (CI) its processes drop to Debian's dovecot/dovenull users; started by
anyone else, everything runs as that user. If it cannot start, the test fails: `.ci/run`
installs dovecot-imapd, so a missing server is a broken machine, not a reason to skip.
"""

import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tickets.tests.live import free_port

DOVECOT = "/usr/sbin/dovecot"
USER, PASSWORD = "support@example.com", "mailbox-password"


@dataclass(frozen=True)
class Dovecot:
    root: Path
    imap_port: int
    imaps_port: int
    ca_file: Path

    def url(self, *, scheme: str = "imaps", folder: str = "INBOX") -> str:
        port = self.imaps_port if scheme == "imaps" else self.imap_port
        return f"{scheme}://support%40example.com:{PASSWORD}@127.0.0.1:{port}/{folder}"

    def stop(self) -> None:
        pid_file = self.root / "run" / "master.pid"
        if pid_file.exists():
            subprocess.run([DOVECOT, "-c", str(self.root / "dovecot.conf"), "stop"], check=False, timeout=30)


def _users() -> tuple[str, str, int, int]:
    """(internal user, login user, mail uid, mail gid): root may not run Dovecot's processes."""
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid())
        return me.pw_name, me.pw_name, me.pw_uid, me.pw_gid
    mail = pwd.getpwnam("dovecot")
    return "dovecot", "dovenull", mail.pw_uid, mail.pw_gid


def dovecot_start(root: Path) -> Dovecot:
    if not Path(DOVECOT).exists():
        raise RuntimeError(f"{DOVECOT} is missing: apt-get install dovecot-imapd (.ci/run does)")
    internal, login, uid, gid = _users()
    for sub in ("run", "state", "home"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    cert, key = root / "cert.pem", root / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    imap_port, imaps_port = free_port(), free_port()
    (root / "dovecot.conf").write_text(f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
# Plaintext login only for the loopback listener the tests use without TLS.
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal}
default_internal_group = {internal}
default_login_user = {login}
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
""")
    # Dovecot's own users must reach the mail and the passwd file; nothing here is secret.
    os.chmod(root, 0o755)  # noqa: S103
    (root / "passwd").chmod(0o644)
    shutil.chown(root / "home", uid, gid)
    # No pipes: the daemon keeps what it inherits open, and a pipe would never reach EOF.
    subprocess.run(
        [DOVECOT, "-c", str(root / "dovecot.conf")],
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=30,
    )
    server = Dovecot(root=root, imap_port=imap_port, imaps_port=imaps_port, ca_file=cert)
    _wait_for(imaps_port, server)
    return server


def _wait_for(port: int, server: Dovecot) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    log = (server.root / "dovecot.log").read_text() if (server.root / "dovecot.log").exists() else ""
    server.stop()
    raise RuntimeError(f"Dovecot did not listen on {port}:\n{log}")
