"""One gate per process in front of an LLM server: its rate limits hold for every call at once.

A 429 answered to one call pauses every call of the process for the server's
`Retry-After`, instead of each thread finding out with its own 429. Requests and
tokens per minute are budgeted the way OpenAI counts them (the prompt plus the
completion tokens asked for), so a worker that knows its quota stays under it.
"""

import email.utils
import threading
import time
from collections import deque

import httpx2

WINDOW_SECONDS = 60.0
# A 429 without a usable Retry-After still pauses the process, briefly.
DEFAULT_PAUSE_SECONDS = 1.0
# The SDK also reads Retry-After up to 60 s; a longer demand is not honoured blindly.
MAX_PAUSE_SECONDS = 60.0


class RateGate:
    """Admits calls under a pause and per-minute budgets (0 = no budget), shared by threads."""

    def __init__(self, *, requests_per_minute: int = 0, tokens_per_minute: int = 0, clock=time.monotonic):
        self.requests_per_minute = requests_per_minute
        self.tokens_per_minute = tokens_per_minute
        self.clock = clock
        self.paused_until = 0.0
        self.pauses = 0
        self._admitted: deque[tuple[float, int]] = deque()
        self._tokens = 0
        self._condition = threading.Condition()

    def acquire(self, *, tokens: int, wait_until: float) -> bool:
        """Wait for room for one call of `tokens`; False if there is none by `wait_until` (monotonic)."""
        with self._condition:
            while True:
                now = self.clock()
                wait = self._wait_needed(now, tokens)
                if wait <= 0:
                    self._admitted.append((now, tokens))
                    self._tokens += tokens
                    return True
                if now + wait > wait_until:
                    return False
                self._condition.wait(wait)

    def pause(self, seconds: float) -> None:
        """Hold every call back for `seconds` (the server said it is overloaded)."""
        with self._condition:
            self.paused_until = max(self.paused_until, self.clock() + min(seconds, MAX_PAUSE_SECONDS))
            self.pauses += 1

    def _wait_needed(self, now: float, tokens: int) -> float:
        while self._admitted and self._admitted[0][0] <= now - WINDOW_SECONDS:
            self._tokens -= self._admitted.popleft()[1]
        if now < self.paused_until:
            return self.paused_until - now
        over_requests = self.requests_per_minute and len(self._admitted) >= self.requests_per_minute
        over_tokens = (
            self.tokens_per_minute and self._admitted and self._tokens + tokens > self.tokens_per_minute
        )
        if over_requests or over_tokens:
            return self._admitted[0][0] + WINDOW_SECONDS - now
        return 0.0


class GatedTransport(httpx2.BaseTransport):
    """Wraps the SDK's transport: a 429 pauses the gate, and the SDK does not retry it itself.

    The caller retries through the gate instead, so one overloaded server slows the
    whole process, and a rate-limited ticket is retried, not given up on.
    """

    def __init__(self, gate: RateGate, inner: httpx2.BaseTransport):
        self.gate, self.inner = gate, inner

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self.inner.handle_request(request)
        if response.status_code == 429:
            self.gate.pause(retry_after_seconds(response.headers.get("retry-after")))
            response.headers["x-should-retry"] = "false"
        return response

    def close(self) -> None:
        self.inner.close()


def retry_after_seconds(value: str | None) -> float:
    """Seconds from a Retry-After header: a number, or an HTTP date."""
    if not value:
        return DEFAULT_PAUSE_SECONDS
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return DEFAULT_PAUSE_SECONDS
    return max(0.0, moment.timestamp() - time.time())
