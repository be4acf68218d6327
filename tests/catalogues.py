"""Reading gettext catalogues (.po) without gettext: what tests compare our catalogues and the libraries' with."""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        """What gettext looks a translation up by."""
        return (self.msgctxt, self.msgid, self.msgid_plural)


def po_entries(path: Path) -> list[Entry]:
    """The live entries of a .po file (not the header, not the obsolete ones), strings unescaped as gettext reads them."""
    entries = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        entry, key, values = Entry(), None, {}
        for line in block.splitlines():
            if line.startswith("#,"):
                entry.fuzzy = entry.fuzzy or "fuzzy" in line
            if not line.strip() or line.startswith("#"):
                continue
            match = _LINE.match(line)
            key, text = (match.group(1), match.group(2)) if match else (key, line.strip())
            values[key] = values.get(key, "") + ast.literal_eval(text)
        if values.get("msgid"):
            entry.msgid, entry.msgid_plural, entry.msgctxt = (
                values["msgid"],
                values.get("msgid_plural"),
                values.get("msgctxt"),
            )
            entry.msgstrs = [value for name, value in values.items() if name.startswith("msgstr")]
            entries.append(entry)
    return entries
