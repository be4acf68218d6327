"""Where a plain post of the checklist or of a learning path lands, and where its outcome shows: the ids of an
item's checklist row and of its place on a learning path (portal.placed_messages carries the outcome there)."""

from portal.placed_messages import Place

row_place = Place("item-row-")  # a checklist row's id
path_place = Place("path-item-")  # an item's id on a learning path
