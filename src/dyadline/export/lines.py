"""Read one line of an import file: a coded article (``dyadline code``) or an exported event
(``dyadline export --format jsonl``). A line that is neither, or whose fields do not make a
valid event, raises ``InputError`` naming the file and line."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from dyadline.errors import InputError
from dyadline.model import GRANULARITIES, MODALITIES, Event, Flag

__all__ = ["CodedLine", "EventLine", "read_line"]

_CAMEO = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class CodedLine:
    """One article as ``dyadline code`` wrote it: ``{"id", "published", "events", "flags",
    "error"}``."""

    article_id: str
    published: date | None
    events: tuple[Event, ...]
    flags: tuple[Flag, ...]
    error: str | None


@dataclass(frozen=True, slots=True)
class EventLine:
    """One event as ``dyadline export --format jsonl`` wrote it (the contract plus
    ``article_id``, ``id`` and counts; the id and counts are not imported)."""

    article_id: str
    event: Event


def _fail(code: str, where: str, message: str) -> InputError:
    return InputError(code, message, where=where)


def _text_id(value: Any, field: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail("E813", where, f"'{field}' must be a non-empty string, got {value!r}: "
                    "give the article's id")
    return value.strip()


def _check_event(ev: Event, where: str, n: int | None, max_chars: int) -> None:
    """Refuse values that would store a wrong event rather than a missing one."""
    which = f"event {n}: " if n is not None else ""

    def bad(message: str) -> InputError:
        return _fail("E813", where, f"{which}{message}")

    if not _CAMEO.match(ev.cameo):
        raise bad(f"CAMEO code {ev.cameo!r} is not 2 to 4 digits (e.g. '042'): write it as a "
                  "string with its leading zero")
    if ev.quad_class not in (1, 2, 3, 4):
        raise bad(f"quad_class {ev.quad_class} is not 1, 2, 3 or 4")
    if not -10.0 <= ev.goldstein <= 10.0:
        raise bad(f"goldstein {ev.goldstein} is outside -10..10")
    if not 0.0 <= ev.confidence <= 1.0:
        raise bad(f"confidence {ev.confidence} is outside 0..1")
    span = ev.date
    if span.granularity not in GRANULARITIES:
        raise bad(f"date granularity {span.granularity!r} is not one of {', '.join(GRANULARITIES)}")
    if span.start and span.end and span.start > span.end:
        raise bad(f"date starts {span.start} after it ends {span.end}: swap them")
    unknown = [m for m in ev.modality if m not in MODALITIES]
    if unknown:
        raise bad(f"modality {unknown[0]!r} is not one of {', '.join(MODALITIES)}")
    for name, span_ in (("evidence", ev.evidence), ("trigger", ev.trigger)):
        if span_.start < 0 or span_.end < span_.start:
            raise bad(f"{name} offsets {span_.start}..{span_.end} are not a span of the text")
    if ev.evidence.start + len(ev.evidence.text) > max_chars:
        raise _fail("E815", where, f"{which}evidence ends at character "
                    f"{ev.evidence.start + len(ev.evidence.text)}, past the {max_chars} "
                    "characters an article may have (setting max_chars): check the offsets")


def _event(d: Any, article_id: str, where: str, n: int | None, max_chars: int) -> Event:
    which = f"event {n}: " if n is not None else ""
    if not isinstance(d, dict):
        raise _fail("E813", where, f"{which}an event must be a JSON object, got "
                    f"{type(d).__name__}")
    if "cameo" in d and not isinstance(d["cameo"], str):
        raise _fail("E813", where, f"{which}CAMEO code {d['cameo']!r} is not a string: write it "
                    "as a string with its leading zero ('042')")
    try:
        ev = Event.from_dict(d, article_id)
    except KeyError as exc:
        raise _fail("E813", where, f"{which}missing field {exc}: every event needs cameo, "
                    "quad_class, goldstein, date and evidence") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise _fail("E813", where, f"{which}a field has the wrong type or value ({exc}): "
                    "check it against docs/events.md") from None
    _check_event(ev, where, n, max_chars)
    return ev


def _coded(obj: dict[str, Any], where: str, max_chars: int) -> CodedLine:
    aid = _text_id(obj.get("id"), "id", where)
    published: date | None = None
    if obj.get("published"):
        try:
            published = date.fromisoformat(str(obj["published"]))
        except ValueError:
            raise _fail("E813", where, f"published {obj['published']!r} is not a date: write "
                        "YYYY-MM-DD or null") from None
    events, flags = obj.get("events") or [], obj.get("flags") or []
    if not isinstance(events, list) or not isinstance(flags, list):
        raise _fail("E813", where, "'events' and 'flags' must be lists")
    error = obj.get("error")
    if error is not None and not isinstance(error, str):
        raise _fail("E813", where, f"'error' must be a string or null, got {error!r}")
    try:
        flag_records = tuple(Flag.from_dict(f) for f in flags)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _fail("E813", where, f"a flag is malformed ({exc}): each needs kind and "
                    "message") from None
    return CodedLine(
        article_id=aid, published=published,
        events=tuple(_event(e, aid, where, n, max_chars) for n, e in enumerate(events, 1)),
        flags=flag_records, error=error or None,
    )


def read_line(text: str, where: str, max_chars: int) -> CodedLine | EventLine:
    """The record on one line (``where`` is ``file:line``); InputError if it is bad."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail("E811", where, f"not JSON ({exc.msg} at column {exc.colno}): each line must "
                    "be one JSON object") from None
    if not isinstance(obj, dict):
        raise _fail("E812", where, f"a JSON {type(obj).__name__}, not an object: each line must "
                    "be a coded article or an exported event")
    if "events" in obj:
        return _coded(obj, where, max_chars)
    if "cameo" in obj:
        aid = _text_id(obj.get("article_id"), "article_id", where)
        return EventLine(article_id=aid, event=_event(obj, aid, where, None, max_chars))
    raise _fail("E812", where, "neither a coded article ({\"id\", \"events\", ...} from "
                "'dyadline code') nor an exported event ({\"article_id\", \"cameo\", ...} from "
                "'dyadline export --format jsonl')")
