"""The one-minute start of a new engineer, and where everyone lands after signing in."""
