import numpy as np

from ai_engine.distinctive_words import DistinctiveWords

SENTENCES = [
    "A workspace owner can close the whole workspace in Settings > Workspace.",
    "Admins invite members and change member roles in Settings > Members.",
    "The workspace owner transfers ownership in Settings > Workspace.",
    "A cancelled workspace moves to the Free plan.",
    "Thank you for the kind words about Cloudnest.",
]
# "workspace" is in three of the four policies, "invite" in one.
OWNERS = np.array([0, 1, 1, 2, 3])


def test_a_word_one_policy_uses_outweighs_one_every_policy_shares():
    scores = DistinctiveWords(SENTENCES, OWNERS).scores("How do I invite a colleague to our workspace?")

    assert scores[1] > scores[0]


def test_thanks_and_greetings_tell_nothing():
    scores = DistinctiveWords(SENTENCES, OWNERS).scores("Hello, thanks a lot! Kind regards")

    assert scores.tolist() == [0.0] * len(SENTENCES)
