"""Entities: spaCy NER mentions folded into one canonical entity each.

Stage contract: ``find_entities(ctx) -> list[Entity]``.

Reads ``ctx.articles`` (``text``; ``removed``: mentions inside removed spans
are skipped; ``off_topic``: off-topic sources are skipped) and ``ctx.docs``
(the spaCy ``Doc`` of each article: entity offsets are text offsets). Returns
canonical entities, most widely reported first; changes nothing.

How mentions become entities, in order:

1. *Clean* (:mod:`.mentions`, with :func:`newsfold.nlp.names.clean_name`):
   drop numeric/date labels and junk (no letters, no capital, handles, URLs);
   strip a leading determiner ("the"), a possessive ('s / ’s) and, for people,
   leading titles ("Deputy Mayor", "Adm.", "Maj.-Gen."). A title in front of
   a name inside a mislabelled entity ("Valdoria PM Ostrova") makes the rest a
   PERSON; a job title alone ("Harbor Master", "President") is no entity. A
   name ending in a facility or organisation word ("... Bridge",
   "... Authority") takes that type whatever spaCy said. An all-caps word in a
   dateline ("PORT CALDEN, March 11 -") joins the entity its mixed-case form
   names, else it is dropped; a one-word "person" that only ever follows a
   place preposition ("sailing to Rotterdam") and never speaks is a place,
   and so is a "person" of several words that the tagger also reads as a
   place or body, written after "in", "at", "through" ..., never with an
   honorific nor quoted. A non-person mention opening with the portfolio of
   an office written before it ("Secretary for [Transport Ana Ruiz]") is the
   person after the portfolio; a lower-case word closing a person's name
   ("Tarsk Vale postcard") is no part of it. A place the tagger never marked
   whose last word is a facility word ("Harbour Checkpoint"), written twice
   or more, is a mention (:mod:`.sweep`).
2. *Same folded string*: mentions whose accent-folded form is equal are one
   entity whatever label spaCy gave each one (the majority label wins).
3. *Transliteration* (:mod:`.merging`): equal transliteration skeletons
   (ch/č→c, x→ks, w→v...) merge; two full names of people merge when their
   surnames agree and their first names are near-identical skeletons
   (Katarina / Catharina); with all given names shared ("Omar Karim Aziz /
   Azeez") a near surname is enough; a full name with one stray capitalised
   word in front ("Youth Ana Ruiz") is that name, and the first two or more
   words of exactly one longer name are that person ("Tomas Arvid" of "Tomas
   Arvid Lindqvist"). Different first names never
   merge. Long place and organisation names that differ only in vowels merge
   (Dar-i-Valon / Dar-e-Valon); a hyphenated name the tagger cut ("Dar") is
   read whole. Non-person names equal but for a plural ending or British and
   American spelling merge ("X Investments Holdings" / "X Investment
   Holdings", "Harbour Defence Board" / "Harbour Defense Board"), and so does a place with
   its division written after it in lower case ("Velmora province"); a name
   of four words or more written with one more capitalised word inside, which
   the tagger missed, is a mention that the short-form rule (5) joins to it
   (:mod:`.spellings`).
4. *Surname only*: a one-word mention joins the full-name person with that
   surname only when exactly one such person is in the story; when no full
   name ends with it, the one full name that starts with it ("Mr Lim" =
   Lim Wei Jie, family name first); beside one that ends with it, a full
   name of three words or more starting with it is one more bearer ("pastors
   Lim Wei Jie and Ana Lim"). Of several people who share it, the one
   most sources name, unless a source writes it alone after naming another
   of them; else the one each source named last before the surname alone,
   when that is one person everywhere (:mod:`.owners`). A surname of two
   letters ("Vo") is counted only after an honorific ("Mr Vo", :mod:`.sweep`).
5. *Acronyms* (:mod:`.acronyms`): an acronym joins a full name when the
   text ties them ("Full Name (ACR)" or "[ACR]", "ACR (Full Name)", "Full Name, ACR,",
   "ACR, the Full Name") and the letters fit the words (or fit them with one
   liberty: a letter from inside a word or one word unspelled, "RWL" of
   "Ringway Line", where no run of words fits strictly); a bracketed acronym
   right after a tagged name ties even when its letters do not fit (another
   language's); an acronym written alone joins the one non-person name whose
   initials it spells ("NH"); a short form of exactly one longer
   non-person name joins it: its first and last words with words between
   left out ("Harbor Board" of "Harbor and Transit Board"), or the starts of
   its first words run together ("PortMarine" of "Portland Marine Group"),
   or its first word alone when it opens no other organisation and is no
   place nor a word of a person's full name ("Torvane" of "Torvane Chemical
   Storage", :func:`.organisations.merge_first_word_short_forms`); a
   short list of universal short forms (U.S.,
   U.N., EU, UK) joins its long form when both occur.
6. *Alternate names* (:mod:`.alternates`): "X, also known as Y", "X
   (formerly Y)", "the town, known in older records as Y" (the nearest place
   before it) tie X and Y; the tie's type is the one a telling ending says,
   else X's.

Titles in front of a known person, whatever the tagger's label ("Captain
Okafor", "SM Varek", "ACP Dara Imrie"), are dropped and the mention is that
person (:func:`.mentions.titled_known_people`).

:func:`canonical_lookup` maps any surface name to the canonical name the same
way, for code that holds the entity list.
"""
from __future__ import annotations

from .acronyms import acronym_fits
from .lookup import canonical_lookup
from .merging import find_entities

__all__ = ["acronym_fits", "canonical_lookup", "find_entities"]
