"""REST API: parse input, call one service or selector, shape output."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from tickets.models import Ticket
from tickets.permissions import CanCreateTicket, IsStaff, customer_token, token_matches
from tickets.serializers import (
    ConflictOutputSerializer,
    ErrorOutputSerializer,
    TicketCreateInputSerializer,
    TicketCreateOutputSerializer,
    TicketCustomerOutputSerializer,
    TicketListFilterSerializer,
    TicketListOutputSerializer,
    TicketListPageOutputSerializer,
    TicketReviewInputSerializer,
    TicketStaffOutputSerializer,
    TicketTriageInputSerializer,
    TicketTriageOutputSerializer,
)
from tickets.services.decisions import triage_run
from tickets.services.review import review_act
from tickets.services.submission import ticket_submit
from tickets.throttles import TicketCreateAnonThrottle

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


def _staff(request) -> bool:
    return IsStaff().has_permission(request, None)


class TicketCollectionApi(APIView):
    """POST creates a ticket (anyone, throttled); GET lists tickets (staff)."""

    def get_permissions(self):
        if self.request.method == "POST":
            return [CanCreateTicket()]
        return [IsStaff()]

    def get_throttles(self):
        return [TicketCreateAnonThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        operation_id="tickets_create",
        request=TicketCreateInputSerializer,
        responses={201: TicketCreateOutputSerializer, 400: OpenApiTypes.OBJECT, 429: ErrorOutputSerializer},
        auth=[{}, {"tokenAuth": []}, {"cookieAuth": []}],
        summary="Submit a ticket",
    )
    def post(self, request):
        serializer = TicketCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ticket, token = ticket_submit(**serializer.validated_data, actor=request.user)
        output = TicketCreateOutputSerializer(ticket, context={"access_token": token})
        return Response(output.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="tickets_list",
        parameters=[TicketListFilterSerializer],
        responses={200: TicketListPageOutputSerializer, 400: OpenApiTypes.OBJECT},
        summary="List tickets (staff)",
    )
    def get(self, request):
        # An empty parameter (a web form's blank select) means "no filter".
        query = {k: v for k, v in request.query_params.items() if v != ""}
        filters = TicketListFilterSerializer(data=query)
        filters.is_valid(raise_exception=True)
        params = dict(filters.validated_data)
        ordering = ORDERING[params.pop("ordering", "-created_at")]
        params.pop("limit", None)
        params.pop("offset", None)
        tickets = Ticket.objects.filter(**params).order_by(*ordering)
        paginator = LimitOffsetPagination()
        page = paginator.paginate_queryset(tickets, request, view=self)
        return paginator.get_paginated_response(TicketListOutputSerializer(page, many=True).data)


class TicketDetailApi(APIView):
    """Staff see everything; the customer sees their own ticket with its token."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="tickets_retrieve",
        parameters=[TICKET_TOKEN_HEADER],
        responses={
            200: TicketStaffOutputSerializer,
            404: ErrorOutputSerializer,
        },
        description="Staff get the full ticket with its latest AI decision. A customer "
        "presenting the ticket's token gets the customer view (id, subject, body, status, "
        "resolution). Anyone else gets 404.",
        auth=[{}, {"tokenAuth": []}, {"cookieAuth": []}],
        summary="Read one ticket",
    )
    def get(self, request, pk):
        ticket = Ticket.objects.filter(pk=pk).first()
        if ticket is not None and _staff(request):
            return Response(TicketStaffOutputSerializer(ticket).data)
        # Not found and not yours look the same: existence is not leaked.
        if ticket is None or not token_matches(ticket, customer_token(request)):
            raise Http404
        return Response(TicketCustomerOutputSerializer(ticket).data)


class TicketTriageApi(APIView):
    permission_classes = [IsStaff]

    @extend_schema(
        operation_id="tickets_triage",
        request=TicketTriageInputSerializer,
        responses={
            200: TicketTriageOutputSerializer,
            400: OpenApiTypes.OBJECT,
            404: ErrorOutputSerializer,
            409: ConflictOutputSerializer,
        },
        summary="Run the AI triage on a ticket now (staff)",
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
    permission_classes = [IsStaff]

    @extend_schema(
        operation_id="tickets_review",
        request=TicketReviewInputSerializer,
        responses={
            200: TicketStaffOutputSerializer,
            400: OpenApiTypes.OBJECT,
            404: ErrorOutputSerializer,
            409: ConflictOutputSerializer,
        },
        summary="Review a ticket: approve, override, spam or requeue (staff)",
    )
    def post(self, request, pk):
        ticket = _get_ticket(pk)
        serializer = TicketReviewInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ticket = review_act(ticket_id=ticket.pk, actor=request.user, **serializer.validated_data)
        return Response(TicketStaffOutputSerializer(ticket).data)


def _get_ticket(pk) -> Ticket:
    ticket = Ticket.objects.filter(pk=pk).first()
    if ticket is None:
        raise Http404
    return ticket
