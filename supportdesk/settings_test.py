"""Settings for the test suite: the real settings, with test-only defaults."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("TICKETS_ANON_RATE", "100000/minute")
os.environ.setdefault("AI_ENGINE", "local")
# The test client speaks plain HTTP; production defaults (redirect to HTTPS) are tested apart.
os.environ.setdefault("HTTPS_ONLY", "false")
os.environ.setdefault("TICKETS_TOKEN_RATE", "100000/minute")

from supportdesk.settings import *  # noqa: F403
from supportdesk.settings import BASE_DIR, Q_CLUSTER

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AI_LOCAL_MODEL_PATH = BASE_DIR / "var" / "test_local_model.npz"
# Tasks run inline in tests that commit; integration tests start real workers.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
