"""An HTML news page -> an Article: main text plus title, outlet, author and date.

Main text, a fallback cascade (first method that yields enough text wins):

1. ``trafilatura`` favouring precision, comments and tables left out. It has its
   own internal fallbacks (readability port, jusText) when its main pass finds
   little, so this step alone covers most pages.
2. ``trafilatura`` favouring recall: a short item that the precise pass cut.
3. Our own baseline over lxml: drop scripts, navigation, headers, footers,
   asides, forms, figures and anything whose class/id says cookie, consent,
   related, comment, share, newsletter or promo; then take the paragraphs of
   the container (``[itemprop=articleBody]``, ``<article>``, ``<main>``,
   ``[role=main]``, else ``<body>``) that holds the most paragraph text.
4. When none reaches ``MIN_TEXT_CHARS``, the longest non-empty result is used;
   when all are empty, InputError.

Paragraphs are joined by a blank line, the same shape as a plain-text source.
The text is data only: the page is parsed, never run.

Metadata comes from the markup a publisher writes for machines, in this order:
JSON-LD (``NewsArticle`` and kin: ``headline``, ``datePublished``, ``author``,
``publisher``), then ``<meta>`` tags (Open Graph, ``article:*``, Dublin Core,
``name=author``/``date``), then microdata ``itemprop``, then what trafilatura
found, then ``<title>`` (those two noted as ``extra["title_from"] = "page"``:
a feed item's title is better). A date found there gets ``published_from="metadata"``.
"""
from __future__ import annotations

import re
from copy import deepcopy
from datetime import date, datetime

from ..errors import InputError, MissingExtraError
from ..model import Article
from . import jsondata

MIN_TEXT_CHARS = 200

_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
    "blogposting", "liveblogposting", "opinionnewsarticle", "reportage", "webpage",
}
_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "publish-date", "publish_date", "pubdate", "publishdate",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date",
    "sailthru.date", "parsely-pub-date", "citation_publication_date",
)
_TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
_OUTLET_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")

# Blocks that trafilatura sometimes keeps because they sit inside the article
# body (newsletter promos, "read more" boxes, share bars) are pruned before it
# runs. A block whose class/id also names the article itself ("article-body
# has-comments") is spared, and so is any block that holds the article.
_BOILERPLATE_CLASSES = ("promo", "newsletter", "subscribe", "cookie", "consent", "gdpr",
                        "related", "share", "social", "comment", "advert", "sponsor", "read-more")
_ARTICLE_CLASSES = ("article", "story", "entry", "content", "body", "main")
_CLASS_AND_ID = "translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
PRUNE_XPATH = [
    f"//*[self::div or self::aside or self::section or self::ul or self::ol or self::form or self::p]"
    f"[contains({_CLASS_AND_ID}, '{word}')]"
    + "".join(f"[not(contains({_CLASS_AND_ID}, '{keep}'))]" for keep in _ARTICLE_CLASSES)
    + "[not(.//article or .//main or .//*[@itemprop='articleBody'])]"
    for word in _BOILERPLATE_CLASSES
]
_ARTICLE_WORDS = re.compile("|".join(_ARTICLE_CLASSES), re.IGNORECASE)

_BOILERPLATE_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer",
                     "aside", "form", "figure", "figcaption", "iframe", "button", "svg")
_BOILERPLATE_WORDS = re.compile(
    r"cookie|consent|gdpr|related|recommend|comment|share|social|newsletter|subscribe|"
    r"promo|advert|\bads?\b|sponsor|sidebar|breadcrumb|byline|caption|popular|trending|most-read|footer|menu",
    re.IGNORECASE,
)


