"""The email edition's message: a real `runform email` run, parsed with the standard library."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import runform

from conftest import Project, minimal_tip, new_project
from email_helpers import SENDER, SITE_URL, email_project, parse_eml, write_email

GMAIL_CLIP_BYTES = 102_000
CARD = f"{SITE_URL}assets/runform/cards/tips/heel-pick-up.png"
TIP_URL = f"{SITE_URL}tips/heel-pick-up/"
RELATIVE_LINK_TIP = minimal_tip(
    "Links",
    "2026-11-27",
    intro='"See [the archive](../), [home](/), [a section](#why), [mail](mailto:c@x.example)."',
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return email_project(
        tmp_path_factory.mktemp("email") / "project",
        {"2026-11-27-links.yml": RELATIVE_LINK_TIP},
    )


@pytest.fixture(scope="module")
def heel(project: Project) -> Path:
    return write_email(project, "--tip", "heel-pick-up") / "heel-pick-up.eml"


def test_headers_parts_and_charset(heel: Path) -> None:
    parsed = parse_eml(heel)
    message = parsed.message
    assert message["From"] == f"Coach Sam <{SENDER}>"
    assert message["To"] == "list@lists.coach.example"
    assert message["Subject"] == "#RunFormFriday: Heel Pick Up"
    assert message["Date"] == "Fri, 20 Nov 2026 00:00:00 +0000"
    assert re.fullmatch(
        r"<heel-pick-up\.2026-11-20\.[0-9a-f]{10}@coach\.example>", message["Message-ID"]
    )
    assert message["List-Unsubscribe"] == "<https://coach.example/unsubscribe/>"
    assert message["Content-Language"] == "en"
    assert message.get_content_type() == "multipart/alternative"
    parts = [
        (p.get_content_type(), p.get_content_charset(), p["Content-Transfer-Encoding"])
        for p in message.iter_parts()
    ]
    assert parts == [
        ("text/plain", "utf-8", "quoted-printable"),
        ("text/html", "utf-8", "quoted-printable"),
    ]
    assert b"\r\n" in parsed.raw and b"\n" not in parsed.raw.replace(b"\r\n", b""), "CRLF only"
    assert max(len(line) for line in parsed.raw.split(b"\r\n")) <= 78, "no line over 78 bytes"


def test_html_is_a_mail_client_document(heel: Path) -> None:
    parsed = parse_eml(heel)
    tree = parsed.tree
    for tag in ("script", "iframe", "form", "link", "object", "embed", "video"):
        assert not tree.xpath(f"//{tag}"), f"no <{tag}> in an email"
    assert "@font-face" not in parsed.html and "fonts.googleapis" not in parsed.html
    metas = {m.get("name"): m.get("content") for m in tree.xpath("//meta[@name]")}
    assert metas["color-scheme"] == "light dark"
    assert metas["supported-color-schemes"] == "light dark"
    styles = " ".join(tree.xpath("//style/text()"))
    assert "prefers-color-scheme:dark" in styles.replace(" ", ""), "dark-mode rules kept"
    assert tree.xpath("//html/@lang") == ["en"]
    preheader = tree.xpath("//body/div[1]")[0]
    assert "display:none" in preheader.get("style").replace(" ", "")
    assert preheader.text_content().strip() == "Technique cue: Heel Pull · “Heel up, under the hip”"
    assert len(parsed.html.encode("utf-8")) < GMAIL_CLIP_BYTES


def test_every_image_has_alt_and_is_on_the_site(heel: Path) -> None:
    tree = parse_eml(heel).tree
    images = tree.xpath("//img")
    assert [(img.get("src"), img.get("alt")) for img in images] == [
        (CARD, "Play video: Heel pull drill, demonstrated by Jeff Grant")
    ]
    linked = images[0].getparent()
    assert linked.tag == "a" and linked.get("href") == TIP_URL, "the video links to the tip page"
    assert "youtube" not in parse_eml(heel).html.lower(), "no YouTube thumbnail or link"


def test_every_link_is_absolute(heel: Path, project: Project) -> None:
    links_eml = write_email(project, "--tip", "links") / "links.eml"
    for path in (heel, links_eml):
        hrefs = parse_eml(path).tree.xpath("//a/@href")
        for href in hrefs:
            assert re.match(r"^(https://|mailto:)", href), f"{path.name}: {href} is not absolute"
    hrefs = parse_eml(links_eml).tree.xpath("//a/@href")
    assert f"{SITE_URL}tips/" in hrefs, "../ resolved against the tip page"
    assert SITE_URL in hrefs, "/ resolved against the tip page"
    assert f"{SITE_URL}tips/links/#why" in hrefs
    assert "mailto:c@x.example" in hrefs


def test_booking_links_are_tagged_for_email(heel: Path) -> None:
    tree = parse_eml(heel).tree
    book = tree.xpath("//a[normalize-space()='Book now']/@href")
    assert book == [
        "https://coach.example/book?utm_source=runform&utm_medium=email&utm_campaign=heel-pick-up"
    ]


def test_the_content_of_the_tip_is_there_in_both_parts(heel: Path) -> None:
    parsed = parse_eml(heel)
    text = parsed.tree.text_content()
    for expected in (
        "Heel Pick Up",
        "Technique cue",
        "Heel Pull",
        "Say to yourself: “Heel up, under the hip”",
        "Why master the movement?",
        "Common faults",
        "Flicking the foot back",
        "Drill: Wall-supported heel pulls",
        "2 \N{MULTIPLICATION SIGN} 10 pulls each leg, before an easy run",
        "We are not POSE Technique coaches.",
        "Unsubscribe",
    ):
        assert expected in text, f"HTML part: {expected!r}"
    plain = parsed.text
    assert plain.startswith("Heel Pick Up\n============\n\nPull the heel up under the hip")
    for line in (
        "Technique cue: Heel Pull",
        "Say to yourself: “Heel up, under the hip”",
        "Why master the movement?\n------------------------",
        "- overworked hip flexors, the rectus femoris in particular\n- a tight ITB in some runners",
        "Driving with the knee → If your thigh swings forward and up before the\nfoot leaves",
        "1. Stand tall side-on to a wall, one hand resting on it, weight over the\n   stance foot.",
        "4. Walk, then jog ten steps, feeling for the same up movement in every\n   stride.",
        "Dose: 2 \N{MULTIPLICATION SIGN} 10 pulls each leg, before an easy run",
        f"▶ Play video: Heel pull drill, demonstrated by Jeff Grant:\n{TIP_URL}",
        f"Read this tip on the website: {TIP_URL}",
        "Unsubscribe: https://coach.example/unsubscribe/",
    ):
        assert line in plain, f"text part: {line!r}"
    assert "<" not in plain and "*" not in plain, "no markup in the text part"


def test_byte_identical_twice(project: Project, heel: Path) -> None:
    first = heel.read_bytes()
    again = write_email(project, "--tip", "heel-pick-up") / "heel-pick-up.eml"
    assert again.read_bytes() == first


def test_as_of_writes_the_tips_going_live_that_day(project: Project) -> None:
    out = project.root / "day"
    result = runform(project.root, "email", "--as-of", "2026-11-27", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["links.eml", "relaxed-arms.eml"]
    quiet = runform(project.root, "email", "--as-of", "2026-11-26", "--out", str(out))
    assert quiet.stdout == "No tip goes live on 2026-11-26: no email written.\n"


def test_a_merge_tag_is_written_as_it_is(tmp_path: Path) -> None:
    project = email_project(tmp_path / "p", unsubscribe="{{ unsubscribe_url }}")
    parsed = parse_eml(write_email(project, "--tip", "heel-pick-up") / "heel-pick-up.eml")
    assert parsed.tree.xpath("//a[normalize-space()='Unsubscribe']/@href") == [
        "{{ unsubscribe_url }}"
    ]
    assert "Unsubscribe: {{ unsubscribe_url }}" in parsed.text
    assert parsed.message["List-Unsubscribe"] is None, "the list service adds its own"
    project.set_extra({"email": {"unsubscribe": "*|UNSUB|*"}})
    parsed = parse_eml(write_email(project, "--tip", "heel-pick-up") / "heel-pick-up.eml")
    assert parsed.tree.xpath("//a[normalize-space()='Unsubscribe']/@href") == ["*|UNSUB|*"]


def test_an_email_over_gmails_clipping_limit_is_refused(tmp_path: Path) -> None:
    long_body = (
        "|\n" + "\n\n".join(f"      Paragraph {n} " + "word " * 150 for n in range(160)) + "\n"
    )
    tip = minimal_tip("Long", "2026-11-27", intro=long_body)
    project = email_project(tmp_path / "p", {"2026-11-27-long.yml": tip}, example_tips=False)
    result = runform(project.root, "email", "--tip", "long", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert re.fullmatch(
        r"runform: tips/2026-11-27-long\.yml: the email of 'long' is [\d,]+ bytes of HTML; "
        r"Gmail clips an email over 102,000 bytes and hides its end \(shorten the tip's text\)\n",
        result.stderr,
    ), result.stderr
    assert not (tmp_path / "out" / "long.eml").exists()


def test_no_site_url_is_a_clear_error(tmp_path: Path) -> None:
    project = email_project(tmp_path / "p")
    project.update_config({"site_url": None})
    result = runform(project.root, "email", "--tip", "heel-pick-up", "--out", str(tmp_path / "o"))
    assert result.returncode == 1
    assert result.stderr.startswith("runform: mkdocs.yml has no site_url:")


def test_an_email_without_sender_settings_says_what_it_lacks(tmp_path: Path) -> None:
    project = new_project(tmp_path / "p")
    out = tmp_path / "out"
    result = runform(project.root, "email", "--tip", "heel-pick-up", "--out", str(out))
    assert (result.returncode, result.stderr) == (
        0,
        "runform: warning: no email.from_address or email.to in mkdocs.yml: the email has no"
        " From or To header until it is set (extra.runform.email)\n",
    )
    written = parse_eml(out / "heel-pick-up.eml").message
    assert (written["From"], written["To"]) == (None, None)


def test_a_set_up_edition_writes_without_a_warning(project: Project, tmp_path: Path) -> None:
    result = runform(project.root, "email", "--tip", "heel-pick-up", "--out", str(tmp_path))
    assert (result.returncode, result.stderr) == (0, "")
