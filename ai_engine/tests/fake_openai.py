"""A real HTTP server speaking the OpenAI chat-completions protocol, for tests.

Each request takes the next scripted reply (or the default one). It records what
it received, so tests can check what the SDK actually sent over the wire.
"""

import json
import math
import random
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    content: str | None = None
    status: int = 200
    delay: float = 0.0
    finish_reason: str = "stop"
    refusal: str | None = None
    # Probability of each token of the intent value; None: no logprobs in the reply.
    intent_token_probability: float | None = None
    # Probability of the resolvable value's token, when logprobs are sent.
    resolvable_token_probability: float = 0.9999
    error_body: dict = field(default_factory=dict)


def decision_json(**overrides) -> str:
    values = {
        "intent": "general_question",
        "priority": "low",
        "confidence": 0.97,
        "resolvable": True,
        "suggestion": "You can export all projects from Settings > Data > Export.",
        "policy_ids": ["account-data-export"],
    }
    return json.dumps({**values, **overrides})


class FakeOpenAI:
    def __init__(self):
        self.replies: deque[Reply] = deque()
        self.default = Reply(content=decision_json())
        self.requests: list[dict] = []
        # Load knobs for benchmarks: this fraction of requests gets a 429 with this Retry-After.
        self.rate_limit_fraction = 0.0
        self.retry_after = "0"
        self.rate_limited = 0
        # Requests being answered right now, and the most there ever were at once.
        self.in_flight = 0
        self.peak_in_flight = 0
        self._lock = threading.Lock()
        self._random = random.Random(7)
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        # A short poll interval: shutdown() waits up to one interval, once per test.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def start(self) -> "FakeOpenAI":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _next(self) -> Reply:
        return self.replies.popleft() if self.replies else self.default

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            # Keep-alive, as real servers do: a client that reuses its connections is seen to.
            protocol_version = "HTTP/1.1"
            # TCP_NODELAY, as real servers set it. Without it the body, written after the headers,
            # waited for the client's delayed ACK: every reply came 40 ms after its `delay`.
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                request = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(
                    {"path": self.path, "body": request, "at": time.monotonic(), "peer": self.client_address}
                )
                with fake._lock:
                    fake.in_flight += 1
                    fake.peak_in_flight = max(fake.peak_in_flight, fake.in_flight)
                    limited = fake._random.random() < fake.rate_limit_fraction
                    fake.rate_limited += limited
                try:
                    self._answer(request, Reply(status=429) if limited else fake._next())
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

            def _answer(self, request: dict, reply: Reply) -> None:
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.status != 200:
                    payload = reply.error_body or {
                        "error": {"message": f"scripted {reply.status}", "type": "server_error"}
                    }
                    return self._send(reply.status, payload)
                return self._send(200, completion(request, reply))

            def _send(self, status: int, payload: dict) -> None:
                body = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    if status == 429:
                        self.send_header("Retry-After", fake.retry_after)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        return Handler


def completion(request: dict, reply: Reply) -> dict:
    message = {"role": "assistant", "content": reply.content, "refusal": reply.refusal}
    choice = {"index": 0, "message": message, "finish_reason": reply.finish_reason, "logprobs": None}
    if reply.intent_token_probability is not None and reply.content:
        choice["logprobs"] = {
            "content": _token_logprobs(
                reply.content, reply.intent_token_probability, reply.resolvable_token_probability
            )
        }
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "test-model"),
        "choices": [choice],
        "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
        "system_fingerprint": "fp_test",
    }


def _token_logprobs(content: str, intent_probability: float, resolvable_probability: float) -> list[dict]:
    """Tokenise like a real model would (roughly) and give the intent value's tokens and
    the resolvable value's token the scripted probabilities; every other token is near-certain."""
    data = json.loads(content)
    intent = data.get("intent", "")
    value_at = content.find(f'"{intent}"', content.find('"intent"')) + 1
    resolvable = json.dumps(data.get("resolvable"))
    resolvable_at = content.find(resolvable, content.find('"resolvable"'))
    tokens = re.findall(r"[A-Za-z]+|_|\s+|[^\sA-Za-z_]", content)
    out, offset = [], 0
    for token in tokens:
        probability = 0.9999
        if value_at <= offset < value_at + len(intent):
            probability = intent_probability
        elif '"resolvable"' in content and offset == resolvable_at:
            probability = resolvable_probability
        out.append({"token": token, "logprob": math.log(probability), "bytes": None, "top_logprobs": []})
        offset += len(token)
    return out
