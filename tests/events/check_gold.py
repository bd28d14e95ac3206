#!/usr/bin/env python3
"""Self-check of the hand-made gold files under tests/events/ (no `compare` needed).

usage: python tests/events/check_gold.py [EVENT_DIR ...]
       (default: every folder here that has a gold.yaml)

For each gold.yaml it checks that
  - every article file exists and decodes (UTF-16 BOM, UTF-8, else cp1252);
  - every fact's `match` regexes hit each article listed in `in` (stated ones in a story paragraph,
    not only in page furniture) and hit none of the articles left out of `in`;
  - every conflict names a fact, and its articles are all listed as stated;
  - every boilerplate prefix starts a line/paragraph of its file, and no stated fact is carried
    only by boilerplate;
  - `duplicated_body` equals the number of distinct story paragraphs (title and byline excluded),
    and each of them occurs at least twice;
  - every `aligned` prefix starts a story paragraph of its article, every `not_aligned` one
    a paragraph.
Text is normalised the way shared/tools/score_gold.py does (NFKC, curly quotes -> straight,
case-folded).
Exit status 1 if anything is wrong.
"""

import html
import html.parser
import os
import re
import sys
import unicodedata
from typing import Any

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"money", "quantity", "date", "quote", "entity", "claim", "event"}


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16+bom"
    try:
        text = raw.decode("utf-8-sig")
        return text, "utf-8+bom" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252"), "cp1252"


# Elements whose start or end begins a new text block when a saved web page is read as text.
HTML_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav",
    "section", "article", "aside", "main", "figure", "figcaption", "blockquote", "title", "br",
    "form", "button", "time", "span", "table", "tr", "td",
}
HTML_SKIPPED = {"script", "style", "noscript", "template"}


class _PageText(html.parser.HTMLParser):
    """A saved web page as text: one block (blank-line separated) per block element, script and
    style dropped, entities decoded, so that prefixes and regexes see what a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in HTML_SKIPPED:
            self.skip += 1
        elif tag in HTML_BLOCKS:
            self.out.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HTML_SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in HTML_BLOCKS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(re.sub(r"\s+", " ", data))


def page_text(text: str) -> str:
    """The text of a saved web page, one block element per paragraph."""
    parser = _PageText()
    parser.feed(text)
    parser.close()
    blocks = (b.strip() for b in "".join(parser.out).split("\n\n"))
    return "\n\n".join(html.unescape(b) for b in blocks if b)


def paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blank = re.compile(r"\n[ \t]*\n")
    parts = blank.split(text) if blank.search(text) else text.split("\n")
    return [p.strip() for p in parts if p.strip()]


def check(event_dir: str) -> list[str]:
    errors: list[str] = []
    with open(os.path.join(event_dir, "gold.yaml"), encoding="utf-8") as fh:
        gold = yaml.safe_load(fh)
    arts: dict[str, dict[str, Any]] = {}
    for short, fname in gold["articles"].items():
        path = os.path.join(event_dir, fname)
        with open(path, "rb") as fh:
            raw = fh.read()
        text, enc = decode(raw)
        if fname.lower().endswith((".html", ".htm")):
            text = page_text(text)
        paras = paragraphs(text)
        bp = [norm(b) for b in (gold.get("boilerplate") or {}).get(str(short), [])]
        story = [p for p in paras if not any(norm(p).startswith(b) for b in bp)]
        lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]
        arts[str(short)] = {
            "text": norm(text),
            "paras": paras,
            "lines": lines,
            "story": story,
            "bp": bp,
            "enc": enc,
            "crlf": b"\r\n" in raw.replace(b"\x00", b""),
        }
        print(
            f"  {short}: {fname}: {enc}{', CRLF' if arts[str(short)]['crlf'] else ''}, "
            f"{len(paras)} blocks, {len(story)} non-furniture"
        )
    facts: dict[str, dict[str, Any]] = {}
    for f in gold["facts"]:
        fid = f["id"]
        if fid in facts:
            errors.append(f"duplicate fact id {fid}")
        facts[fid] = f
        if f.get("kind") not in KINDS:
            errors.append(f"{fid}: bad kind {f.get('kind')!r}")
        pats = [re.compile(p, re.I) for p in f["match"]]
        gin = {str(k): v for k, v in f["in"].items()}
        for s, v in gin.items():
            if s not in arts:
                errors.append(f"{fid}: unknown article {s}")
                continue
            if v not in ("stated", "partial"):
                errors.append(f"{fid}: bad status {v!r} for {s}")
            hay = [norm(p) for p in arts[s]["story"]] if v == "stated" else [arts[s]["text"]]
            if not any(p.search(h) for p in pats for h in hay):
                errors.append(
                    f"{fid}: listed as {v} in {s} but no match regex hits its "
                    f"{'story paragraphs' if v == 'stated' else 'text'}"
                )
        for s, a in arts.items():
            if s in gin:
                continue
            hits = [p.pattern for p in pats if p.search(a["text"])]
            if hits:
                errors.append(f"{fid}: not listed for {s} but {hits} match its text")
    for c in gold.get("conflicts") or []:
        f = facts.get(c["id"])
        if not f:
            errors.append(f"conflict {c['id']}: no such fact")
            continue
        for s in c["values"]:
            if str(f["in"].get(s)) != "stated":
                errors.append(f"conflict {c['id']}: {s} is not listed as stated")
    for s, prefixes in (gold.get("boilerplate") or {}).items():
        for pre in prefixes:
            pool = arts[str(s)]["paras"] + arts[str(s)]["lines"]
            if not any(norm(p).startswith(norm(pre)) for p in pool):
                errors.append(f"boilerplate {s}: {pre!r} starts no line of the file")
    for s, n in (gold.get("duplicated_body") or {}).items():
        a = arts[str(s)]
        story = [norm(p) for p in a["story"]]
        title = story[0]
        body = [p for p in story if p != title and not re.match(r"by [a-z .'-]+, ", p)]
        distinct = list(dict.fromkeys(body))
        if len(distinct) != n:
            errors.append(
                f"duplicated_body {s}: gold says {n}, "
                f"found {len(distinct)} distinct story paragraphs"
            )
        once = [p[:40] for p in distinct if body.count(p) < 2]
        if once:
            errors.append(f"duplicated_body {s}: paragraphs that occur only once: {once}")
    for kind in ("aligned", "not_aligned"):
        for pair in gold.get(kind) or []:
            for item in pair:
                if item == "*":
                    continue
                s, pre = item.split(": ", 1)
                pool = arts[s]["story"] if kind == "aligned" else arts[s]["paras"]
                if not any(norm(p).startswith(norm(pre)) for p in pool):
                    what = "story paragraph" if kind == "aligned" else "paragraph"
                    errors.append(f"{kind}: {item!r} starts no {what} of {s}")
    stated = {f["id"]: [k for k, v in f["in"].items() if v == "stated"] for f in gold["facts"]}
    n_art = len(arts)
    print(
        f"  facts: {len(stated)}, exclusives: {sum(len(v) == 1 for v in stated.values())}, "
        f"in every article: {sum(len(v) == n_art for v in stated.values())}, "
        f"conflicts: {len(gold.get('conflicts') or [])}"
    )
    return errors


def main() -> int:
    dirs = sys.argv[1:] or sorted(
        os.path.join(HERE, d)
        for d in os.listdir(HERE)
        if os.path.isfile(os.path.join(HERE, d, "gold.yaml"))
    )
    bad = 0
    for d in dirs:
        print(d)
        errs = check(d)
        for e in errs:
            print("  ERROR", e)
        bad += len(errs)
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