def article_from_html(
    html: str, *, id: str, origin: str | None = None, url: str | None = None, problems: list[str] | None = None
) -> Article:
    """Read one HTML page into an :class:`Article`.

    ``text`` is the extracted main text (evidence offsets index it); ``title``,
    ``outlet``, ``author`` and ``published`` (YYYY-MM-DD) come from the page's
    metadata. ``extra["extraction"]`` names the cascade step that produced the
    text. Raises InputError naming ``origin`` when no main text can be found.
    Metadata that cannot be used (JSON-LD nested too deep) is ignored, with a
    line in ``problems``.
    """
    where = origin or url or id
    tree = _parse(html, where)
    document, text, method = _main_text(tree, url)
    if not text:
        raise InputError("no article text found in this HTML page (only navigation, links or nothing); "
                         "skipped. If it is an article, give its text as a .txt file instead", where)
    meta = page_metadata(tree, where, problems)
    title = meta.get("title")
    title_from = None
    if not title:
        # trafilatura's guess (an <h1>, else <title>) or <title> itself: weaker
        # than a headline written for machines, so a feed item's title wins.
        title = _attr(document, "title") or _text(tree.findtext(".//title"))
        title_from = "page" if title else None
    article = Article(
        id=id,
        text=text,
        title=title,
        outlet=meta.get("outlet") or _attr(document, "sitename"),
        author=meta.get("author") or _attr(document, "author"),
        published=meta.get("published"),
        published_from="metadata" if meta.get("published") else None,
        origin=origin,
        url=url or meta.get("url"),
    )
    article.extra["extraction"] = method
    if title_from:
        article.extra["title_from"] = title_from  # weaker than a feed item's title
    return article


# -- main text -----------------------------------------------------------------


def _main_text(tree, url: str | None):
    """Run the cascade; return (trafilatura document or None, text, method name)."""
    document = None
    results: list[tuple[str, str]] = []
    links = _link_texts(tree)
    for method, options in (
        ("trafilatura-precision", {"favor_precision": True}),
        ("trafilatura-recall", {"favor_recall": True}),
    ):
        found = _trafilatura(tree, url, options)
        if found is not None:
            document = document or found
            text = _paragraphs(found.text or "")
            if _mostly_links(text, links):
                continue  # a front page or a menu: link labels, not an article
            if len(text) >= MIN_TEXT_CHARS:
                return found, text, method
            results.append((method, text))
    text = baseline_text(tree)
    if len(text) >= MIN_TEXT_CHARS:
        return document, text, "baseline"
    results.append(("baseline", text))
    method, text = max(results, key=lambda pair: len(pair[1]))
    if _page_is_mostly_links(tree):
        return document, "", method  # a short scrap (a copyright line) on a page of links is no article
    return document, text, method


def _link_texts(tree) -> set[str]:
    """The words of every link on the page, spacing aside."""
    return {words for a in tree.iter("a") if (words := " ".join(a.text_content().split()))}


def _mostly_links(text: str, links: set[str]) -> bool:
    """True when most of ``text`` is paragraphs that are each the label of a link (navigation, teasers)."""
    paragraphs = [p for p in text.split("\n\n") if p]
    linked = sum(len(p) for p in paragraphs if p in links)
    return linked > 0.5 * sum(len(p) for p in paragraphs)


def _page_is_mostly_links(tree) -> bool:
    body = tree.find(".//body")
    if body is None:
        return False
    words = len(" ".join(body.text_content().split()))
    linked = sum(len(" ".join(a.text_content().split())) for a in body.iter("a"))
    return linked > 0.5 * words


def _trafilatura(tree, url: str | None, options: dict):
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - depends on the install
        raise MissingExtraError("trafilatura", "web") from None
    # trafilatura prunes the tree it is given; keep ours intact for metadata.
    return trafilatura.bare_extraction(
        deepcopy(tree),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        prune_xpath=PRUNE_XPATH,
        **options,
    )


