"""Privacy: who sees an engineer as whom (identity, pseudonyms), share links, and the engineer's own data."""
