"""Warm processes: load at start what the first request or task would otherwise wait for.

A fresh cluster took 5-9 s over its first ticket because each worker loaded the engine
then. Workers now build the engine (the local model and whatever it loads with it; the
LLM client and its connection pool) when django-q2 spawns them. The web warms only what
its requests use, the language detector and the guards: it loads no model until a
staff member asks for a triage.
"""

import logging
import time

logger = logging.getLogger(__name__)

SAMPLE = "Warm-up: I was charged twice, please refund my card ending 4242."


def web_warm() -> None:
    """What every POST /tickets/ uses. Opens no database or Redis connection, so it is safe
    to run in gunicorn's master before it forks the workers."""
    # Imported here: importing this module (at every Django start) must stay cheap.
    from ai_engine import language_warm
    from tickets.screening import screen

    language_warm()
    screen(SAMPLE)


def worker_warm(**_signal_kwargs) -> None:
    """The engine a triage task will use, built once for the process (django-q2 `post_spawn`).

    Tasks run inline (`sync`, as in tests) send the signal too, from a process that is no
    worker: nothing to warm there."""
    from django_q.conf import Conf

    global _worker_warmed
    if _worker_warmed or Conf.SYNC:
        return
    _worker_warmed = True
    from django.conf import settings

    from ai_engine import EngineError, embedding_warm
    from tickets.services.engine import engine_get

    started = time.perf_counter()
    web_warm()
    try:
        engine = engine_get()
    except EngineError as exc:  # the first ticket will say so, routed to review
        logger.warning("worker warm-up: no engine: %s", exc)
        return
    except Exception:  # the database down, say: a warm-up never stops a worker from starting
        logger.exception("worker warm-up failed; the first ticket builds the engine")
        return
    if engine.name != "openai":  # it runs the local model, and with it the sentence embedder
        try:
            embedding_warm(settings.AI_EMBEDDING_THREADS)
        except Exception:  # a warm-up never stops a worker: the first ticket loads it instead
            logger.exception("worker warm-up: the embedder did not load")
    logger.info("worker warm in %.0f ms", (time.perf_counter() - started) * 1000)


_worker_warmed = False
