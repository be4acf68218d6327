"""Guards: who may do what, hostile input, rate limits per client address, secret tokens, spreadsheet formulas."""
