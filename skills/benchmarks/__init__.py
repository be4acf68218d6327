"""Benchmarks: where an engineer's levels stand among the engineers who count in, and the market's demand against
their supply; aggregates only, never a person (see :mod:`skills.benchmarks.disclosure`)."""
