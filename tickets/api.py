"""REST API: parse input, call one service or selector, shape output.

Each operation needs its own Django permission, the same the admin checks: reading
tickets (`view_ticket`), running the AI (`triage_ticket`), reviewing (`review_ticket`),
seeing secrets unmasked (`reveal_ticket_secrets`) and purging them
(`purge_ticket_secrets`). Staff status alone grants nothing.
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from tickets.clients import client_from_request
from tickets.models import Source, Ticket
from tickets.pagination import keyset_page
from tickets.permissions import (
    REVIEW_TICKETS,
    VIEW_TICKETS,
    CanCreateTicket,
    CanPurgeSecrets,
    CanRevealSecrets,
    CanReviewTickets,
    CanTriageTickets,
    CanViewTickets,
    customer_token,
    staff_may,
    token_matches,
)
from tickets.selectors import of_customer
from tickets.serializers import (
    ConflictOutputSerializer,
    ErrorOutputSerializer,
    TicketCreateInputSerializer,
    TicketCreateOutputSerializer,
    TicketCustomerOutputSerializer,
    TicketListFilterSerializer,
    TicketListOutputSerializer,
    TicketListPageOutputSerializer,
    TicketPurgeInputSerializer,
    TicketRevealOutputSerializer,
    TicketReviewInputSerializer,
    TicketRevokeTokenOutputSerializer,
    TicketStaffOutputSerializer,
    TicketTriageInputSerializer,
    TicketTriageOutputSerializer,
    UnavailableOutputSerializer,
)
from tickets.services.access import ticket_token_revoke
from tickets.services.decisions import triage_run
from tickets.services.redaction import ticket_secrets_purge, ticket_secrets_reveal
from tickets.services.review import review_act
from tickets.services.submission import ticket_submit
from tickets.throttles import TicketCreateThrottle, TokenLookupThrottle, is_staff

ORDERING = {
    "created_at": ("created_at",),
    "-created_at": ("-created_at",),
    "priority": ("priority_rank", "created_at"),
    "-priority": ("-priority_rank", "created_at"),
}

TICKET_TOKEN_HEADER = OpenApiParameter(
    "X-Ticket-Token",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="The customer's ticket token (or send `Authorization: Bearer <token>`).",
)
# Every operation may meet these; 503 comes with Retry-After.
COMMON_RESPONSES = {
    401: ErrorOutputSerializer,
    403: ErrorOutputSerializer,
    429: ErrorOutputSerializer,
    503: UnavailableOutputSerializer,
}
ANYONE = [{}, {"tokenAuth": []}, {"cookieAuth": []}]


class TicketCollectionApi(APIView):
    """POST creates a ticket (anyone, throttled unless staff); GET lists tickets (staff)."""

    def get_permissions(self):
        if self.request.method == "POST":
            return [CanCreateTicket()]
        return [CanViewTickets()]

    def get_throttles(self):
        return [TicketCreateThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        operation_id="tickets_create",
        request=TicketCreateInputSerializer,
        responses={
            201: TicketCreateOutputSerializer,
            400: OpenApiTypes.OBJECT,
            413: ErrorOutputSerializer,
            415: ErrorOutputSerializer,
            **COMMON_RESPONSES,
        },
        auth=ANYONE,
        summary="Submit a ticket",
        description="JSON only. Every caller who is not staff is limited per client address "
        "(`TICKETS_ANON_RATE`).",
    )
    def post(self, request):
        serializer = TicketCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ticket, token = ticket_submit(
            **serializer.validated_data,
            actor=request.user,
            source=Source.API,
            client=client_from_request(request),
        )
        output = TicketCreateOutputSerializer(ticket, context={"access_token": token})
        return Response(output.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="tickets_list",
        parameters=[TicketListFilterSerializer],
        responses={200: TicketListPageOutputSerializer, 400: OpenApiTypes.OBJECT, **COMMON_RESPONSES},
        summary="List tickets (staff with view_ticket)",
    )
    def get(self, request):
        # An empty parameter (a web form's blank select) means "no filter".
        query = {k: v for k, v in request.query_params.items() if v != ""}
        filters = TicketListFilterSerializer(data=query)
        filters.is_valid(raise_exception=True)
        params = dict(filters.validated_data)
        ordering = ORDERING[params.pop("ordering", "-created_at")]
        limit = params.pop("limit", api_settings.PAGE_SIZE)
        params.pop("cursor", None)
        offset = params.pop("offset", None)
        email = params.pop("customer_email", None)
        # `has_secret` reads the conversation: one query for the page, not one per ticket.
        tickets = Ticket.objects.filter(**params).prefetch_related("messages")
        if email:
            tickets = of_customer(tickets, email)
        if offset is not None:
            # Deprecated, kept for one release: cost grows with the offset and the table.
            paginator = LimitOffsetPagination()
            page = paginator.paginate_queryset(tickets.order_by(*ordering), request, view=self)
            return paginator.get_paginated_response(TicketListOutputSerializer(page, many=True).data)
        page = keyset_page(tickets, request, ordering=ordering, limit=limit)
        page["results"] = TicketListOutputSerializer(page["results"], many=True).data
        return Response(page)


class TicketDetailApi(APIView):
    """Staff with view_ticket see everything; the customer sees their own ticket with its token."""

    permission_classes = [AllowAny]

    def get_throttles(self):
        # Customer reads are token look-ups: limited per client address, staff exempt.
        return [TokenLookupThrottle()]

    @extend_schema(
        operation_id="tickets_retrieve",
        parameters=[TICKET_TOKEN_HEADER],
        responses={200: TicketStaffOutputSerializer, 404: ErrorOutputSerializer, **COMMON_RESPONSES},
        description="Staff with `view_ticket` get the full ticket with its latest AI decision. A "
        "customer presenting the ticket's token gets the customer view (id, subject, body, "
        "status, resolution) until the token is revoked or expires. Secrets and personal data "
        "are masked in both. Staff without the permission get 403; anyone else gets 404.",
        auth=ANYONE,
        summary="Read one ticket",
    )
    def get(self, request, pk):
        if staff_may(request.user, VIEW_TICKETS):
            return Response(TicketStaffOutputSerializer(_get_ticket(pk)).data)
        if is_staff(request.user):
            raise PermissionDenied(CanViewTickets().message)
        ticket = Ticket.objects.filter(pk=pk).first()
        # Not found and not yours look the same: existence is not leaked.
        if ticket is None or not token_matches(ticket, customer_token(request)):
            raise Http404
        return Response(TicketCustomerOutputSerializer(ticket).data)


class TicketTriageApi(APIView):
    permission_classes = [CanTriageTickets]

    @extend_schema(
        operation_id="tickets_triage",
        request=TicketTriageInputSerializer,
        responses={
            200: TicketTriageOutputSerializer,
            400: OpenApiTypes.OBJECT,
            404: ErrorOutputSerializer,
            409: ConflictOutputSerializer,
            **COMMON_RESPONSES,
        },
        summary="Run the AI triage on a ticket now (staff with triage_ticket)",
    )
    def post(self, request, pk):
        ticket = _get_ticket(pk)
        serializer = TicketTriageInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        params = serializer.validated_data
        outcome = triage_run(
            ticket_id=ticket.pk,
            engine_name=params.get("engine"),
            prompt_version=params.get("prompt_version"),
            force=params["force"],
            actor=request.user,
        )
        output = TicketTriageOutputSerializer(
            {
                "applied": outcome.applied,
                "routing": outcome.routing,
                "decision": outcome.decision,
                "ticket": outcome.ticket,
            }
        )
        return Response(output.data)


@extend_schema(exclude=True)
class TicketTriageDeprecatedApi(TicketTriageApi):
    """`/ai-evaluate`, the old name of `/triage`: kept for one release for existing clients."""


class TicketReviewApi(APIView):
    permission_classes = [CanReviewTickets]

    @extend_schema(
        operation_id="tickets_review",
        request=TicketReviewInputSerializer,
        responses={
            200: TicketStaffOutputSerializer,
            400: OpenApiTypes.OBJECT,
            404: ErrorOutputSerializer,
            409: ConflictOutputSerializer,
            **COMMON_RESPONSES,
        },
        summary="Review a ticket: approve, override, spam or requeue (staff with review_ticket)",
    )
    def post(self, request, pk):
        ticket = _get_ticket(pk)
        serializer = TicketReviewInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ticket = review_act(ticket_id=ticket.pk, actor=request.user, **serializer.validated_data)
        return Response(TicketStaffOutputSerializer(ticket).data)


class TicketRevealApi(APIView):
    permission_classes = [CanRevealSecrets]

    @extend_schema(
        operation_id="tickets_reveal",
        request=None,
        responses={200: TicketRevealOutputSerializer, 404: ErrorOutputSerializer, **COMMON_RESPONSES},
        summary="Read a ticket's original text, secrets unmasked (staff with reveal_ticket_secrets)",
        description="Every call is recorded in the ticket's timeline with who made it.",
    )
    def post(self, request, pk):
        ticket = ticket_secrets_reveal(ticket_id=_get_ticket(pk).pk, actor=request.user)
        return Response(TicketRevealOutputSerializer(ticket).data)


class TicketPurgeSecretsApi(APIView):
    permission_classes = [CanPurgeSecrets]

    @extend_schema(
        operation_id="tickets_purge_secrets",
        request=TicketPurgeInputSerializer,
        responses={
            200: TicketStaffOutputSerializer,
            400: OpenApiTypes.OBJECT,
            404: ErrorOutputSerializer,
            409: ConflictOutputSerializer,
            **COMMON_RESPONSES,
        },
        summary="Mask secrets and personal data in the stored ticket, for good "
        "(staff with purge_ticket_secrets)",
    )
    def post(self, request, pk):
        ticket = _get_ticket(pk)
        serializer = TicketPurgeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ticket = ticket_secrets_purge(ticket_id=ticket.pk, actor=request.user, **serializer.validated_data)
        return Response(TicketStaffOutputSerializer(ticket).data)


class TicketRevokeTokenApi(APIView):
    permission_classes = [AllowAny]

    def get_throttles(self):
        return [TokenLookupThrottle()]

    @extend_schema(
        operation_id="tickets_revoke_token",
        request=None,
        parameters=[TICKET_TOKEN_HEADER],
        responses={200: TicketRevokeTokenOutputSerializer, 404: ErrorOutputSerializer, **COMMON_RESPONSES},
        auth=ANYONE,
        summary="Revoke the customer's access token, for good",
        description="The customer with the token, or staff with `review_ticket`. Anyone else gets 404 "
        "(staff without the permission: 403).",
    )
    def post(self, request, pk):
        if staff_may(request.user, REVIEW_TICKETS):
            ticket, actor = _get_ticket(pk), request.user
        elif is_staff(request.user):
            raise PermissionDenied(CanReviewTickets().message)
        else:
            ticket, actor = Ticket.objects.filter(pk=pk).first(), None
            if ticket is None or not token_matches(ticket, customer_token(request)):
                raise Http404
        ticket = ticket_token_revoke(ticket_id=ticket.pk, actor=actor)
        return Response(TicketRevokeTokenOutputSerializer(ticket).data)


def _get_ticket(pk) -> Ticket:
    ticket = Ticket.objects.filter(pk=pk).first()
    if ticket is None:
        raise Http404
    return ticket
