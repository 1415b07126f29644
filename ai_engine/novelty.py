"""How unlike the training data a ticket is, from its sentence embedding.

A linear classifier is confident far from its data as readily as near it: a phishing
mail or a question about another company's product still lands on some intent, often
with a high probability. The novelty signal is the cosine similarity of the ticket's
embedding to its nearest training example with a known intent. Under the floor (rarer
than the 1st percentile of the training examples' own leave-one-out nearest neighbour)
the ticket is unlike anything seen; between floor and ceiling (the 5th percentile)
the engine's belief in a known intent shrinks in proportion, and the mass it loses goes
to `unknown`. Tickets like the training data (95% of it) keep their probabilities.
The ceiling was the 10th percentile; with more (and more alike) starter examples that
bar rose until short in-domain tickets ("L'application plante ...") lost their intent,
while the 5th still sends 97% of out-of-scope questions (CLINC150 oos) to `unknown`.
"""

from dataclasses import dataclass

import numpy as np

FLOOR_PERCENTILE = 1
CEILING_PERCENTILE = 5
UNKNOWN = "unknown"
# Training rows compared at a time. A ticket with a neighbour at or over the ceiling is fully
# familiar whatever the other rows say, so it stops there; the rows are stored most-often-
# nearest first, so most in-domain tickets stop in the first block. Without it one ticket
# streamed every training embedding (8,847 rows, 18 MB, 1.25 ms for a model trained with
# public data added; three times that with all of it).
BLOCK_ROWS = 1024


@dataclass
class Novelty:
    # (n, dims) float32 embeddings of training rows with a known intent; stored as float16,
    # so they are rounded to it from the start and a loaded model predicts like a fresh one.
    references: np.ndarray
    floor: float
    ceiling: float

    def familiarity(self, vectors: np.ndarray) -> np.ndarray:
        """Per row: 0 (unlike any training example) to 1 (like the usual ones)."""
        if len(vectors) == 0:
            return np.zeros(0, np.float32)
        nearest = np.full(len(vectors), -1.0, np.float32)
        open_rows = np.arange(len(vectors))
        for start in range(0, len(self.references), BLOCK_ROWS):
            block = self.references[start : start + BLOCK_ROWS]
            best = (vectors[open_rows] @ block.T).max(axis=1)
            nearest[open_rows] = np.maximum(nearest[open_rows], best)
            open_rows = open_rows[nearest[open_rows] < self.ceiling]
            if len(open_rows) == 0:
                break
        return np.clip((nearest - self.floor) / (self.ceiling - self.floor), 0.0, 1.0)

    def adjusted(self, probabilities: np.ndarray, classes: list[str], vectors: np.ndarray) -> np.ndarray:
        """Intent probabilities with the known intents scaled by familiarity; the rest is `unknown`."""
        if UNKNOWN not in classes:
            return probabilities
        familiarity = self.familiarity(vectors)
        unusual = familiarity < 1.0  # the others keep their probabilities exactly
        known = np.array([c != UNKNOWN for c in classes])
        out = probabilities.copy()
        shrunk = out[unusual]
        shrunk[:, known] *= familiarity[unusual, None]
        shrunk[:, classes.index(UNKNOWN)] += 1.0 - shrunk.sum(axis=1)
        out[unusual] = shrunk
        return out


def novelty_fit(vectors: np.ndarray, intents: list[str]) -> Novelty:
    """Bounds from the training rows' leave-one-out nearest known-intent neighbour."""
    references = vectors[np.array([i != UNKNOWN for i in intents])]
    similarity = references @ references.T
    np.fill_diagonal(similarity, -1.0)
    nearest = similarity.max(axis=1)
    floor, ceiling = np.percentile(nearest, [FLOOR_PERCENTILE, CEILING_PERCENTILE])
    # Most often some row's nearest neighbour first: the first block settles most tickets.
    hubs = np.bincount(similarity.argmax(axis=1), minlength=len(references))
    references = references[np.argsort(-hubs, kind="stable")]
    rounded = references.astype(np.float16).astype(np.float32)
    return Novelty(rounded, float(floor), float(max(ceiling, floor + 1e-3)))
