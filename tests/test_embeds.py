"""embeds: an X/Bluesky post pasted into a page keeps its words through HTML extraction."""

from __future__ import annotations

from pathlib import Path

from compare.embeds import unwrap_embedded_posts
from compare.read import read_source

POST = "The ferry will not sail again until the crews are paid. See you at the harbour."
STORY = (
    "<p>Ferry workers in Port Elwyn rejected the operator's pay offer on Tuesday, extending a strike "
    "that has stranded hundreds of island residents for a week.</p>"
    "<p>The union said the operator's offer of a 4 percent pay rise fell far short of inflation and "
    "that its crews would stay out until talks resume.</p>"
    "<p>The union's leader, Maren Holt, wrote on X:</p>"
)
MORE = (
    "<p>The operator said it would return to talks with the union on Friday and hoped a deal on pay "
    "could end the ferry strike before the weekend.</p>"
    "<p>Island residents said the ferry strike had left them unable to reach hospital appointments "
    "and work on the mainland.</p>"
)


def page(embed: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Ferry strike goes on | Island Courier</title></head><body>"
        f"<article><h1>Ferry strike goes on as crews reject pay offer</h1>{STORY}{embed}{MORE}</article>"
        "</body></html>"
    )


def tweet(wrapper_class: str = "cli-embed") -> str:
    return (
        f'<div class="{wrapper_class}"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">{POST}</p>'
        '&mdash; Maren Holt (@marenholt) <a href="https://x.com/marenholt/status/1">March 4, 2025</a>'
        '</blockquote><script async src="https://platform.x.com/widgets.js"></script></div>'
    )


def test_post_inside_an_embed_wrapper_keeps_its_words(tmp_path: Path) -> None:
    path = tmp_path / "ferry.html"
    path.write_text(page(tweet()), encoding="utf-8")
    text = read_source(str(path)).text
    assert POST in text
    assert "@marenholt" not in text
    assert "Island residents said" in text


def test_the_post_replaces_only_wrappers_that_hold_nothing_else() -> None:
    html = page(f'<div class="embed">{tweet()}<p>A paragraph beside the post.</p></div>')
    out = unwrap_embedded_posts(html)
    assert f"<p>{POST}</p>" in out
    assert "A paragraph beside the post." in out
    assert 'class="embed"' in out
    assert "twitter-tweet" not in out


def test_page_without_posts_is_unchanged() -> None:
    html = page('<blockquote><p>"We will sail," the captain said.</p></blockquote>')
    assert unwrap_embedded_posts(html) is html


def test_unparsable_page_is_returned_as_it_was() -> None:
    assert unwrap_embedded_posts("twitter-tweet") == "twitter-tweet"
    assert unwrap_embedded_posts("   twitter-tweet   \x00") == "   twitter-tweet   \x00"
