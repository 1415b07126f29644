"""The novelty signal: how unlike the training rows a ticket is."""

import numpy as np

from ai_engine.novelty import BLOCK_ROWS, Novelty, novelty_fit


def _unit_rows(generator, n: int, dims: int = 128) -> np.ndarray:
    rows = generator.standard_normal((n, dims)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_stopping_at_the_first_close_block_gives_the_familiarity_of_every_row_compared():
    generator = np.random.default_rng(0)
    references = _unit_rows(generator, 3 * BLOCK_ROWS + 17)
    # Near copies of training rows from the first and the last block, and unlike ones.
    near = references[[3, len(references) - 2]] + 0.05 * _unit_rows(generator, 2)
    tickets = np.vstack([near / np.linalg.norm(near, axis=1, keepdims=True), _unit_rows(generator, 200)])
    novelty = Novelty(references, floor=0.3, ceiling=0.45)

    every_row = (tickets @ references.T).max(axis=1)
    expected = np.clip((every_row - 0.3) / (0.45 - 0.3), 0.0, 1.0)

    familiarity = novelty.familiarity(tickets)
    assert np.allclose(familiarity, expected, atol=1e-6)
    assert familiarity[:2].tolist() == [1.0, 1.0]
    assert 0 < (familiarity < 1).sum() < len(tickets)  # both kinds are in the test


def test_training_rows_are_kept_most_often_nearest_first_with_the_same_bounds():
    generator = np.random.default_rng(1)
    hub = _unit_rows(generator, 1)
    # Twenty rows close to the hub (each other's nearest is the hub or a sibling), and others.
    siblings = hub + 0.2 * _unit_rows(generator, 20)
    rows = np.vstack(
        [_unit_rows(generator, 50), siblings / np.linalg.norm(siblings, axis=1, keepdims=True), hub]
    )
    intents = ["billing"] * len(rows)

    novelty = novelty_fit(rows, intents)

    assert np.allclose(novelty.references[0], hub[0], atol=1e-3)  # the hub leads
    assert sorted(map(tuple, novelty.references.round(3))) == sorted(
        map(tuple, rows.astype(np.float16).astype(np.float32).round(3))
    )
