"""Notices: what each side is told (a contact request came in, was answered, withdrawn; a proposed search was
published), in the portal and by email, as each person chooses per kind. ``services.notify`` is the one place that tells anyone."""
