"""One error shape for the API: domain errors map to HTTP here, for every endpoint."""

import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from tickets.services.errors import Conflict, InvalidAction

logger = logging.getLogger(__name__)


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None:
        return response
    if isinstance(exc, Conflict):
        # Imported late: serializers import services, which import this module's callers.
        from tickets.serializers import TicketStaffOutputSerializer

        body = {"detail": str(exc), "ticket": TicketStaffOutputSerializer(exc.ticket).data}
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, InvalidAction):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    return None
