"""The embedded engine: offline, deterministic, fast. Wraps a trained LocalModel.

Its reply quotes the few sentences of the best-matching policy that are closest to the
ticket, in the ticket's language: never a policy key or score.
"""

import json
import re
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from ai_engine import embedding, local_model
from ai_engine.distinctive_words import DistinctiveWords
from ai_engine.errors import DecisionRejected, ModelFileError
from ai_engine.language import reply_language
from ai_engine.schema import decision_from_values
from ai_engine.starter import row_text
from ai_engine.types import EngineResult, EngineRun, PolicyText, TicketText

NO_POLICY_REPLY = "No written policy answers this ticket; an agent writes the reply."
# Quoted from the chosen policy: a third sentence carries the asked-for fact often enough
# (bench/replies.py: facts in 89 of 93 replies against 84 with two) to be worth its length.
REPLY_SENTENCES = 3
POLICY_FIT_SENTENCES = 2
# The second counts half: a policy that states the answer in one sentence ("Cloudnest hosts
# data in Frankfurt (EU) or Virginia (US).") lost "Where is our data hosted?" to the export
# policy, two middling sentences about "data". bench/replies.py: the same totals at 0.5 as
# at 1.0 (two no-policy rows cite another wrong policy), the hosting question right.
SECOND_SENTENCE_WEIGHT = 0.5
# How much the words few policies use count beside meaning and character n-grams
# (ai_engine/distinctive_words.py): enough to move "invite ... workspace" to the members
# policy; bench/replies.py unchanged at 0.3, one more wrong reply at 0.5.
DISTINCTIVE_WEIGHT = 0.3
# How much the closeness in meaning of the ticket to a policy's title counts beside its two
# best sentences. A policy may mention a neighbour's topic in one sentence (the refund
# policy says a monthly plan "peut être résilié à tout moment"), and then won "comment
# annuler mon abonnement ?" from the cancellation policy; the title says what the policy
# is about. bench/replies.py (the set the weight was chosen on): right policy 100 -> 101
# of 115, wrong auto-resolved replies 2 -> 1 of 46; the same at 0.5, worse at 0.8 and 1.0.
TITLE_WEIGHT = 0.7
# With sentence embeddings, the policy and its sentences are chosen by meaning (cosine of
# the embeddings) plus shared character n-grams (TF-IDF, so "invite" meets "invitent");
# by shared words alone a price question got the Enterprise sentence and a German
# question about members the cancellation policy. A policy is cited only when one of its
# sentences is at least this close in meaning: below it the ticket is about something
# no policy covers, and it goes to a person without a suggested policy. ("Comment inviter
# un collègue ?" came closest, 0.23, to closing the workspace; the encoder does not see
# "inviter" in "Les administrateurs invitent des membres". Answered questions: 0.26-0.61.)
MIN_POLICY_SIMILARITY = 0.25
# What the engine keeps of the active policies, per reply language: their sentences'
# embeddings, character n-grams and distinctive words, their titles' embeddings. Four
# languages take 16 entries; the limit was 8, so a worker answering English, German,
# Spanish and French tickets emptied it on every ticket and embedded the 104 policy
# sentences again (about 180 ms each time). 64 keeps several versions of the policy set.
POLICY_CACHE_ENTRIES = 64
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


# Small caches: a retrained file has a new mtime, and old models must not pile up.
@lru_cache(maxsize=2)
def _load_cached(path: Path, mtime: float) -> local_model.LocalModel:
    return local_model.load(path)


@lru_cache(maxsize=2)
def _engine_cached(path: Path, mtime: float) -> "LocalEngine":
    return LocalEngine(_load_cached(path, mtime))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError as exc:
        raise ModelFileError(f"{path}: no local model; run `python manage.py train_engine`") from exc


def model_load(path: Path) -> local_model.LocalModel:
    """Load once per process; a retrained file (new mtime) is picked up automatically."""
    return _load_cached(path, _mtime(path))


def local_engine_load(path: Path) -> "LocalEngine":
    """One engine per model file and process, so its policy vectors stay cached between tickets."""
    return _engine_cached(path, _mtime(path))


def _best_fitting_policy(
    owners: np.ndarray, score: np.ndarray, title_bonus: np.ndarray
) -> tuple[int, float | None]:
    """The policy whose best POLICY_FIT_SENTENCES sentences score highest on average (the
    second weighted by SECOND_SENTENCE_WEIGHT), plus its `title_bonus` (indexed by policy),
    and how far its fit is ahead of the next policy's (None when it is the only one).

    By its single best sentence a policy won on one sentence sharing a word with the
    ticket (bench/replies.py): "how do I invite a colleague" got account deletion (its
    sentence naming Settings > Workspace), a lockout question the password policy. One
    sort, no loop over policies: this runs for every ticket. Ties go to the earlier policy.
    """
    order = np.lexsort((-score, owners))  # by policy, then best sentence first
    owners, score = owners[order], score[order]
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    group = np.cumsum(np.r_[False, owners[1:] != owners[:-1]])  # 0, 0, 1, 1, 1, 2, ...
    rank = np.arange(len(owners)) - starts[group]  # 0 for a policy's best sentence
    top = rank < POLICY_FIT_SENTENCES
    weight = np.where(rank == 0, 1.0, SECOND_SENTENCE_WEIGHT)[top]
    fit = np.bincount(group[top], weights=score[top] * weight) / np.bincount(group[top], weights=weight)
    fit += title_bonus[owners[starts]]
    best = int(np.argmax(fit))
    margin = float(fit[best] - np.delete(fit, best).max()) if len(fit) > 1 else None
    return int(owners[starts[best]]), margin


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


