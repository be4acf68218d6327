"""One list of texts for every spreadsheet export: each must go out quoted, or untouched."""

# One per sign a spreadsheet reads as the start of a formula (portal.guards.spreadsheets.FORMULA_PREFIXES).
FORMULA_PAYLOADS = ('=HYPERLINK("http://evil")', "+31 6", "-2+3", "@SUM(A1)", "\tx", "\rx")
# Formula signs that do not start the text are harmless.
HARMLESS_TEXTS = ("Spark + Kafka", "Den Haag - Centrum", "Lead (a=b)")
# A control character no workbook can hold, hiding the formula sign behind it: dropped, then quoted.
HIDDEN_FORMULA = '\x01=HYPERLINK("http://evil")'
