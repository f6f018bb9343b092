"""Text folding shared by the stages and the evaluation."""
from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_PLAIN_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
                                "æ": "ae", "Æ": "AE", "ß": "ss", "ı": "i", "œ": "oe", "Œ": "OE",
                                "’": "'"})


def plain(text: str) -> str:
    """Lower case without diacritics, for comparing names and words: "Vučić" -> "vucic",
    "Sørby" -> "sorby". Lengths may change ("ß" -> "ss"): never use it for offsets."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
