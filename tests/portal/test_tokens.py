"""The one home of secret tokens: random, stored only as a digest, looked up by that digest."""

from portal.guards import tokens


def test_an_issued_token_is_long_random_and_its_digest_is_what_a_lookup_computes():
    first, second = tokens.issue(), tokens.issue()
    assert len(first.plain) == 43 and first.plain != second.plain
    assert first.digest == tokens.digest(first.plain) != second.digest


def test_the_digest_does_not_contain_the_token():
    secret = tokens.issue()
    assert secret.plain not in secret.digest
    assert len(secret.digest) == 64  # SHA-256 in hex: what the token columns hold
