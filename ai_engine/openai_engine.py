"""The LLM engine, through the official OpenAI SDK (any OpenAI-compatible server).

Every failure mode (refusal, truncation, content filter, HTTP error, timeout,
invalid JSON, schema violation, citing a policy that does not exist) becomes an
EngineResult with an error: callers never see an exception from here.
"""

import json
import logging
import math
import time
from types import SimpleNamespace

import openai
import pydantic

from ai_engine.errors import DecisionRejected
from ai_engine.policy_match import policies_relevant
from ai_engine.prompts import Prompt, render_messages
from ai_engine.schema import TriageDecision, decision_from_json, describe_validation_error
from ai_engine.sensitive import secrets_mask
from ai_engine.types import EngineResult, EngineRun, PolicyText, TicketText

logger = logging.getLogger(__name__)

MAX_COMPLETION_TOKENS = 800


class OpenAIEngine:
    name = "openai"

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
    ):
        self.model_name = model
        self.prompt = prompt
        self.seed = seed
        # The SDK retries 408/409/429/5xx and connection errors with exponential backoff.
        self.client = openai.OpenAI(
            api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries
        )

    def run(self, ticket: TicketText, policies: list[PolicyText]) -> EngineRun:
        return EngineRun((self._decide(ticket, policies),))

    def run_many(self, tickets: list[TicketText], policies: list[PolicyText]) -> list[EngineRun]:
        return [self.run(ticket, policies) for ticket in tickets]

    def _decide(self, ticket: TicketText, policies: list[PolicyText]) -> EngineResult:
        started = time.perf_counter()
        known = frozenset(p.key for p in policies)
        # Secrets and personal data never leave for a third-party model.
        ticket = TicketText(secrets_mask(ticket.subject), secrets_mask(ticket.body), ticket.language)
        raw_output, usage = "", None

        def failed(reason: str) -> EngineResult:
            return self._result(None, reason, raw_output, usage, started)

        try:
            # with_raw_response keeps the response text, so output that fails to
            # parse is still recorded in the decision log.
            response = self.client.chat.completions.with_raw_response.parse(
                model=self.model_name,
                messages=render_messages(self.prompt, ticket, policies_relevant(ticket, policies)),
                response_format=TriageDecision,
                temperature=0,
                seed=self.seed,
                store=False,
                logprobs=True,
                max_completion_tokens=MAX_COMPLETION_TOKENS,
            )
        except openai.APITimeoutError:
            return failed("timeout: the model did not answer in time")
        except openai.APIConnectionError as exc:
            return failed(f"connection: {_short(str(exc))}")
        except openai.APIStatusError as exc:
            return failed(f"http {exc.status_code}: {_short(exc.message)}")
        except openai.OpenAIError as exc:
            return failed(f"error: {_short(str(exc))}")

        raw_output, usage = _content_and_usage(response.text)
        try:
            completion = response.parse()
        except openai.LengthFinishReasonError:
            return failed("truncated: the model hit its token limit")
        except openai.ContentFilterFinishReasonError:
            return failed("content_filter: the provider's filter blocked the output")
        except pydantic.ValidationError as exc:
            return failed(f"schema: {_short(describe_validation_error(exc))}")
        except (openai.OpenAIError, ValueError) as exc:
            return failed(f"error: {_short(str(exc))}")

        choice = completion.choices[0]
        message = choice.message
        usage = completion.usage or usage
        if message.refusal:
            raw_output = message.refusal
            return failed(f"refusal: {_short(message.refusal)}")
        if not raw_output:
            return failed("empty: the model returned no content")
        # The SDK parsed leniently; validate again strictly, with the grounding check.
        try:
            decision = decision_from_json(raw_output, known_policy_ids=known)
        except DecisionRejected as exc:
            return failed(f"schema: {exc}")
        result = self._result(decision, "", raw_output, usage, started)
        intent_p = value_probability(choice.logprobs, raw_output, "intent")
        resolvable_p = value_probability(choice.logprobs, raw_output, "resolvable")
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

    def _result(self, decision, error, raw_output, usage, started) -> EngineResult:
        if error:
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
        )


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
