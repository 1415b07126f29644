"""The customer's pages: parse the form, call one service, show the result."""

from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ai_engine import secrets_mask
from tickets.clients import client_from_request
from tickets.models import Source, Ticket
from tickets.permissions import CanCreateTicket
from tickets.portal.forms import ReopenForm, ReplyForm, TicketForm
from tickets.portal.language import page_language, speaking
from tickets.portal.links import portal_path, portal_token, portal_token_matches
from tickets.selectors import answer_latest, conversation_for_customer
from tickets.services.conversation import (
    ANSWERED,
    OPEN_OUTCOMES,
    customer_confirm,
    customer_reopen,
    customer_reply,
)
from tickets.services.errors import ServiceError
from tickets.services.submission import ticket_submit
from tickets.throttles import TicketCreateThrottle, TokenLookupThrottle


def in_customer_language(view):
    """Pages before there is a ticket: in the browser's language (`portal.language`)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = page_language(request)
        with speaking(language):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return wrapper


@require_GET
@in_customer_language
def landing(request):
    return render(request, "portal/landing.html")


@require_http_methods(["GET", "POST"])
@in_customer_language
def submit(request):
    """The web form: the same service and the same per-client limit as POST /tickets/."""
    if not CanCreateTicket().has_permission(request, None):
        return render(request, "portal/submit_closed.html", status=403)
    form = TicketForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        throttle = TicketCreateThrottle()
        if not throttle.allow_request(request, None):
            wait = int(throttle.wait() or 1)
            response = render(request, "portal/submit.html", {"form": form, "retry_after": wait}, status=429)
            response["Retry-After"] = str(wait)
            return response
        if form.is_valid():
            ticket, _ = ticket_submit(
                **form.cleaned_data,
                actor=request.user,
                source=Source.WEB_FORM,
                client=client_from_request(request),
            )
            messages.success(request, "submitted")
            return redirect(portal_path(ticket))
    # Errors re-render the form with 200, as Django's form views do: the page itself loaded fine.
    return render(request, "portal/submit.html", {"form": form})


def private_page(view):
    """The ticket page and its actions: the link's token must match, and it never leaks.

    A wrong token and a missing ticket raise the same Http404. Responses are never
    cached and send no Referer, so the link does not end up in a proxy or another site.

    The actions (reply, confirm, reopen) are exempt from Django's CSRF check, on purpose:
    the secret link is their only credential, no cookie or session authorizes them, so a
    forged cross-site post would need the link, and whoever has the link can post anyway.
    And the check cannot pass here: under `Referrer-Policy: no-referrer` browsers send
    `Origin: null` and no Referer with the page's own forms, which Django refuses.
    """

    @wraps(view)
    def wrapper(request, pk, token):
        # Wrong links count against the client like wrong API tokens (TICKETS_TOKEN_RATE),
        # and a client over the limit is refused before its next guess is even checked.
        throttle = TokenLookupThrottle()
        wait = throttle.blocked_for(request)
        if wait is not None:
            response = HttpResponse("Too many attempts. Please try again later.", status=429)
            response["Retry-After"] = str(max(int(wait), 1))
            response["Content-Type"] = "text/plain; charset=utf-8"
            return response
        ticket = Ticket.objects.filter(pk=pk).first()
        if ticket is None or not _link_opens(ticket, token):
            throttle.record(request)
            raise Http404("No such ticket.")
        language = page_language(request, ticket)
        with speaking(language):
            response = view(request, ticket)
        response["Content-Language"] = language
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


@require_GET
@private_page
def ticket_page(request, ticket: Ticket):
    return _ticket_page(request, ticket)


@csrf_exempt
@require_POST
@private_page
def ticket_reply(request, ticket: Ticket):
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _ticket_page(request, ticket, reply_form=form)
    return _act(request, ticket, "replied", customer_reply, body=form.cleaned_data["body"])


@csrf_exempt
@require_POST
@private_page
def ticket_confirm(request, ticket: Ticket):
    return _act(request, ticket, "confirmed", customer_confirm)


@csrf_exempt
@require_POST
@private_page
def ticket_reopen(request, ticket: Ticket):
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return _ticket_page(request, ticket, reopen_form=form)
    return _act(request, ticket, "reopened", customer_reopen, reason=form.cleaned_data["reason"])


def _act(request, ticket: Ticket, done: str, service, **fields):
    try:
        service(ticket_id=ticket.pk, **fields)
    except ServiceError as exc:
        messages.error(request, str(exc))
    else:
        # The template words the message; the view only says what happened.
        messages.success(request, done)
    return redirect(portal_path(ticket))


def _ticket_page(request, ticket: Ticket, *, reply_form=None, reopen_form=None):
    answer = answer_latest(ticket) if ticket.status in ANSWERED else None
    conversation = conversation_for_customer(ticket)
    for message in conversation:
        # The page is one link away from anyone the customer forwards it to: a card
        # number or password they typed is shown masked, even to them.
        message.shown = secrets_mask(message.body)
    context = {
        "ticket": ticket,
        "subject": secrets_mask(ticket.subject),
        "conversation": conversation,
        "answered": answer is not None,
        "can_judge": answer is not None and answer.outcome in OPEN_OUTCOMES,
        "confirmed": answer is not None and answer.outcome == answer.Outcome.CONFIRMED,
        "reply_form": reply_form or ReplyForm(),
        "reopen_form": reopen_form or ReopenForm(),
        "token": portal_token(ticket),
    }
    return render(request, "portal/ticket.html", context)


def _link_opens(ticket: Ticket, token: str) -> bool:
    """The link's token matches, and the customer's access has not been revoked or expired."""
    if ticket.access_token_revoked_at is not None:
        return False
    expires_at = ticket.access_token_expires_at
    if expires_at is not None and timezone.now() >= expires_at:
        return False
    return portal_token_matches(ticket, token)
