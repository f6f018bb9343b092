"""Helpline boxes: the list of services a page sets under a story of
suicide, abuse or distress, and the line that points the reader to one.

- a box: a line offering help ("If you need help or someone to talk to,
  here's a list of helplines:", a "Helplines" heading above it too), then
  two or more lines that give a service's contact ("Tel: 03-2935 9935",
  "Samaritans: 116 123", "Website: www.…"), each perhaps under a short line
  naming the service;
- a pointer: one short paragraph that tells the reader whom to call ("If you
  or someone you know is struggling, call the Brightline on 0800 112 233").

Both are the outlet's, not the story's: whatever the story, the same box
closes it. A line of the story about a hotline ("The hotline took 300
calls") gives no contact and addresses no reader, so it stays; so does a
police appeal ("If you have any information, call the police hotline at …"):
it offers the reader no support.
"""
from __future__ import annotations

import re

from .paragraphs import Paragraph

# words offering the reader support; a box may also just list "helplines" or "hotlines"
_SUPPORT = (r"crisis\s+(?:lines?|cent(?:re|er)s?)|lifelines?|someone\s+to\s+talk\s+to"
            r"|(?:need|seek|get|find)(?:ing|s)?\s+(?:help|support)|(?:in|experiencing)\s+(?:mental\s+|emotional\s+)?distress"
            r"|struggling|suicidal|listening\s+ear")
_POINTER_CUE = re.compile(rf"\b(?:{_SUPPORT})\b", re.IGNORECASE)
_CUE = re.compile(rf"\b(?:help\s?lines?|hot\s?lines?|{_SUPPORT})\b", re.IGNORECASE)
# a telephone number ("1-767", "6389-2222", "03-2935 9935", "116 123", "15999", "1800-18-BEAR")
_PHONE = re.compile(r"(?<![\w.])(?:\+?\d{1,4}(?:[ -](?:\d{2,4}|[A-Z]{4}))+|\d{4,})(?![\w.]*\d)(?!\s*(?:hours?|pm|am)\b)")
_CONTACT_LABEL = re.compile(r"\b(?:tel|call|phone|whatsapp|sms|text|e-?mail|website|web|messenger|chat)\b\s*:",
                            re.IGNORECASE)
_ADDRESS = re.compile(r"\bwww\.|\b[\w.-]+@[\w-]+\.\w|\b\w[\w-]*\.(?:org|com|gov|net)(?:\.\w\w)?\b", re.IGNORECASE)
_READER = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_CONTACT_WORDS, _NAME_WORDS, _LEAD_WORDS, _POINTER_WORDS = 25, 10, 45, 45


def mark_helplines(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """Mark helpline boxes and pointers to one in ``reasons`` ("helpline")."""
    for i, p in enumerate(paragraphs):
        if reasons[i] is not None or not _CUE.search(p.text) or len(p.text.split()) > _LEAD_WORDS:
            continue
        box = _entries(paragraphs, reasons, i + 1)
        if len(box) >= 2:
            heading = i - 1 if i > 0 and reasons[i - 1] is None and _heading(paragraphs[i - 1]) else i
            for k in [*range(heading, i + 1), *box]:
                reasons[k] = "helpline"
        elif _POINTER_CUE.search(p.text) and _READER.search(p.text) and _contact(p.text) \
                and len(p.text.split()) <= _POINTER_WORDS:
            reasons[i] = "helpline"


def _entries(paragraphs: list[Paragraph], reasons: list[str | None], start: int) -> list[int]:
    """The paragraphs from ``start`` that give services' contacts, each
    perhaps under a line naming the service; removed ones are passed over."""
    found: list[int] = []
    k = start
    while k < len(paragraphs):
        if reasons[k] is not None:
            k += 1
        elif _contact_line(paragraphs[k]):
            found.append(k)
            k += 1
        elif k + 1 < len(paragraphs) and _name_line(paragraphs[k]) and _contact_line(paragraphs[k + 1]):
            found += [k, k + 1]
            k += 2
        else:
            break
    return found


def _contact(text: str) -> bool:
    return bool(_PHONE.search(text) or _CONTACT_LABEL.search(text) or _ADDRESS.search(text))


def _contact_line(p: Paragraph) -> bool:
    """A short line giving a contact, no sentence of the story ("Tel: 15999")."""
    return p.lines == 1 and len(p.text.split()) <= _CONTACT_WORDS and _contact(p.text) \
        and not re.search(r"[a-z]{2,}[.!?]$", p.text)


def _name_line(p: Paragraph) -> bool:
    """A short line that ends no sentence: a service's name ("Befrienders KL")."""
    return p.lines == 1 and len(p.text.split()) <= _NAME_WORDS and p.text[:1].isupper() \
        and not p.text.endswith((".", "!", "?", ":"))


def _heading(p: Paragraph) -> bool:
    """A heading over the box ("Helplines", "Where to get help")."""
    return _name_line(p) and bool(_CUE.search(p.text) or re.search(r"\bhelp\b", p.text, re.IGNORECASE))
