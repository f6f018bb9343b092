"""The new-story form: pasted text, uploaded files and URLs, folded or ingested as one story.

The form is capped as a whole (``MAX_BODY_BYTES``) and per file, refuses a
cross-site submit, and writes what it was given to a temporary folder so the
backend reads it exactly as ``newsfold brief`` reads files.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import NewsfoldError
from .story_list import story_href
from .security import CSRF_FIELD, BodyTooLarge, csrf_ok, read_capped
from .site import site_of

MAX_BODY_BYTES = 20 * 1024 * 1024  # the whole form, files included
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 50
MAX_URLS = 50
UPLOAD_SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}
PASTE_SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


async def new_form(request: Request) -> Response:
    return site_of(request).page(request, "new.html", {"title": "New story", "error": "", "problems": []})


async def new_submit(request: Request) -> Response:
    try:
        request = await read_capped(request, MAX_BODY_BYTES)
    except BodyTooLarge as exc:
        raise HTTPException(413, f"The upload is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB in all.") from exc
    form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=MAX_FILE_BYTES)
    if not csrf_ok(request, _text(form, CSRF_FIELD) or None):
        raise HTTPException(403, "This form did not come from this page (cross-site request refused). "
                                 "Reload the page and submit again.")
    site = site_of(request)
    with tempfile.TemporaryDirectory(prefix="newsfold-web-") as tmp:
        inputs = await form_inputs(form, Path(tmp))
        if not inputs:
            return _form_error(request, "Paste some text, choose files or give URLs.")
        date = _text(form, "date").strip() or None
        if date and not DATE.fullmatch(date):
            return _form_error(request, "The date must look like 2031-03-14.")
        try:
            added = await run_in_threadpool(site.backend.add, inputs, date)
        except NewsfoldError as exc:
            return _form_error(request, str(exc))
    if added.story_id:
        return RedirectResponse(story_href(added.story_id), status_code=303)
    return RedirectResponse("/?message=" + quote(added.message), status_code=303)


def _form_error(request: Request, error: str) -> Response:
    context: dict[str, Any] = {"title": "New story", "problems": [], "error": error}
    return site_of(request).page(request, "new.html", context, status_code=400)


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


async def form_inputs(form: FormData, folder: Path) -> list[str]:
    """Paths and URLs to read: pasted text (``---`` lines separate articles), files, URLs."""
    inputs = _pasted(_text(form, "text").strip(), folder)
    for n, upload in enumerate(form.getlist("files")):
        if isinstance(upload, str) or not upload.filename:
            continue
        inputs.append(await _save_upload(upload, n, folder))
    urls = [u.strip() for u in _text(form, "urls").splitlines() if u.strip()]
    if len(urls) > MAX_URLS:
        raise HTTPException(400, f"At most {MAX_URLS} URLs at a time.")
    for url in urls:
        if not url.lower().startswith(("http://", "https://")):
            raise HTTPException(400, f"{url[:80]}: only http(s) URLs can be fetched.")
        inputs.append(url)
    return inputs


def _pasted(pasted: str, folder: Path) -> list[str]:
    paths: list[str] = []
    if pasted:
        for n, part in enumerate(p.strip() for p in PASTE_SEPARATOR.split(pasted)):
            if part:
                file = folder / f"pasted-{n + 1:03d}.txt"
                file.write_text(part + "\n", encoding="utf-8")
                paths.append(str(file))
    return paths


async def _save_upload(upload: Any, n: int, folder: Path) -> str:
    """One uploaded file saved under a safe name; a wrong type or size is a 400/413."""
    name = Path(upload.filename).name
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise HTTPException(400, f"{name}: unsupported file type; use {', '.join(sorted(UPLOAD_SUFFIXES))}.")
    data = await upload.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise HTTPException(413, f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip(".-") or f"upload-{n + 1}"
    file = folder / f"{stem}{suffix}"
    if file.exists():
        file = folder / f"{stem}-{n + 1}{suffix}"
    file.write_bytes(data)
    return str(file)
