"""The LLM engine, through the official OpenAI SDK (any OpenAI-compatible server).

Every failure mode (refusal, truncation, content filter, HTTP error, timeout,
invalid JSON, schema violation, citing a policy that does not exist) becomes an
EngineResult with an error: callers never see an exception from here.
"""

import json
import logging
import math
import time
from functools import cache
from types import SimpleNamespace

import httpx2
import openai
from openai.lib._parsing._completions import type_to_response_format_param

from ai_engine.errors import DecisionRejected
from ai_engine.policy_match import policies_relevant
from ai_engine.prompts import Prompt, render_messages
from ai_engine.rate_gate import GatedTransport, RateGate
from ai_engine.schema import TriageDecision, decision_from_json
from ai_engine.sensitive import secrets_mask
from ai_engine.types import EngineResult, EngineRun, PolicyText, TicketText

logger = logging.getLogger(__name__)

MAX_COMPLETION_TOKENS = 800
# A call without its own deadline waits at most this long for the rate gate.
DEFAULT_RATE_WAIT_SECONDS = 10.0
# Providers count a prompt's tokens before tokenising; about four characters each in English.
CHARS_PER_TOKEN = 4


class OpenAIEngine:
    """Built once per process and shared by its threads: one HTTP client (connections and
    TLS context reused) and one rate gate for every call."""

    name = "openai"
    # Waits on the network, not the CPU: callers may run many calls at once.
    calls_network = True

    def __init__(
        self,
        *,
        api_key: str,
        base_url: str | None,
        model: str,
        prompt: Prompt,
        timeout: float,
        max_retries: int,
        seed: int,
        requests_per_minute: int = 0,
        tokens_per_minute: int = 0,
    ):
        self.model_name = model
        self.prompt = prompt
        self.seed = seed
        self.gate = RateGate(requests_per_minute=requests_per_minute, tokens_per_minute=tokens_per_minute)
        transport = GatedTransport(self.gate, httpx2.HTTPTransport(limits=openai.DEFAULT_CONNECTION_LIMITS))
        # The SDK retries 408/409/5xx and connection errors with exponential backoff; a 429
        # goes back to the caller through the gate (see GatedTransport).
        self.client = openai.OpenAI(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=openai.DefaultHttpxClient(transport=transport),
        )

    def run(
        self, ticket: TicketText, policies: list[PolicyText], *, wait_until: float | None = None
    ) -> EngineRun:
        """One decision. `wait_until` (time.monotonic) bounds the wait for the rate gate."""
        return EngineRun((self._decide(ticket, policies, wait_until),))

    def run_many(self, tickets: list[TicketText], policies: list[PolicyText]) -> list[EngineRun]:
        return [self.run(ticket, policies) for ticket in tickets]

    def _decide(
        self, ticket: TicketText, policies: list[PolicyText], wait_until: float | None
    ) -> EngineResult:
        started = time.perf_counter()
        known = frozenset(p.key for p in policies)
        # Secrets and personal data never leave for a third-party model.
        ticket = TicketText(secrets_mask(ticket.subject), secrets_mask(ticket.body), ticket.language)
        raw_output, usage = "", None

        def failed(reason: str, rate_limited: bool = False) -> EngineResult:
            return self._result(None, reason, raw_output, usage, started, rate_limited)

        messages = render_messages(self.prompt, ticket, policies_relevant(ticket, policies))
        tokens = sum(len(m["content"]) for m in messages) // CHARS_PER_TOKEN + MAX_COMPLETION_TOKENS
        if wait_until is None:
            wait_until = time.monotonic() + DEFAULT_RATE_WAIT_SECONDS
        try:
            response = self._request(messages, tokens, wait_until)
        except openai.APITimeoutError:
            return failed("timeout: the model did not answer in time")
        except openai.APIConnectionError as exc:
            return failed(f"connection: {_short(str(exc))}")
        except _NoRoom as exc:
            return failed(f"rate_limited: {exc}", rate_limited=True)
        except openai.APIStatusError as exc:
            return failed(f"http {exc.status_code}: {_short(exc.message)}")
        except openai.OpenAIError as exc:
            return failed(f"error: {_short(str(exc))}")

        raw_output, usage = _content_and_usage(response.text)
        try:
            choice = json.loads(response.text)["choices"][0]
            message = choice["message"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            return failed(f"error: unreadable response: {_short(str(exc))}")
        if choice.get("finish_reason") == "length":
            return failed("truncated: the model hit its token limit")
        if choice.get("finish_reason") == "content_filter":
            return failed("content_filter: the provider's filter blocked the output")
        if message.get("refusal"):
            raw_output = message["refusal"]
            return failed(f"refusal: {_short(raw_output)}")
        if not raw_output:
            return failed("empty: the model returned no content")
        # Validated strictly, with the grounding check (the server's schema is a request, not a proof).
        try:
            decision = decision_from_json(raw_output, known_policy_ids=known)
        except DecisionRejected as exc:
            return failed(f"schema: {exc}")
        result = self._result(decision, "", raw_output, usage, started)
        logprobs = _logprobs(choice.get("logprobs"))
        intent_p = value_probability(logprobs, raw_output, "intent")
        resolvable_p = value_probability(logprobs, raw_output, "resolvable")
        if intent_p is None or resolvable_p is None:
            # No logprobs: the model's own figure is all there is; it is known to be overconfident,
            # which is why thresholds are calibrated per engine.
            return result
        # The chance that both labels are what the model wrote, from its token probabilities.
        return EngineResult(
            **{
                **result.__dict__,
                "routing_confidence": intent_p * resolvable_p,
                "resolvable_probability": resolvable_p if decision.resolvable else 1 - resolvable_p,
            }
        )

    def _request(self, messages: list[dict], tokens: int, wait_until: float):
        """The HTTP call, through the rate gate. A 429 has paused the gate for every thread
        (GatedTransport); this call waits behind it and tries again, as many times as the SDK
        retries other errors, while it may still start by `wait_until`."""
        for _attempt in range(self.client.max_retries + 1):
            if not self.gate.acquire(tokens=tokens, wait_until=wait_until):
                raise _NoRoom("no room under the rate limits in time")
            try:
                # The raw response: output that fails to parse is still recorded in the
                # decision log. Posted as is: the SDK's typed `parse` rebuilt the schema and
                # walked every parameter on each call, half the CPU of a call (about 5 ms).
                return self.client.post(
                    "/chat/completions",
                    body={
                        "model": self.model_name,
                        "messages": messages,
                        "response_format": _response_format(),
                        "temperature": 0,
                        "seed": self.seed,
                        "store": False,
                        "logprobs": True,
                        "max_completion_tokens": MAX_COMPLETION_TOKENS,
                    },
                    cast_to=httpx2.Response,
                )
            except openai.RateLimitError as exc:
                last = exc
        raise _NoRoom(f"http 429: {_short(last.message)}")

    def _result(self, decision, error, raw_output, usage, started, rate_limited=False) -> EngineResult:
        if error and not rate_limited:
            logger.warning("openai engine rejected output: %s", error)
        return EngineResult(
            engine=self.name,
            model=self.model_name,
            prompt_version=self.prompt.version,
            prompt_hash=self.prompt.sha256,
            decision=decision,
            error=error,
            raw_output=raw_output,
            raw_confidence=decision.confidence if decision else None,
            routing_confidence=decision.confidence if decision else None,
            resolvable_probability=None,
            latency_ms=(time.perf_counter() - started) * 1000,
            prompt_tokens=getattr(usage, "prompt_tokens", None),
            completion_tokens=getattr(usage, "completion_tokens", None),
            rate_limited=rate_limited,
        )


@cache
def _response_format() -> dict:
    """The structured-output request for TriageDecision, as the SDK spells it; built once."""
    return type_to_response_format_param(TriageDecision)


def _logprobs(data) -> SimpleNamespace | None:
    """The response's logprobs with attribute access, as `value_probability` reads them."""
    tokens = (data or {}).get("content") if isinstance(data, dict) else None
    if not tokens:
        return None
    return SimpleNamespace(
        content=[SimpleNamespace(token=t.get("token", ""), logprob=t.get("logprob", 0.0)) for t in tokens]
    )


class _NoRoom(Exception):
    """The server's rate limits left no room for this call in time."""


def value_probability(logprobs, content: str, key: str) -> float | None:
    """Probability of the tokens that spell the value of `key`, from the server's logprobs.

    Self-reported confidence is known to be overconfident; the label's own token
    probability is a better signal when the server provides it.
    """
    tokens = getattr(logprobs, "content", None)
    if not tokens:
        return None
    try:
        value = json.loads(content)[key]
    except (ValueError, KeyError, TypeError):
        return None
    text = "".join(token.token for token in tokens)
    if text != content:
        return None
    key_at = text.find(f'"{key}"')
    spelled = json.dumps(value)
    start = text.find(spelled, key_at)
    if key_at < 0 or start < 0:
        return None
    # The span of the value's characters, without the quotes of a string.
    quoted = spelled.startswith('"')
    start, end = start + quoted, start + len(spelled) - quoted
    total, offset = 0.0, 0
    for token in tokens:
        token_end = offset + len(token.token)
        if token_end > start and offset < end:
            total += token.logprob
        offset = token_end
    return math.exp(total)


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _content_and_usage(body: str) -> tuple[str, object]:
    """The message text and token usage from a raw response body, whatever its state."""
    try:
        data = json.loads(body)
        message = data["choices"][0]["message"]
        content = message.get("content") or message.get("refusal") or ""
        usage = data.get("usage") or {}
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return body[:10_000], None
    return content, SimpleNamespace(
        prompt_tokens=usage.get("prompt_tokens"), completion_tokens=usage.get("completion_tokens")
    )
