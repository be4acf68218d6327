"""English on a Dutch portal: day, month, year and a 24-hour clock (27 Nov 2026, 16:00).

The one place, with portal/formats/nl, that decides how dates read; templates name a format
("DATETIME_FORMAT", "SHORT_DATE_FORMAT"…), never a pattern. What is not set here comes from Django's own.
"""

DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
