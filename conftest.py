"""Fixtures shared by every test module."""

import pytest
from django.conf import settings

from ai_engine import local_model
from ai_engine.starter import as_examples, starter_rows


@pytest.fixture(scope="session", autouse=True)
def trained_local_model():
    """Train the local engine once per run from the project's starter examples."""
    path = settings.AI_LOCAL_MODEL_PATH
    if not path.exists():
        local_model.save(local_model.train(as_examples(starter_rows())), path)
    return path
