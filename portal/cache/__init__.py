"""The cache: Redis that never fails a request, and rendered fragments kept until the data they show changes."""
