"""One error shape for the API: domain errors and outages map to HTTP here, for every endpoint."""

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import NotAuthenticated
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from supportdesk.middleware import RETRY_AFTER_SECONDS, unavailable_body, unavailable_service
from tickets.services.errors import Conflict, InvalidAction

logger = logging.getLogger(__name__)


# A customer's ticket token is a Bearer token checked by the ticket's own endpoints, not an
# account: sent anywhere else, DRF's "credentials were not provided" would puzzle its owner.
BEARER_ELSEWHERE = (
    "A customer's ticket token (Authorization: Bearer) opens only its own ticket, at "
    "GET /tickets/<id>/. This needs a staff account: Authorization: Token <key>, or a session."
)


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if isinstance(exc, NotAuthenticated) and _sent_bearer(context):
        response.data = {"detail": BEARER_ELSEWHERE}
    if response is not None:
        return response
    if isinstance(exc, Conflict):
        # Imported late: serializers import services, which import this module's callers.
        from tickets.serializers import TicketStaffOutputSerializer

        body = {"detail": str(exc), "ticket": TicketStaffOutputSerializer(exc.ticket).data}
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, InvalidAction):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return Response(
            {"detail": f"The request body is over {limit} bytes."},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    service = unavailable_service(exc)
    if service is not None:
        # The caller learns what is down and when to retry, never a host, port or driver message.
        logger.warning("%s unavailable: %s", service, type(exc).__name__)
        return Response(
            unavailable_body(service),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return None


def _sent_bearer(context) -> bool:
    request = context.get("request")
    header = request.META.get("HTTP_AUTHORIZATION", "") if request is not None else ""
    return header.split(" ", 1)[0].lower() == "bearer"
