"""The local engine's model: training, the safe file format, calibrated output."""

import numpy as np
import pytest

from ai_engine import local_model
from ai_engine.local_engine import LocalEngine
from ai_engine.starter import as_examples, is_heldout, starter_rows
from ai_engine.types import PolicyText, TicketText

POLICIES = [
    PolicyText(
        "billing-invoices", "Invoices and receipts", "Invoices are in Settings > Billing.", ("billing",)
    ),
    PolicyText("billing-refunds", "Refunds", "Annual plans are refundable within 14 days.", ("billing",)),
    PolicyText("account-password-reset", "Password resets", "Use Forgot password.", ("account",)),
]


@pytest.fixture(scope="module")
def model():
    return local_model.train(as_examples(starter_rows()))


def test_starter_examples_cover_every_intent_and_priority_with_at_least_600_rows():
    rows = starter_rows()

    assert len(rows) >= 600
    assert {r["intent"] for r in rows} == {
        "billing",
        "technical_issue",
        "account",
        "general_question",
        "unknown",
    }
    assert {r["priority"] for r in rows} == {"low", "medium", "high"}
    assert 0.15 < sum(is_heldout(r) for r in rows) / len(rows) < 0.25


def test_saved_model_loads_to_identical_predictions_and_records_its_data(model, tmp_path):
    path = tmp_path / "model.npz"
    local_model.save(model, path)

    loaded = local_model.load(path)

    texts = ["Where are my invoices?", "The app is down for everyone!", "Win a free cruise"]
    for got, expected in zip(loaded.predict(texts), model.predict(texts), strict=True):
        assert (got[0], got[2]) == (expected[0], expected[2])
        assert got[1] == pytest.approx(expected[1], abs=1e-5)
    assert loaded.meta["data_hash"] == local_model.data_hash(as_examples(starter_rows()))
    assert loaded.meta["version"].startswith("local-")


def test_training_is_deterministic(model):
    again = local_model.train(as_examples(starter_rows()))

    texts = ["I was charged twice this month", "How do I reset my password?"]
    assert again.predict(texts) == model.predict(texts)


def test_a_model_file_carrying_pickled_objects_is_refused(tmp_path):
    path = tmp_path / "evil.npz"
    np.savez(path, meta=np.array([{"format": 1}], dtype=object))

    with pytest.raises(local_model.ModelFileError, match="unreadable"):
        local_model.load(path)


def test_missing_model_file_says_how_to_make_one(tmp_path):
    with pytest.raises(local_model.ModelFileError, match="train_engine"):
        local_model.load(tmp_path / "absent.npz")


def test_probabilities_are_a_distribution(model):
    _, confidence, _, probabilities = model.predict(["My card was charged twice"])[0]

    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert confidence == max(probabilities.values())


def test_suggestion_is_a_reply_citing_the_best_matching_policy_for_the_intent(model):
    engine = LocalEngine(model)

    result = engine.decide(
        TicketText("Invoice copy", "Please send me a PDF copy of last month's invoice."), POLICIES
    )

    assert result.decision.intent == "billing"
    assert result.decision.policy_ids == ["billing-invoices"]
    assert result.decision.suggestion.startswith("Hello")
    assert "Settings > Billing" in result.decision.suggestion


def test_unknown_intent_cites_no_policy(model):
    result = LocalEngine(model).decide(
        TicketText("You won!", "Claim your lottery prize now, click here"), POLICIES
    )

    assert result.decision.intent == "unknown"
    assert result.decision.policy_ids == []


def test_same_ticket_gives_the_same_decision(model):
    engine = LocalEngine(model)
    ticket = TicketText("Export", "How do I export my data?")

    assert engine.decide(ticket, POLICIES).decision == engine.decide(ticket, POLICIES).decision


def test_auto_engine_is_openai_with_a_key_and_local_without(tmp_path, model):
    from ai_engine.engines import EngineConfig, EngineNotConfigured, engine_build

    path = tmp_path / "m.npz"
    local_model.save(model, path)
    config = EngineConfig("auto", "", None, "m", "triage-v1", 5, 0, 1, path, 0.8)

    assert engine_build(config).name == "local"
    assert engine_build(EngineConfig(**{**config.__dict__, "openai_api_key": "k"})).name == "openai"
    with pytest.raises(EngineNotConfigured, match="OPENAI_SECRET"):
        engine_build(config, "cascade")
