"""A hostile tip's email: every string stays text, every link a web or mail address."""

from __future__ import annotations

from pathlib import Path

from hostile_tip import ATTACKS, TIP

from email_helpers import email_project, parse_eml, write_email


def test_a_hostile_tip_stays_inert_in_both_parts(tmp_path: Path) -> None:
    project = email_project(tmp_path / "p", {"2026-11-20-hostile.yml": TIP}, example_tips=False)
    parsed = parse_eml(write_email(project, "--tip", "hostile") / "hostile.eml")
    tree = parsed.tree
    for tag in ("script", "iframe", "form", "svg", "object", "embed"):
        assert not tree.xpath(f"//{tag}"), f"no <{tag}>"
    for element in tree.iter():
        if isinstance(element.tag, str):
            handlers = [name for name in element.attrib if name.lower().startswith("on")]
            assert not handlers, f"<{element.tag}> has {handlers}"
    assert [img.get("src") for img in tree.xpath("//img")] == [
        "https://coach.example/assets/runform/cards/tips/hostile.png"
    ]
    for href in tree.xpath("//a/@href"):
        assert href.startswith(("https://", "mailto:")), f"link {href!r}"
        assert "javascript" not in href.lower() and "evil.example" not in href
    title = tree.xpath("//h1")[0].text_content()
    assert title == "T " + ATTACKS[0][:60], "the title is shown as text"
    assert parsed.message["Subject"] == "#RunFormFriday: T " + ATTACKS[0][:60]
    assert "<script>alert('x1')</script>" in parsed.text, "the text part is text, as written"
