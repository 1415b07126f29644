"""Training the local engine: the entry points other apps call."""

from pathlib import Path

from ai_engine import local_model
from ai_engine.starter import as_examples, starter_rows

EMBEDDING_CACHE_NAME = "embedding_cache.npz"


def local_model_train(rows: list[dict], path: Path, *, stacked: bool = True) -> dict:
    """Train on the starter examples plus `rows` ({subject, body, intent, priority, resolvable}) and save.

    `stacked=False` trains TF-IDF alone, without sentence embeddings (for comparisons).
    Returns the model's metadata (version, data hash, example counts). Raises ValueError
    when the rows cannot train a model.
    """
    starter = starter_rows()
    # Embedding the starter rows is most of the training time; they are cached beside the model.
    cache = path.parent / EMBEDDING_CACHE_NAME
    model = local_model.train(as_examples(starter + list(rows)), stacked=stacked, embedding_cache=cache)
    local_model.save(model, path)
    return {**model.meta, "starter_examples": len(starter)}


def local_model_usable(path: Path) -> bool:
    """True when `path` holds a model this version can load (missing, outdated, or trained
    with another sentence embedder: False)."""
    try:
        local_model.load(path)
    except local_model.ModelFileError:
        return False
    return True


def local_model_is_starter_only(path: Path) -> bool:
    """True when `path` holds a loadable model trained on exactly the current starter examples."""
    try:
        model = local_model.load(path)
    except local_model.ModelFileError:
        return False
    return model.stacked and model.meta.get("data_hash") == local_model.data_hash(as_examples(starter_rows()))