def _paragraphs(text: str) -> str:
    """trafilatura's one-line-per-block text -> paragraphs separated by a blank line."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def baseline_text(tree) -> str:
    """Step 3 of the cascade: paragraphs of the biggest article-like container."""
    tree = deepcopy(tree)
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        boilerplate_marker = _BOILERPLATE_WORDS.search(marker) and not _ARTICLE_WORDS.search(marker)
        if element.tag in _BOILERPLATE_TAGS or boilerplate_marker or element.get("hidden") is not None:
            element.drop_tree()
    containers = tree.xpath(
        "//*[@itemprop='articleBody'] | //article | //main | //*[@role='main'] | //body"
    )
    best = ""
    for container in containers:
        paragraphs = []
        for p in container.iter("p", "h2", "h3", "blockquote", "li"):
            words = " ".join(p.text_content().split())
            if words and not _link_dense(p, words):
                paragraphs.append(words)
        text = "\n\n".join(dict.fromkeys(paragraphs))
        if len(text) > len(best):
            best = text
    return best


def _link_dense(element, words: str) -> bool:
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return linked > 0.5 * len(words)


def _parse(html: str, where: str):
    from lxml import etree, html as lxml_html

    # lxml refuses str input that carries an XML encoding declaration.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        raise InputError("the HTML page is empty", where)
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse this HTML page ({exc})", where) from None


# -- metadata ------------------------------------------------------------------


def page_metadata(tree, where: str = "page", problems: list[str] | None = None) -> dict[str, str]:
    """Title, outlet, author, published (YYYY-MM-DD) and canonical url from machine-readable markup.

    Keys are present only when found; JSON-LD wins over meta tags, which win
    over microdata. ``<title>`` is not read here: it often carries the site name.
    """
    found: dict[str, str] = {}
    for source in (_jsonld_metadata(tree, where, problems), _meta_tags(tree), _microdata(tree)):
        for key, value in source.items():
            if value and key not in found:
                found[key] = value
    return found


def _jsonld_metadata(tree, where: str, problems: list[str] | None) -> dict[str, str]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = jsondata.loads(script.text or "")
        except jsondata.TooDeep as exc:
            if problems is not None:
                line = (script.sourceline or 1) + exc.lineno - 1
                problems.append(f"{where}:{line}: JSON-LD {exc.msg}; ignored, the page is read without it")
            continue
        except ValueError:  # broken JSON-LD is common; the other metadata sources follow
            continue
        for node in _jsonld_nodes(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if not any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                continue
            publisher = node.get("publisher")
            out = {
                "title": _text(node.get("headline") or node.get("name")),
                "published": normalize_date(_text(node.get("datePublished") or node.get("dateCreated"))),
                "author": _names(node.get("author") or node.get("creator")),
                "outlet": _names(publisher) if publisher else None,
                "url": _text(node.get("url")),
            }
            if out["published"] or out["title"]:
                return {k: v for k, v in out.items() if v}
    return {}


def _jsonld_nodes(data):
    """Every dict in a JSON-LD document, @graph members and nested lists included."""
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _jsonld_nodes(data.get("@graph", []))
        main = data.get("mainEntity")
        if isinstance(main, (dict, list)):
            yield from _jsonld_nodes(main)


def _names(value) -> str | None:
    """A JSON-LD person/organisation (or a list of them) -> 'Name, Other Name'."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        name = _text(name)
        if name and not name.startswith(("http://", "https://")):
            names.append(name)
    return ", ".join(dict.fromkeys(names)) or None


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _meta_tags(tree) -> dict[str, str | None]:
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = _text(meta.get("content"))
        if key and value and key not in tags:
            tags[key] = value
    author = _first(tags, _AUTHOR_META)
    if author and author.startswith(("http://", "https://")):
        author = None  # article:author is often a profile URL, not a name
    return {
        "title": _first(tags, _TITLE_META),
        "outlet": _first(tags, _OUTLET_META),
        "author": author,
        "published": next(filter(None, (normalize_date(tags.get(k)) for k in _DATE_META)), None),
        "url": tags.get("og:url"),
    }


def _microdata(tree) -> dict[str, str]:
    out: dict[str, str] = {}
    for element in tree.xpath("//*[@itemprop='datePublished'] | //time[@pubdate]"):
        value = normalize_date(element.get("datetime") or element.get("content") or element.text_content())
        if value:
            out["published"] = value
            break
    for element in tree.xpath("//*[@itemprop='headline']"):
        out.setdefault("title", _text(element.text_content()) or "")
    return out


def _first(tags: dict[str, str], keys) -> str | None:
    return next((tags[k] for k in keys if tags.get(k)), None)


def normalize_date(value: str | None) -> str | None:
    """A date as publishers write it in metadata -> 'YYYY-MM-DD', or None.

    The calendar date is kept as written (``2031-03-14T23:30:00-05:00`` is the
    14th): that is the publication date the outlet's readers saw.
    """
    if not value:
        return None
    value = value.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value) or re.match(r"(\d{4})(\d{2})(\d{2})(?:\D|$)", value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d{4}", value):
        return None  # no year: too vague for a publication date
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if isinstance(parsed, datetime) else None


def _attr(document, name: str) -> str | None:
    value = getattr(document, name, None) if document is not None else None
    return _text(value)
