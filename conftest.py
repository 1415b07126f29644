"""Fixtures shared by every test module."""

import fcntl
from functools import partial

import pytest
from django.conf import settings

from ai_engine import local_model_is_starter_only, local_model_train
from ai_engine.tests.small_models import embedding_cache_copy, train_on_every_fourth_starter_row


@pytest.fixture(scope="session", autouse=True)
def trained_local_model():
    """Train the local engine once from the starter examples; again only when they change.

    Parallel test workers (pytest-xdist) share the file: the first one to take the lock
    trains, the others wait for it and find the model up to date.
    """
    path = settings.AI_LOCAL_MODEL_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not local_model_is_starter_only(path):
            local_model_train([], path)
    return path


@pytest.fixture
def quarter_of_starter_rows(monkeypatch, trained_local_model):
    """Training inside a test reads every fourth starter example: the same training at a
    quarter of its cost (the session's model, trained once above, has them all). Returns a
    function that copies the session's embedding cache into a directory a test trains in.
    """
    train_on_every_fourth_starter_row(monkeypatch)
    return partial(embedding_cache_copy, trained_local_model.parent)