class LocalEngine:
    name = "local"
    prompt = None
    calls_network = False

    def __init__(self, model: local_model.LocalModel):
        self.model = model
        self.model_name = model.meta["version"]
        self._policy_vectors: dict[tuple, object] = {}

    def run(self, ticket: TicketText, policies: list[PolicyText]) -> EngineRun:
        return self.run_many([ticket], policies)[0]

    def run_many(self, tickets: list[TicketText], policies: list[PolicyText]) -> list[EngineRun]:
        """One vectorisation for many tickets (evaluation, benchmarks)."""
        started = time.perf_counter()
        texts = [row_text(t.subject, t.body) for t in tickets]
        vectors = self.model.vectorise(texts)
        predictions = self.model.predict_vectors(vectors)
        per_ticket_ms = (time.perf_counter() - started) * 1000 / max(len(tickets), 1)
        known = frozenset(p.key for p in policies)
        languages = [reply_language(t.language) for t in tickets]
        if vectors.embeddings is not None:
            shared = self._shared_ngrams(vectors.chars, languages, policies)
        runs = []
        for row, (language, prediction) in enumerate(zip(languages, predictions, strict=True)):
            margin = None
            if vectors.embeddings is not None:
                policy, reply, margin = self._answer_by_meaning(
                    prediction.intent, policies, vectors.embeddings[row], shared[row], language, texts[row]
                )
            else:
                policy = self._best_policy(prediction.intent, policies, vectors.words[row], language)
                reply = self._reply(policy, vectors.words[row], language) if policy else ""
            resolvable = prediction.resolvable_probability >= 0.5
            resolvable_right = (
                prediction.resolvable_probability if resolvable else 1 - prediction.resolvable_probability
            )
            # The chance that both answers are right; the heads are trained separately,
            # so their product is the estimate (calibrated per head by temperature).
            joint = round(prediction.intent_probability * resolvable_right, 6)
            values = {
                "intent": prediction.intent,
                "priority": prediction.priority,
                "confidence": joint,
                "resolvable": resolvable,
                "suggestion": reply or NO_POLICY_REPLY,
                "policy_ids": [policy.key] if policy else [],
            }
            result = self._result(values, known, per_ticket_ms, prediction.resolvable_probability, margin)
            runs.append(EngineRun((result,)))
        return runs

    def _policy_vectors_for(self, policies: list[PolicyText], language: str):
        key = (language, tuple((p.key, p.in_language(language)) for p in policies))
        if key not in self._policy_vectors:
            if len(self._policy_vectors) > POLICY_CACHE_ENTRIES:  # admin edits replace the set
                self._policy_vectors.clear()
            self._policy_vectors[key] = self.model.word.transform(
                ["\n".join(p.in_language(language)) for p in policies]
            )
        return self._policy_vectors[key]

    def _sentence_vectors_for(self, policies: list[PolicyText], language: str):
        """Every policy sentence in `language` with its policy's index, and their embeddings."""
        key = ("sentences", language, tuple((p.key, p.in_language(language)) for p in policies))
        if key not in self._policy_vectors:
            if len(self._policy_vectors) > POLICY_CACHE_ENTRIES:  # admin edits replace the set
                self._policy_vectors.clear()
            owners, sentences = [], []
            for index, policy in enumerate(policies):
                for sentence in _sentences(policy.in_language(language)[1]):
                    owners.append(index)
                    sentences.append(sentence)
            self._policy_vectors[key] = (np.array(owners), sentences, embedding.embed(sentences))
        return self._policy_vectors[key]

    def _shared_ngrams(self, chars, languages: list[str], policies: list[PolicyText]) -> list[np.ndarray]:
        """Per ticket: its character n-gram similarity to every policy sentence in its reply
        language. One sparse product per language for the whole batch, not one per ticket."""
        out: list[np.ndarray] = [np.zeros(0)] * len(languages)
        for language in set(languages):
            rows = [i for i, lang in enumerate(languages) if lang == language]
            sentences = self._sentence_vectors_for(policies, language)[1]
            scores = (chars[rows] @ self._sentence_words_for(sentences)).toarray()
            for row, score in zip(rows, scores, strict=True):
                out[row] = score
        return out

    def _answer_by_meaning(
        self, intent, policies, ticket_vector, shared_ngrams, language, text
    ) -> tuple[PolicyText | None, str, float | None]:
        """The policy of the intent whose quotable sentences are closest to the ticket, by
        meaning (sentence embeddings) and by shared character n-grams (TF-IDF) together, its
        sentences closest the same way, in their order, and its lead over the next policy.
        None when no sentence is close in meaning."""
        candidates = {i for i, p in enumerate(policies) if intent in p.intents}
        if not candidates or intent == "unknown":
            return None, "", None
        owners, sentences, matrix = self._sentence_vectors_for(policies, language)
        meaning = matrix @ ticket_vector
        distinctive = self._distinctive_words_for(sentences, owners).scores(text)
        score = meaning + shared_ngrams + DISTINCTIVE_WEIGHT * distinctive
        mine = np.array([owner in candidates for owner in owners])
        if not mine.any() or meaning[mine].max() < MIN_POLICY_SIMILARITY:
            return None, "", None
        titles = self._title_vectors_for(policies, language)
        best, margin = _best_fitting_policy(
            owners[mine], score[mine], TITLE_WEIGHT * (titles @ ticket_vector)
        )
        own = np.flatnonzero(owners == best)
        # The policy's first sentence states its main fact ("Cloudnest supports the latest
        # two versions of Chrome, ..."); chosen by score alone it lost to "Internet Explorer
        # is not supported" for "which browsers do you support?". Then the closest others.
        # Stable: equal scores keep the earlier sentence, so replies never flicker.
        rest = own[1:]
        closest = rest[np.argsort(-score[rest], kind="stable")[: REPLY_SENTENCES - 1]]
        chosen = sorted([own[0], *closest])
        return policies[best], " ".join(sentences[i] for i in chosen), margin

    def _title_vectors_for(self, policies: list[PolicyText], language: str) -> np.ndarray:
        """Each policy's title in `language`, embedded (one row per policy)."""
        key = ("titles", language, tuple((p.key, p.in_language(language)[0]) for p in policies))
        if key not in self._policy_vectors:
            self._policy_vectors[key] = embedding.embed([p.in_language(language)[0] for p in policies])
        return self._policy_vectors[key]

    def _distinctive_words_for(self, sentences: list[str], owners) -> DistinctiveWords:
        key = ("distinctive", tuple(sentences))
        if key not in self._policy_vectors:
            self._policy_vectors[key] = DistinctiveWords(sentences, owners)
        return self._policy_vectors[key]

    def _sentence_words_for(self, sentences: list[str]):
        """The sentences' character n-gram TF-IDF vectors as columns (cached with their
        embeddings). Transposed once here: SciPy converted the transpose on every product,
        about 0.1 ms a ticket."""
        key = ("words", tuple(sentences))
        if key not in self._policy_vectors:
            self._policy_vectors[key] = self.model.char.transform(sentences).T.tocsr()
        return self._policy_vectors[key]

    def _best_policy(self, intent, policies, ticket_vector, language) -> PolicyText | None:
        candidates = [i for i, p in enumerate(policies) if intent in p.intents]
        if not candidates or intent == "unknown":
            return None
        similarity = (self._policy_vectors_for(policies, language) @ ticket_vector.T).toarray().ravel()
        # Ties (no shared words) fall back to the first policy by key: deterministic.
        best = max(candidates, key=lambda i: (similarity[i], -i))
        return policies[best]

    def _reply(self, policy: PolicyText, ticket_vector, language: str) -> str:
        """The policy sentences closest to the ticket, in their original order."""
        sentences = _sentences(policy.in_language(language)[1])
        if len(sentences) <= REPLY_SENTENCES:
            return " ".join(sentences)
        scores = (self.model.word.transform(sentences) @ ticket_vector.T).toarray().ravel()
        # Stable: equal scores keep the earlier sentence, so replies never flicker.
        chosen = sorted(np.argsort(-scores, kind="stable")[:REPLY_SENTENCES])
        return " ".join(sentences[i] for i in chosen)

    def _result(
        self, values: dict, known: frozenset[str], latency_ms: float, resolvable_probability, policy_margin
    ) -> EngineResult:
        raw = json.dumps(values, ensure_ascii=False, sort_keys=True)
        try:
            decision = decision_from_values(values, known_policy_ids=known)
        except DecisionRejected as exc:
            return EngineResult(
                self.name, self.model_name, "", "", None, str(exc), raw, latency_ms=latency_ms
            )
        return EngineResult(
            engine=self.name,
            model=self.model_name,
            prompt_version="",
            prompt_hash="",
            decision=decision,
            raw_output=raw,
            raw_confidence=decision.confidence,
            routing_confidence=decision.confidence,
            resolvable_probability=round(resolvable_probability, 6),
            policy_margin=None if policy_margin is None else round(policy_margin, 6),
            latency_ms=latency_ms,
        )
