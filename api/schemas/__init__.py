"""Typed shapes of everything the API reads and writes; they are also what /api/openapi.json documents.

One shape per concept, shared by every endpoint that shows it: ``common`` (errors, paging), ``catalog``,
``checklist`` (items, levels, roles and how an engineer meets them), ``vacancies``, ``candidates`` (recruiters).
"""
