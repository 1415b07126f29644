"""Whether an agent may send a reply as the answer, and what speaks against sending the
AI's suggestion as written: refusals (approve and override raise them) and notes (the
review page shows them, bulk approve refuses on them)."""

from django.utils.translation import get_language_info

from ai_engine import ANSWER_LANGUAGES, reply_language, secrets_find
from tickets.models import Ticket
from tickets.rules import Rule
from tickets.selectors import answer_rejected


def approve_refusal(ticket: Ticket, answer: str) -> str:
    """Why `answer` may not be sent as the approved reply to `ticket` ("" when it may)."""
    if unpurged := unpurged_secret_refusal(ticket):
        return unpurged
    if not answer:
        return "answer: there is no AI suggestion to approve; write an answer."
    if not ticket.policy_keys and answer == ticket.suggestion.strip():
        # The suggestion cites no policy: it is a note to the agent ("No written policy
        # answers this ticket ..."), or an ungrounded draft, never a reply to send as is.
        return "answer: no written policy answers this ticket; write the reply to send."
    rejected = answer_rejected(ticket)
    if rejected is not None and answer == rejected.strip():
        return "answer: the customer said this answer did not solve it; write a new reply."
    if secret := secret_refusal(answer):
        return secret
    if not ticket.intent or not ticket.priority:
        return "The AI has not classified this ticket; use override instead."
    return ""


def foreign_language_note(ticket: Ticket) -> str:
    """Why the suggestion is not in the customer's language ("" when it is): replies are
    written in ANSWER_LANGUAGES, and the rule `language` held the ticket for that."""
    if ticket.routing_rule != Rule.LANGUAGE and (not ticket.language or ticket.language in ANSWER_LANGUAGES):
        return ""
    try:
        name = get_language_info(ticket.language)["name"]
    except KeyError:
        name = "a language replies are not written in"
    return f"the customer wrote in {name}; the suggestion is in {reply_language(ticket.language)}"


def unpurged_secret_refusal(ticket: Ticket) -> str:
    # Rubric section 5: a human purges an exposed secret and warns the customer. Resolving
    # first left the card number stored for good, with nothing asking anyone to purge it.
    if not ticket.has_secret:
        return ""
    return (
        "This ticket still holds a secret the customer sent (a card number, password or key): "
        "purge it first, then answer, and tell the customer to treat it as exposed."
    )


def secret_refusal(answer: str) -> str:
    # Caught here so the agent can fix it now; answers.answer_send checks again at send time.
    kinds = sorted({finding.kind for finding in secrets_find(answer) if finding.is_secret})
    return f"answer: contains a secret ({', '.join(kinds)}); remove it before sending." if kinds else ""
