import phonenumbers
import pytest
from phonenumbers import PhoneMetadata

from ai_engine import secrets_find
from ai_engine.sensitive import MIN_PHONE_DIGITS


def _shortest_valid_number_digits() -> int:
    """Country code plus the shortest national number any numbering plan allows."""
    shortest = 10  # a number without a country code is read as American
    for region in phonenumbers.SUPPORTED_REGIONS:
        metadata = PhoneMetadata.metadata_for_region(region)
        for desc in (metadata.fixed_line, metadata.mobile, metadata.toll_free, metadata.voip, metadata.uan):
            lengths = [n for n in (desc.possible_length if desc else ()) if n > 0]
            if lengths:
                shortest = min(shortest, len(str(metadata.country_code)) + min(lengths))
    return shortest


def test_texts_skipped_by_the_digit_count_cannot_hold_a_valid_phone_number():
    assert _shortest_valid_number_digits() >= MIN_PHONE_DIGITS


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Call me on +49 30 901820 after five", ["phone_number"]),
        ("Ring (415) 555-2671 please", ["phone_number"]),
        ("Ticket 12 of project 345: export fails", []),
        ("Card 4111 1111 1111 1111, call +44 20 7946 0958", ["card_number", "phone_number"]),
    ],
)
def test_phone_numbers_are_found_and_short_digit_runs_are_not(text, kinds):
    assert [finding.kind for finding in secrets_find(text)] == kinds


def test_secrets_alone_leave_phone_numbers_out_and_keep_every_secret():
    text = "Card 4111 1111 1111 1111, password: hunter22!, call +44 20 7946 0958"
    assert [f.kind for f in secrets_find(text)] == ["card_number", "password", "phone_number"]
    assert [f.kind for f in secrets_find(text, personal=False)] == ["card_number", "password"]
