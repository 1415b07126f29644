"""Fixtures shared by every test module."""

import pytest
from django.conf import settings

from ai_engine import local_model_train, local_model_usable


@pytest.fixture(scope="session", autouse=True)
def trained_local_model():
    """Train the local engine once per run from the project's starter examples."""
    path = settings.AI_LOCAL_MODEL_PATH
    if not local_model_usable(path):
        local_model_train([], path)
    return path
