"""embeds: social-media posts pasted into a news page become plain paragraphs before extraction.

A story that quotes a post pastes the platform's embed code: a <blockquote> whose <p> holds the
post's words (X/Twitter's code has the class "twitter-tweet", Bluesky's "bluesky-embed"). Sites
wrap it in a block named for embeds ("cli-embed", "embed-twitter"), and trafilatura drops blocks
with "embed" in their class as widgets, so the words the story quotes ("He wrote on X:") vanish.
Each such post, with the wrappers that hold nothing else, is replaced by one paragraph of its
words. The line under the post (author, handle and date) is left out: the story names the author.
lxml comes with trafilatura and is imported only when a page holds an embedded post.
"""

from __future__ import annotations

from typing import Any

# Class names of the embed codes that carry a post's text in a <p> (X/Twitter's publish.x.com
# code, Bluesky's embed.bsky.app code). Instagram's and TikTok's codes hold a link and a caption
# teaser rather than the post's words, so they are not listed.
POST_EMBED_CLASSES = frozenset({"twitter-tweet", "bluesky-embed"})

# A wrapper is unwrapped only below these: they hold the story itself, not one embedded post.
STORY_CONTAINERS = frozenset({"body", "article", "main", "section", "html"})

# Elements whose text no reader sees: they do not make a wrapper hold more than the post.
INVISIBLE = frozenset({"script", "style", "noscript", "template"})


def unwrap_embedded_posts(html: str) -> str:
    """`html` with every embedded X/Bluesky post replaced by a <p> of its words (unchanged when
    the page has none or cannot be parsed)."""
    if not any(name in html for name in POST_EMBED_CLASSES):
        return html
    import lxml.etree  # type: ignore[import-untyped]
    import lxml.html  # type: ignore[import-untyped]

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    posts = [q for q in root.iter("blockquote") if POST_EMBED_CLASSES & set((q.get("class") or "").split())]
    changed = False
    for quote in posts:
        words = " ".join(" ".join(p.text_content().split()) for p in quote.iter("p")).strip()
        if not words:
            continue
        target = _outermost_wrapper(quote)
        paragraph = lxml.html.Element("p")
        paragraph.text = words
        paragraph.tail = target.tail
        parent = target.getparent()
        if parent is None:
            continue
        parent.replace(target, paragraph)
        changed = True
    if not changed:
        return html
    return str(lxml.html.tostring(root, encoding="unicode"))


def _outermost_wrapper(element: Any) -> Any:
    """The highest ancestor of `element` (itself included) that holds no visible text besides it."""
    target = element
    mine = _visible_text(element)
    while True:
        parent = target.getparent()
        if parent is None or parent.tag in STORY_CONTAINERS or _visible_text(parent) != mine:
            return target
        target = parent


def _visible_text(element: Any) -> str:
    """The element's text without scripts and styles, whitespace collapsed."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag in INVISIBLE:
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return " ".join("".join(parts).split())
