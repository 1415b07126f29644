"""Triage with an LLM: many calls in flight in one worker process, each ticket still claimed once.

A worker process used to wait 300 ms on the model for each ticket, one at a time, so
throughput needed one process (and ~160 MB) per call in flight. Here the task that
receives a ticket keeps up to AI_LLM_CONCURRENCY calls running on a thread pool: it
claims waiting tickets (the one it was given first, then the oldest), and as each call
returns it applies that decision in its own short transaction and claims another.
The threads only wait on the network; every database read and write stays on the
task's thread, and no transaction is open while a call runs.

Time limits nest as before: calls start only within a budget that leaves a full
call (AI_TIMEOUT_SECONDS x (AI_MAX_RETRIES + 1) + 10 s) before Q_TIMEOUT, so the task
ends before django-q would kill it and long before the broker redelivers it.
"""

import logging
import math
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from functools import cache

from django.conf import settings

from ai_engine import EngineError, engine_build
from tickets.models import Ticket
from tickets.routing import routing_config
from tickets.selectors import decisions_reusable, policy_texts
from tickets.services.decisions import triage_apply
from tickets.services.engine import engine_check, engine_config
from tickets.services.proposals import (
    TriagePending,
    TriageProposal,
    triage_call,
    triage_complete,
    triage_pending,
    triage_refused,
    triage_reuse,
)
from tickets.services.triage import ticket_give_up, ticket_release, ticket_triage, tickets_claim

logger = logging.getLogger(__name__)


def triage_concurrently(*, ticket_id) -> str:
    """Triage `ticket_id` and whatever else waits, with concurrent LLM calls. Safe to repeat.

    Engines that do not wait on a server (the local model) triage the one ticket as before.
    """
    try:
        engine = engine_build(engine_config())
    except EngineError:
        return ticket_triage(ticket_id=ticket_id)  # routes the ticket to review with the reason
    if not engine.calls_network:
        return ticket_triage(ticket_id=ticket_id)
    return _Batch(engine).run(first_ticket_id=ticket_id)


def claim_budget_seconds() -> float:
    """How long a task may keep starting calls and still finish inside Q_TIMEOUT."""
    worst_call = settings.AI_TIMEOUT_SECONDS * (settings.AI_MAX_RETRIES + 1) + 10
    return max(0.0, settings.Q_TIMEOUT - worst_call)


def _call_in_time(pending: TriagePending, start_by: float, wait_until: float):
    """The engine call, if it starts by `start_by`; None if it waited in the pool's queue past
    it (behind slow calls), so no call starts that could end after Q_TIMEOUT."""
    if time.monotonic() > start_by:
        return None
    return triage_call(pending, wait_until=wait_until)


@cache
def _pool(size: int) -> ThreadPoolExecutor:
    # One pool per process, as long-lived as the engine and its HTTP connections.
    return ThreadPoolExecutor(max_workers=size, thread_name_prefix="llm-call")


