"""Fixtures shared by every test module."""

import pytest
from django.conf import settings

from ai_engine import local_model_is_starter_only, local_model_train


@pytest.fixture(scope="session", autouse=True)
def trained_local_model():
    """Train the local engine once from the starter examples; again only when they change."""
    path = settings.AI_LOCAL_MODEL_PATH
    if not local_model_is_starter_only(path):
        local_model_train([], path)
    return path
