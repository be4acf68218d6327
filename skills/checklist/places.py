"""Where a plain post of the checklist or of a learning path lands, and where its outcome shows: the ids of an
item's checklist row and of its place on a learning path (portal.placed_messages carries the outcome there)."""

ROW_PLACE = "item-row-"
PATH_PLACE = "path-item-"


def row_place(item_id: int) -> str:
    """A checklist row's id."""
    return f"{ROW_PLACE}{item_id}"


def path_place(item_id: int) -> str:
    """An item's id on a learning path."""
    return f"{PATH_PLACE}{item_id}"
