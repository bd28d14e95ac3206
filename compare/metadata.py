"""metadata: YAML front matter and `sources.yaml` parsed safely, every field checked.

YAML is the one input format here that can make the reader do unbounded work: an alias bomb of a
few hundred bytes ("a: &a [x, x, ...]", "b: &b [*a, *a, ...]", ...) describes billions of
strings. Metadata never needs anchors or aliases, so the loader refuses them at the first alias,
and the text is size-capped before parsing. Every known field is then checked for its type (and a
date for being a real date), so that a mistake is one message naming the file and the field, never
a traceback from deep inside the YAML library.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import yaml

from compare.errors import CompareError

# The fields an article's metadata may have; anything else in front matter is ignored.
METADATA_KEYS = ("outlet", "title", "url", "published")

# Largest front-matter block parsed. Real front matter is a few hundred bytes (the fixtures and
# the gold events: at most 0.4 kB); 64 kB leaves room for a pasted abstract while refusing a block
# that would only be there to make the parser work.
MAX_FRONT_MATTER_BYTES = 64_000
# Largest sources.yaml parsed: about 200 bytes an entry (a file name, outlet, title, url and
# date), so 4 MB is 20,000 articles, four times the biggest folder the benchmark runs.
MAX_SOURCES_BYTES = 4_000_000

# What YAML 1.1 turns into a date or timestamp: `published: 2023-03-05` (unquoted). A quoted date
# stays a string and gets the same check.
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")


class _BadScalar:
    """A scalar the YAML library could not build (an impossible date such as 2024-13-45). Kept as
    a value so that the check below can name the field it belongs to."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason


class _NoAliasLoader(yaml.SafeLoader):
    """yaml.SafeLoader without aliases (so no expansion), and with impossible dates kept as
    `_BadScalar` rather than raised as ValueError from the middle of the parse."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in metadata", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            return _BadScalar(str(node.value), str(exc))


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp)


def parse_yaml(text: str, *, where: str, what: str, limit: int) -> Any:
    """Parse a metadata YAML document, or raise CompareError(`where`, "broken <what>: ...")."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise CompareError(where, f"{what} is {size:,} bytes, over the {limit:,}-byte limit")
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass: no Python objects
    except yaml.YAMLError as exc:
        raise CompareError(where, f"broken {what}: {yaml_problem(exc)}") from None
    except RecursionError:
        raise CompareError(where, f"broken {what}: nested too deeply") from None


def yaml_problem(exc: yaml.YAMLError) -> str:
    """The YAML library's complaint in one line, with the line it is on."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "not valid YAML"
    return f"{problem} (line {mark.line + 1})" if mark is not None else str(problem)


def check_fields(data: Mapping[Any, Any], *, where: str, context: str) -> dict[str, Any]:
    """The known fields of one metadata mapping, each checked: text fields must be text (a number
    is taken as its text), `published` a real date. `context` starts the message ("front matter",
    "entry 'a.txt'")."""
    fields: dict[str, Any] = {}
    for key in METADATA_KEYS:
        value = data.get(key)
        if value is None or value == "":
            continue
        problem = _field_problem(key, value)
        if problem:
            raise CompareError(where, f"{context}: field '{key}' {problem}")
        fields[key] = value
    return fields


def _field_problem(key: str, value: object) -> str | None:
    if isinstance(value, _BadScalar):
        return f"is not a real date: {value.text} ({value.reason})"
    if key == "published":
        if isinstance(value, dt.date) or (isinstance(value, int) and not isinstance(value, bool)):
            return None  # a date (or a datetime), or a year alone
        if not isinstance(value, str):
            return f"must be a date such as 2023-03-05, not {_type_name(value)}"
        return _date_text_problem(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return f"must be text, not {_type_name(value)}"
    return None


def _date_text_problem(text: str) -> str | None:
    """A quoted ISO date must be a real one; other wordings ("5 March 2023") pass as given."""
    match = _ISO_DATE.match(text.strip())
    if not match:
        return None
    try:
        dt.date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        return f"is not a real date: {text.strip()} ({exc})"
    return None


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()}; put it in quotes if it is a name)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__
