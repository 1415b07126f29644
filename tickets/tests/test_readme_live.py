"""Every curl example in the README's REST API section, run as written against a live server.

The commands are read from README.md, not copied here: a README change that breaks an
example fails this test. Placeholders are filled from earlier answers (`<id>`,
`<access_token>`), a staff token is made for `<staff-token>`, and the review example sends
the version the previous example just read, not the number printed in the README.
"""

import json
import re
import shlex
import subprocess
from pathlib import Path

from rest_framework.authtoken.models import Token

from tickets.models import Ticket
from tickets.tests.browser import BROWSER_DB
from tickets.tests.factories import AgentFactory

README = Path(__file__).resolve().parents[2] / "README.md"
README_HOST = "http://127.0.0.1:8000"

pytestmark = BROWSER_DB  # a live server: committed data, the migrations' rows restored


def readme_examples() -> list[tuple[str, str]]:
    """(command, the comment lines right after it) for each curl in the REST API section."""
    section = README.read_text().split("## REST API", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    examples: list[list] = []
    for block in blocks:
        lines = iter(block.splitlines())
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("curl "):
                command = stripped
                while command.endswith("\\"):
                    command = command[:-1] + " " + next(lines).strip()
                examples.append([command, ""])
            elif stripped.startswith("#") and examples:
                examples[-1][1] += stripped + "\n"
    return [(command, comments) for command, comments in examples]


def expected_status(command: str, comments: str) -> int:
    """The `# -> NNN` the README states after the command, else 200."""
    stated = re.match(r"# -> (\d{3})", comments)
    return int(stated.group(1)) if stated else 200


def test_the_readme_has_the_examples_this_test_runs():
    section = README.read_text().split("## REST API", 1)[1].split("\n## ", 1)[0]
    examples = readme_examples()
    assert len(examples) == section.count("curl ") >= 9
    assert any("/review" in command for command, _ in examples)


def test_every_readme_curl_example_works_against_a_live_server(live_server):
    staff = Token.objects.create(user=AgentFactory(username="readme-agent")).key
    known = {"<staff-token>": staff}
    version = None
    for command, comments in readme_examples():
        command = command.replace(README_HOST, live_server.url)
        if version is not None:
            command = re.sub(r'"version": \d+', f'"version": {version}', command)
        for placeholder, value in known.items():
            command = command.replace(placeholder, value)
        assert not re.search(r"<[a-z_-]+>", command), f"nothing known yet for a placeholder in: {command}"

        arguments = shlex.split(command, comments=True)
        result = subprocess.run(
            [*arguments, "-w", "\n%{http_code}"], capture_output=True, text=True, timeout=60
        )
        body, _, status = result.stdout.rpartition("\n")
        assert result.returncode == 0, result.stderr
        assert int(status) == expected_status(command, comments), f"{command}\n-> {status} {body[:500]}"

        answer = json.loads(body) if body.strip().startswith("{") else {}
        if "access_token" in answer:  # the create example
            known |= {"<id>": answer["id"], "<access_token>": answer["access_token"]}
            check_stated_route(answer["id"], comments)
        ticket = answer.get("ticket", answer)
        if isinstance(ticket, dict) and "version" in ticket:
            version = ticket["version"]  # what the next example that sends a version must send
        if "results" in answer:  # the list examples find the ticket created above
            assert known["<id>"] in [row["id"] for row in answer["results"]], command
    assert Ticket.objects.get(pk=known["<id>"]).status == "resolved"  # the review example worked


def check_stated_route(ticket_id: str, comments: str) -> None:
    """What the README says happens to the created ticket, when it says it."""
    ticket = Ticket.objects.get(pk=ticket_id)
    if "goes to review" in comments:
        assert ticket.status == "awaiting_review"
    guard = re.search(r"guard (\w+) fires", comments)
    if guard:
        assert ticket.routing_rule == f"guard:{guard.group(1)}"
        assert guard.group(1) in ticket.guards
    if "high priority" in comments:
        assert ticket.priority == "high"
