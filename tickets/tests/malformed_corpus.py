"""Malformed input, the way attackers and broken clients send it.

Each case is (id, target, content type or query, raw body, field): the request must get
a 400 (or 413/415) naming `field` (or a `detail` when the body is not an object at all),
never a 500 and never a stored row. `target` is one of TARGETS.
"""

import json

VALID = {
    "subject": "Cannot export",
    "body": "The CSV export never starts.",
    "customer_email": "a@example.com",
}
JSON = "application/json"
TARGETS = ("create", "review", "triage", "purge", "list")


def with_(**fields) -> str:
    return json.dumps({**VALID, **fields})


def raw(**fields) -> str:
    """VALID with fields spliced in as raw JSON text (for what json.dumps cannot write)."""
    body = json.dumps(VALID)[:-1]
    return body + "".join(f', "{name}": {text}' for name, text in fields.items()) + "}"


CASES = [
    # --- structure ------------------------------------------------------------------------
    ("nested-1000-arrays", "create", JSON, "[" * 1000 + "]" * 1000, None),
    ("nested-100000-arrays", "create", JSON, "[" * 100_000 + "]" * 100_000, None),
    ("nested-100000-unclosed", "create", JSON, '{"a":' * 100_000, None),
    ("nested-40-objects-in-subject", "create", JSON, raw(subject='{"a":' * 40 + "1" + "}" * 40), None),
    ("top-level-array", "create", JSON, "[]", None),
    ("top-level-string", "create", JSON, '"ticket"', None),
    ("top-level-null", "create", JSON, "null", None),
    ("truncated", "create", JSON, '{"subject": "x", ', None),
    ("trailing-garbage", "create", JSON, json.dumps(VALID) + "}}", None),
    ("utf8-bom", "create", JSON, "\ufeff" + json.dumps(VALID), None),
    ("empty-object", "create", JSON, "{}", "subject"),
    ("unknown-field", "create", JSON, with_(status="resolved"), "status"),
    ("duplicate-key-last-wins", "create", JSON, raw(subject="5"), "subject"),
    # --- numbers --------------------------------------------------------------------------
    ("huge-float-subject", "create", JSON, raw(subject="1e999"), "subject"),
    ("tiny-float-subject", "create", JSON, raw(subject="1e-999"), "subject"),
    ("nan-literal", "create", JSON, raw(subject="NaN"), None),
    ("infinity-literal", "create", JSON, raw(body="-Infinity"), None),
    ("4000-digit-int", "create", JSON, raw(subject="9" * 4000), "subject"),
    ("5000-digit-int", "create", JSON, raw(subject="9" * 5000), None),
    # --- strings --------------------------------------------------------------------------
    ("lone-surrogate-body", "create", JSON, raw(body='"x \\ud800 y"'), "body"),
    ("lone-surrogate-email", "create", JSON, raw(customer_email='"a\\udfff@example.com"'), "customer_email"),
    ("nul-escape-subject", "create", JSON, with_(subject="a\u0000b"), "subject"),
    ("escape-sequence-body", "create", JSON, with_(body="\u001b[2J"), "body"),
    ("crlf-in-subject", "create", JSON, with_(subject="Hi\r\nBcc: x@evil.example"), "subject"),
    (
        "header-injection-email",
        "create",
        JSON,
        with_(customer_email="a@example.com\nBcc: x@evil.example"),
        "customer_email",
    ),
    ("subject-too-long", "create", JSON, with_(subject="s" * 201), "subject"),
    ("body-too-long", "create", JSON, with_(body="b" * 20_001), "body"),
    ("email-too-long", "create", JSON, with_(customer_email="a" * 250 + "@example.com"), "customer_email"),
    ("subject-bool", "create", JSON, with_(subject=True), "subject"),
    ("body-object", "create", JSON, with_(body={"$gt": ""}), "body"),
    ("email-list", "create", JSON, with_(customer_email=["a@example.com"]), "customer_email"),
    ("email-at-localhost", "create", JSON, with_(customer_email="root@localhost"), "customer_email"),
    # --- bytes and types --------------------------------------------------------------------
    ("invalid-utf8", "create", JSON, b'{"subject": "\xff\xfe"}', None),
    ("utf16-body", "create", JSON, json.dumps(VALID).encode("utf-16"), None),
    ("too-large", "create", JSON, with_(body="b" * 3_000_000), None),
    (
        "form-encoded",
        "create",
        "application/x-www-form-urlencoded",
        "subject=a&body=b&customer_email=a@b.io",
        None,
    ),
    ("xml", "create", "application/xml", "<ticket/>", None),
    ("no-content-type", "create", "", json.dumps(VALID), None),
    # --- review -----------------------------------------------------------------------------
    ("review-action-list", "review", JSON, json.dumps({"action": ["approve"]}), "action"),
    ("review-action-operator", "review", JSON, json.dumps({"action": {"$ne": "x"}}), "action"),
    ("review-action-nul", "review", JSON, json.dumps({"action": "approve\u0000"}), "action"),
    ("review-version-huge", "review", JSON, '{"action": "requeue", "version": 1e999}', "version"),
    ("review-version-2-63", "review", JSON, json.dumps({"action": "requeue", "version": 2**63}), "version"),
    ("review-version-negative", "review", JSON, json.dumps({"action": "requeue", "version": -1}), "version"),
    ("review-version-fraction", "review", JSON, json.dumps({"action": "requeue", "version": 1.5}), "version"),
    (
        "review-answer-too-long",
        "review",
        JSON,
        json.dumps({"action": "approve", "answer": "a" * 20_001}),
        "answer",
    ),
    (
        "review-intent-injection",
        "review",
        JSON,
        json.dumps(
            {"action": "override", "intent": "billing'; DROP TABLE x;--", "priority": "low", "answer": "a"}
        ),
        "intent",
    ),
    ("review-nested", "review", JSON, '{"action": ' + "[" * 5000 + "]" * 5000 + "}", None),
    # --- triage ----------------------------------------------------------------------------
    ("triage-force-huge", "triage", JSON, '{"force": 1e999}', "force"),
    ("triage-engine-null", "triage", JSON, '{"engine": null}', "engine"),
    (
        "triage-prompt-traversal",
        "triage",
        JSON,
        json.dumps({"prompt_version": "../../etc/passwd"}),
        "prompt_version",
    ),
    ("triage-prompt-unknown", "triage", JSON, json.dumps({"prompt_version": "triage-v99"}), "prompt_version"),
    # --- purge -----------------------------------------------------------------------------
    ("purge-version-huge", "purge", JSON, json.dumps({"version": 10**30}), "version"),
    ("purge-version-string", "purge", JSON, json.dumps({"version": "latest"}), "version"),
    # --- list query strings ------------------------------------------------------------------
    ("list-offset-huge", "list", "offset=99999999999999999999", "", "offset"),
    ("list-limit-huge", "list", "limit=1000000000", "", "limit"),
    ("list-limit-negative", "list", "limit=-1", "", "limit"),
    ("list-status-nul", "list", "status=%00", "", "status"),
    ("list-email-bytes", "list", "customer_email=%ff%fe", "", "customer_email"),
    ("list-ordering-injection", "list", "ordering=subject;DROP", "", "ordering"),
    ("list-unknown-lookup", "list", "created_at__gt=2020-01-01", "", "created_at__gt"),
]