class _Batch:
    def __init__(self, engine):
        self.engine = engine
        # Read once the batch has work, like the routing thresholds: a policy edited or a
        # threshold calibrated meanwhile applies from the next batch.
        self.policies: list | None = None
        self.routing_config = None
        self.limit = settings.AI_LLM_CONCURRENCY
        # More calls are handed to the pool than it runs at once: they wait in its queue, and
        # a thread whose call returns starts the next at once. Otherwise a freed slot waited
        # for this thread to store the decision and claim another ticket (about 20 ms each,
        # in bursts), and the slots were 83% full. With a quarter queued, 64 slots on two busy
        # cores still ran dry (87% full); with half, 92%. The pool's size still caps calls in flight.
        self.queued_ahead = max(1, self.limit // 2)
        # Claims are batched: one short transaction per few freed slots, not one per call.
        self.claim_step = max(1, self.limit // 8)
        self.pool = _pool(self.limit)
        self.deadline = time.monotonic() + claim_budget_seconds()
        self.in_flight: dict[Future, tuple[Ticket, TriagePending]] = {}
        # Tickets whose identical input is being decided right now: they wait for that
        # decision and reuse it, as they would had it been stored before they came.
        self.parked: dict[str, list[Ticket]] = {}
        self.counts: Counter[str] = Counter()

    def run(self, *, first_ticket_id) -> str:
        first = first_ticket_id
        while True:
            # Queued calls only while calls may start: past the budget, only free threads count.
            ahead = self.queued_ahead if time.monotonic() < self.deadline else 0
            room = self.limit + ahead - len(self.in_flight)
            # The given ticket is always taken: a call started now ends inside Q_TIMEOUT.
            may_claim = first is not None or time.monotonic() < self.deadline
            if may_claim and room >= (self.claim_step if self.in_flight else 1):
                claimed = tickets_claim(first_ticket_id=first, limit=room)
                first = None
                if claimed and self._usable(claimed):
                    self._start(claimed)
            if not self.in_flight:
                break
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                ticket, pending = self.in_flight.pop(future)
                self._finish(ticket, pending, future.result())
        return ", ".join(f"{n} {what}" for what, n in sorted(self.counts.items())) or "nothing to triage"

    def _usable(self, claimed: list[Ticket]) -> bool:
        """Read the policies and check the prompt once the batch has work (a task whose
        ticket is already taken costs one claim query). An edited prompt sends to review."""
        if self.policies is not None:
            return True
        try:
            engine_check(self.engine)
        except EngineError as exc:
            for ticket in claimed:
                self._apply(
                    ticket, triage_refused(ticket=ticket, engine_name=self.engine.name, error=str(exc))
                )
            self.deadline = 0.0  # claim nothing more
            return False
        self.policies, self.routing_config = policy_texts(), routing_config()
        return True

    def _start(self, tickets: list[Ticket]) -> None:
        fresh = []
        for ticket in tickets:
            if ticket.triage_attempts > settings.TRIAGE_MAX_ATTEMPTS:
                ticket_give_up(ticket=ticket)
                self.counts["given up"] += 1
            else:
                pending = triage_pending(
                    ticket=ticket, engine=self.engine, policies=self.policies, config=self.routing_config
                )
                fresh.append((ticket, pending))
        stored = decisions_reusable([pending.fingerprint for _, pending in fresh]) if fresh else {}
        for ticket, pending in fresh:
            if pending.fingerprint in stored:  # a stored decision for identical input
                self._apply(ticket, triage_reuse(pending, stored[pending.fingerprint]))
            elif pending.fingerprint in self.parked:
                self.parked[pending.fingerprint].append(ticket)
            else:
                self.parked[pending.fingerprint] = []
                self._submit(ticket, pending)

    def _submit(self, ticket: Ticket, pending: TriagePending) -> None:
        # A call with a free thread starts now (the given ticket always does); one queued
        # behind running calls must start by the deadline.
        start_by = self.deadline if len(self.in_flight) >= self.limit else math.inf
        future = self.pool.submit(_call_in_time, pending, start_by, self.deadline)
        self.in_flight[future] = (ticket, pending)

    def _finish(self, ticket: Ticket, pending: TriagePending, run) -> None:
        if run is None:  # it waited in the pool's queue past the budget: never started
            self._hand_back(ticket, pending, "not started in time, requeued")
            return
        if run.final.rate_limited:
            # The whole process is paused on the rate gate; try again behind it while
            # calls may still start, else hand the ticket (and its twins) back untouched.
            if time.monotonic() < self.deadline:
                self.counts["rate limited, retried"] += 1
                self._submit(ticket, pending)
                return
            self._hand_back(ticket, pending, "rate limited, requeued")
            return
        self._apply(ticket, triage_complete(pending, run))
        # The decision is stored now: the waiting twins reuse it (or, if it failed, ask anew).
        twins = self.parked.pop(pending.fingerprint, [])
        if twins:
            self._start(twins)

    def _hand_back(self, ticket: Ticket, pending: TriagePending, why: str) -> None:
        """Release the ticket and its waiting twins untouched: a later task triages them."""
        for waiting in [ticket, *self.parked.pop(pending.fingerprint, [])]:
            if ticket_release(ticket_id=waiting.pk, claimed_version=waiting.version):
                self.counts[why] += 1

    def _apply(self, ticket: Ticket, proposal: TriageProposal) -> None:
        try:
            outcome = triage_apply(ticket_id=ticket.pk, proposal=proposal, claimed_version=ticket.version)
        except Exception:
            # One bad write must not strand the rest of the batch; this ticket stays
            # claimed and is taken over once its claim is stale (the sweeper queues it).
            logger.exception("applying the triage of ticket %s failed", ticket.pk)
            self.counts["failed"] += 1
            return
        self.counts["routed" if outcome.applied else "superseded"] += 1
