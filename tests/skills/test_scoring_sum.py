"""compute_match sums what each requirement earns in whole units: always the same Fraction as adding up
RequirementSpec.earned(), and so the same score."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from skills.scoring import RequirementSpec, compute_match, score_of

requirement_specs = st.lists(
    st.builds(
        RequirementSpec,
        item_id=st.integers(1, 12),
        min_level=st.integers(1, 4),
        weight=st.integers(1, 5),
        is_must_have=st.booleans(),
    ),
    max_size=15,
)


@given(requirements=requirement_specs, levels=st.dictionaries(st.integers(1, 12), st.integers(0, 4)))
def test_the_sum_in_units_equals_the_sum_of_each_requirements_share(requirements, levels):
    earned = sum((spec.earned(levels.get(spec.item_id, 0)) for spec in requirements), Fraction(0))
    counted = sum(spec.counts for spec in requirements)
    result = compute_match(requirements, levels)
    assert result.earned == earned
    assert result.counted == counted
    assert result.score == score_of(earned, counted)
