"""OpenAPI generation hooks."""


def drop_slashless_duplicates(endpoints, **kwargs):
    """Every API path also answers without its trailing slash; document it once."""
    return [endpoint for endpoint in endpoints if endpoint[0].endswith("/")]


INBOUND_EMAIL_OUTCOME = {
    "type": "object",
    "properties": {
        "outcome": {
            "type": "string",
            "enum": ["created", "appended", "duplicate", "quarantined"],
            "description": "What became of the mail: a new ticket, a reply threaded into its "
            "ticket, a mail stored before, or quarantined (kept for staff, no ticket).",
        },
        "ticket_id": {"type": "integer", "nullable": True},
        "reason": {"type": "string", "description": "Why it was quarantined or skipped; empty otherwise."},
    },
    "required": ["outcome", "ticket_id", "reason"],
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"type": "object", "properties": {"detail": {"type": "string"}}}}
        },
    }


def document_inbound_email(result, **kwargs):
    """Add `POST /inbound/email/`: a plain Django view (the body is a raw mail, not JSON),
    so the generator does not see it, yet integrators need it beside the ticket API."""
    result.setdefault("components", {}).setdefault("securitySchemes", {})["inboundToken"] = {
        "type": "apiKey",
        "in": "header",
        "name": "X-Inbound-Token",
        "description": "The INBOUND_EMAIL_TOKEN setting.",
    }
    result["paths"]["/inbound/email/"] = {
        "post": {
            "operationId": "inbound_email",
            "summary": "Take in one raw mail (RFC 822), as an MTA or mail provider pipes it",
            "description": (
                "Off (404) unless INBOUND_EMAIL_TOKEN is set. A mail that was taken in, stored "
                "again or quarantined gets 200: it is safe with us, do not send it again. A mail over "
                "INBOUND_EMAIL_MAX_BYTES gets 413 so that the MTA bounces it to its sender."
            ),
            "tags": ["inbound"],
            "security": [{"inboundToken": []}],
            "requestBody": {
                "required": True,
                "content": {"message/rfc822": {"schema": {"type": "string", "format": "binary"}}},
            },
            "responses": {
                "200": {
                    "description": "Taken in, stored again, or quarantined.",
                    "content": {"application/json": {"schema": INBOUND_EMAIL_OUTCOME}},
                },
                "400": _error("The body is empty."),
                "403": _error("X-Inbound-Token is missing or wrong."),
                "404": _error("The endpoint is off: INBOUND_EMAIL_TOKEN is not set."),
                "413": {
                    "description": "Larger than INBOUND_EMAIL_MAX_BYTES; quarantined, bounce it.",
                    "content": {"application/json": {"schema": INBOUND_EMAIL_OUTCOME}},
                },
                "415": _error("Not sent as Content-Type: message/rfc822."),
                "429": _error("Too many wrong tokens from this client; see Retry-After."),
            },
        }
    }
    return result
