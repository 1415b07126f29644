"""The API's only body parser: JSON, size-limited, never a 500 whatever the bytes."""

import codecs
import json

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser
from rest_framework.settings import api_settings
from rest_framework.utils import json as drf_json

# Deeper than any body this API takes: a ticket is a flat object.
MAX_DEPTH = 32


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class StrictJSONParser(JSONParser):
    """JSON only, so a form post from any web page cannot create tickets; a body over
    DATA_UPLOAD_MAX_MEMORY_SIZE is a 413; deep nesting, bad encodings and bad charsets are 400s.

    Python's parser recurses per nesting level: a body of 100,000 `[` would raise
    RecursionError, which DRF's parser does not catch.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if limit is not None and len(raw) > limit:
            raise RequestTooLarge(f"The request body is over {limit} bytes.")
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
        except LookupError as exc:
            raise ParseError(f"Unknown charset {encoding!r}; send UTF-8.") from exc
        except ValueError as exc:
            raise ParseError(f"The body is not valid {encoding}.") from exc
        try:
            parse_constant = drf_json.strict_constant if api_settings.STRICT_JSON else None
            data = json.loads(text, parse_constant=parse_constant)
        except RecursionError as exc:
            raise ParseError(f"JSON nested more than {MAX_DEPTH} levels deep.") from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
        if _depth_over(data, MAX_DEPTH):
            raise ParseError(f"JSON nested more than {MAX_DEPTH} levels deep.")
        return data


def _depth_over(data, limit: int) -> bool:
    # Iterative: the value may be nested just under the interpreter's recursion limit.
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return False
