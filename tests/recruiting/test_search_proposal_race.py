"""Two "Propose to the editors" posts of one search at the same moment (a double submit): the second waits for the
first's lock on the search, then finds the copy it froze, and the editors get one proposal."""

import threading

import pytest
from django.db import connection, transaction

from recruiting.models import SearchProposal
from recruiting.services.searches import Requirement, create_search, propose_search
from tests.factories import ChecklistItemFactory, UserFactory
from tests.skills.test_recompute_race import in_a_thread, wait_for_a_blocked_writer

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_proposals_of_one_search_at_once_make_one_proposal():
    if connection.vendor != "postgresql":
        pytest.skip("The race is staged by holding row locks, as the real requests do: PostgreSQL's row locks.")
    owner = UserFactory()
    search = create_search(
        owner=owner,
        title="Lakehouse platform engineer",
        requirements=[Requirement(item=ChecklistItemFactory(), min_level=3, is_must_have=True)],
    )
    holding, failures = threading.Event(), []

    def propose_and_hold_the_search() -> None:
        try:
            with transaction.atomic():
                propose_search(owner=owner, search=search, note="Often asked.")
                holding.set()
                wait_for_a_blocked_writer()  # the other post waits for the search until this one commits
        finally:
            holding.set()

    first = in_a_thread(propose_and_hold_the_search, failures)
    assert holding.wait(10)
    propose_search(owner=owner, search=search, note="Often asked.")
    first.join(20)
    assert not failures
    assert list(SearchProposal.objects.values_list("note", "replaced_at")) == [("Often asked.", None)]
