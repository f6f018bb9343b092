"""Timeline: dated events, with relative dates resolved against publication.

Stage contract: ``build_timeline(ctx) -> (events, conflicts)``.

Reads from the context each article's ``text``, ``published`` (ISO date; a
source without one contributes only absolute dates), ``removed`` spans,
``copy_of`` and ``off_topic`` (skipped); ``ctx.facts`` (the claim groups); ``ctx.sentences`` (date words outside
every sentence are not reporting and are skipped) and ``ctx.docs``, the spaCy
``Doc`` of each article (parse and DATE entities). Returns timeline events
ordered by date then support, and ``date`` conflicts with ``id=""`` (the
pipeline numbers conflicts).

How a date becomes an event, one module a step:

1. *Find* (``mentions``) date words with regexes (absolute dates, months,
   years, weekdays, "yesterday"/"today", weekends, "last month", "a day
   after"). A bare year or month counts only where the parse or a cue word
   makes it a date ("in 2008", "the 2013 deal", "in April"; not "2000
   troops", not the verb "may"). Vague words ("recently", "this week",
   "decades") are not dates here, nor is a capitalised "Today" in a name
   ("USA TODAY"), and date words inside quotation marks are speech, not
   reported events (a day written there is still compared, step 5). A dateline's date ("PORT CALDEN, March 11
   (Coastline Press) -") dates the report, not an event: it gives no entry,
   and the sentence's event is described without it.
2. *Resolve* (``resolving``, with ``clauses`` reading tense and outlook)
   against the source's ``published`` date (precision YYYY, YYYY-MM or
   YYYY-MM-DD). A weekday is the most recent one on or before publication
   ("on Tuesday" in a Tuesday paper is that day), the next one for a verb in
   the future, strictly earlier after "last". A bare month later in the year
   than publication is last year's ("in June" in a March paper), unless the
   clause looks forward ("will", "expect", "due to", "scheduled", "until
   June" with a verb not in the past tense): then it is the coming one. A
   weekend is dated by its Saturday, since the schema has no week precision.
   "A day after X" dates X one day before the date of the sentence (or the
   sentence before in the paragraph); with no such date it is skipped
   (``events``). An explicit date written next to a weekday wins ("last
   Friday, May 26"). Nothing unresolvable is kept.
3. *Describe* (``describing``): the clause the date belongs to (its verb's
   subtree, without clauses that carry other dates and without the date
   words), or the noun phrase a date modifies ("the 2008 declaration"). A
   date in a sentence with no verb (a caption, a dateline) is no event; a
   day the parse hangs from a word of another sentence dates its own
   sentence's main verb, and one in a sentence the parse roots in a noun
   dates that noun when it has a subject (a verb read as a noun), else the
   sentence's first participle ("About 40 tonnes of oil leaked … on Mar 5").
4. *Merge* (``merging``) events of the same date whose content words overlap
   into one entry with several supports. Strongly similar events that
   independent sources date differently become ``date`` conflicts, unless
   they name two stages of a process ("found guilty by a jury at the court"
   against "sentenced at the court", ``merging.two_stages``). The
   entry's text is its most central event; its first support (whose date
   words a renderer shows) is the most central one with explicit date words,
   and a source's "a day after X" support is dropped from an entry the same
   source dates directly.
5. *Align* (``aligned``) sentences of independent sources that say the same
   thing once date words are masked: when each gives another day, that is a
   ``date`` conflict too, however differently the clauses were described
   (days paired one by one, by the words next to them). A day only one
   source gives, against the day two or more others give for the same event
   a few days away (``consensus``), is one as well: in loosely alike
   sentences, or, when the lone source never gives that day, in a sentence
   of its own telling that names no other stage of a process ("charged",
   "hearing"). So is a day whose own weekday names another ("Tuesday (Jan
   24)" where Jan 24 is a Friday), against that day in other sources
   (``weekdays``), and a lone day in a sentence the facts stage groups with
   two or more other sources' tellings, against their day (``grouped``).
"""
from __future__ import annotations

from ...context import StoryContext
from ...model import Conflict, TimelineEvent
from ...nlp.text import content_words
from .aligned import aligned_date_conflicts
from .events import events_of
from .mentions import Mention, find_date_words, quoted_spans
from .merging import Event, merge_events, similarity
from .resolving import resolve

__all__ = ["Mention", "build_timeline", "content_words", "find_date_words", "quoted_spans",
           "resolve", "similarity"]


def build_timeline(ctx: StoryContext) -> tuple[list[TimelineEvent], list[Conflict]]:
    """Dated events of the story (by date, then support) and date conflicts."""
    events: list[Event] = []
    for article in ctx.articles:
        doc = ctx.docs.get(article.id)
        if article.off_topic or doc is None:
            continue
        events.extend(events_of(article, ctx.sentences.get(article.id, []), doc))
    timeline, conflicts = merge_events([e for e in events if not e.quoted], ctx.roots())
    return timeline, conflicts + aligned_date_conflicts(ctx, events, conflicts)
