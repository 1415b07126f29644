"""Reading settings strictly: every error names the variable that caused it."""

import ipaddress
import re
from collections.abc import Callable
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

from ai_engine import INTENTS, PRIORITIES

env = environ.Env()

_RATE = re.compile(r"^\d+/(s|sec|second|m|min|minute|h|hour|d|day)$")


def read(name: str, cast: Callable[..., Any], *, default: Any) -> Any:
    """Read `name` with an environ cast; a malformed value names the variable."""
    try:
        if cast in (env.str, env.bool, env.int, env.float, env.list, env.db_url, env.email_url):
            return cast(name, default=default)
        raw = env.str(name, default=None)
        return cast(default if raw is None else raw)
    except Exception as exc:  # environ raises ValueError, KeyError, ImproperlyConfigured...
        raise ImproperlyConfigured(f"{name}: malformed value ({exc}).") from exc


def require(name: str, value: str, *, allowed: set[str]) -> str:
    if value not in allowed:
        raise ImproperlyConfigured(f"{name}: {value!r} is not one of {sorted(allowed)}.")
    return value


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def parse_bool(value: str | bool) -> bool:
    """Strict: "perhaps" is an error, not False."""
    if isinstance(value, bool):
        return value
    lowered = value.strip().lower()
    if lowered not in _TRUE | _FALSE:
        raise ValueError(f"{value!r} is not true/false, yes/no, on/off or 1/0")
    return lowered in _TRUE


def parse_rate(value: str) -> str:
    """A DRF throttle rate such as `60/minute`."""
    if not _RATE.match(value.strip()):
        raise ValueError(f"{value!r} is not a rate like 60/minute")
    return value.strip()


def parse_positive_int(value: str | int) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(f"{value!r} is not a whole number of at least 1")
    return number


def parse_non_negative_int(value: str | int) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(f"{value!r} is not a whole number of at least 0")
    return number


def parse_intent_thresholds(value: str) -> dict[str, float]:
    """`billing=0.95,account=0.97` -> {"billing": 0.95, "account": 0.97}."""
    thresholds: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        intent, sep, number = item.partition("=")
        if not sep or intent.strip() not in INTENTS:
            raise ValueError(f"{item!r} is not intent=threshold with a known intent")
        threshold = float(number)
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"{item!r}: threshold outside 0..1")
        thresholds[intent.strip()] = threshold
    return thresholds


def parse_priority_hours(value: str) -> dict[str, float]:
    """`high=1,medium=8,low=24` -> hours per priority; every priority must be given."""
    hours: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        priority, sep, number = item.partition("=")
        if not sep or priority.strip() not in PRIORITIES:
            raise ValueError(f"{item!r} is not priority=hours with a known priority")
        figure = float(number)
        if not figure > 0:
            raise ValueError(f"{item!r}: hours must be above 0")
        hours[priority.strip()] = figure
    missing = sorted(set(PRIORITIES) - set(hours))
    if missing:
        raise ValueError(f"no target for {', '.join(missing)}")
    return hours


def parse_networks(value: str) -> tuple:
    """`127.0.0.1,10.0.0.0/8,::1` -> networks; a bare address is a network of one."""
    return tuple(
        ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip()
    )
