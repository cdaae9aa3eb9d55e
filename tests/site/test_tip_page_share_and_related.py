"""Reading on from a tip: plain share links with accessible names, previous/next, three
related tips by most shared tags, and the next tip's teaser on the latest tip only."""

from __future__ import annotations

import random
from datetime import date, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup

from conftest import minimal_tip
from runform.content.catalog import Entry
from runform.content.model import Tip
from runform.site.links import RelatedTips

PAGE = "https://coach.example/tips/heel-pick-up/"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def test_share_links_are_plain_links_with_accessible_names(make_site):
    page = soup(make_site().page("tips/heel-pick-up/"))
    share = page.select_one("nav.rf-share")
    assert share is not None, "tips/heel-pick-up/: no share links"
    assert share.select_one("#rf-share-title").get_text() == "Share this tip"
    links = {a["data-network"]: a for a in share.select("a.rf-share__link")}
    assert list(links) == ["email", "whatsapp", "x", "facebook", "linkedin"]
    names = {network: a["aria-label"] for network, a in links.items()}
    assert names == {
        "email": "Share by email",
        "whatsapp": "Share on WhatsApp",
        "x": "Share on X",
        "facebook": "Share on Facebook",
        "linkedin": "Share on LinkedIn",
    }
    email = urlsplit(links["email"]["href"])
    assert email.scheme == "mailto"
    assert unquote(parse_qs(email.query)["subject"][0]) == "Heel Pick Up"
    assert PAGE in unquote(email.query)
    assert parse_qs(urlsplit(links["whatsapp"]["href"]).query)["text"] == [f"Heel Pick Up {PAGE}"]
    x = parse_qs(urlsplit(links["x"]["href"]).query)
    assert x == {"text": ["Heel Pick Up"], "url": [PAGE], "hashtags": ["RunFormFriday"]}
    assert parse_qs(urlsplit(links["facebook"]["href"]).query) == {"u": [PAGE]}
    assert parse_qs(urlsplit(links["linkedin"]["href"]).query) == {"url": [PAGE]}
    copy = share.select_one("button.rf-share__copy")
    assert copy["data-url"] == PAGE and copy.has_attr("hidden"), "shown by runform.js only"
    assert copy.get_text(strip=True) == "Copy link"
    assert share.select("script") == [] and page.select('script[src*="facebook"]') == []


def test_share_settings_and_no_site_url(make_project):
    project = make_project()
    project.set_extra({"share": {"networks": ["whatsapp", "email"], "copy_link": False}})
    project.build_ok()
    share = soup(project.page("tips/heel-pick-up/")).select_one("nav.rf-share")
    assert [a["data-network"] for a in share.select("a")] == ["whatsapp", "email"]
    assert share.select("button") == []
    project.update_config({"site_url": None})
    project.set_extra({"share": {"copy_link": True}})
    project.build_ok()
    share = soup(project.page("tips/heel-pick-up/")).select_one("nav.rf-share")
    assert share.select("a") == [], "without site_url there is no full address to share"
    assert share.select_one("button.rf-share__copy")["data-url"] == "", "copies location.href"
    project.set_extra({"share": {"enabled": False}})
    project.build_ok()
    assert soup(project.page("tips/heel-pick-up/")).select("nav.rf-share") == []


def _tagged(title: str, day: str, tags: str) -> str:
    return minimal_tip(title, day) + f"tags: {tags}\n"


def test_three_related_tips_by_most_shared_tags(make_site):
    tips = {
        "2026-11-20-base.yml": _tagged("Base", "2026-11-20", "[a, b, c]"),
        "2026-11-13-two-old.yml": _tagged("Two Old", "2026-11-13", "[a, b]"),
        "2026-11-06-three.yml": _tagged("Three", "2026-11-06", "[a, b, c, d]"),
        "2026-10-30-two-new.yml": _tagged("Two New", "2026-10-30", "[b, c]"),
        "2026-10-23-one.yml": _tagged("One", "2026-10-23", "[c]"),
        "2026-10-16-none.yml": _tagged("None Shared", "2026-10-16", "[z]"),
        "2026-11-27-future.yml": _tagged("Future", "2026-11-27", "[a, b, c]"),
    }
    project = make_site(tips, example_tips=False)
    related = soup(project.page("tips/base/")).select_one("section.rf-related")
    assert related.select_one("h2").get_text() == "Related tips"
    titles = [a.get_text() for a in related.select(".rf-card__title a")]
    assert titles == ["Three", "Two Old", "Two New"], "most shared tags first, then newest"
    assert related.select_one(".rf-card__title a")["href"] == "../three/"
    lonely = soup(project.page("tips/none/"))
    assert lonely.select("section.rf-related") == [], "no shared tag, no related tips"


def test_related_tips_rank_like_a_plain_sort_over_every_tip():
    """The tag index and its counting give the ranking a full sort of every tip would."""
    rng = random.Random(7)
    vocabulary = ["a", "B", "c", "d", "e", "f"]
    entries = []
    for n in range(300):
        day = date(2026, 11, 27) - timedelta(days=rng.randrange(400))  # some share a day
        tags = rng.sample(vocabulary, rng.randrange(0, 4))
        tip = Tip.model_validate(
            {
                "title": f"Tip {n}",
                "date": day.isoformat(),
                "summary": "S",
                "cue": {"name": "C"},
                "rationale": [{"heading": "H", "body": "B"}],
                "tags": tags,
            }
        )
        entries.append(Entry(path=f"tips/{n}.yml", slug=f"tip-{n}", tip=tip))
    related = RelatedTips(entries)

    def shared(one: Entry, other: Entry) -> int:
        return len({t.casefold() for t in one.tip.tags} & {t.casefold() for t in other.tip.tags})

    for entry in entries:
        expected = sorted(
            (o for o in entries if o is not entry and shared(entry, o)),
            key=lambda o: (-shared(entry, o), -o.tip.date.toordinal(), o.slug),
        )[:3]
        assert related.of(entry) == expected, f"{entry.slug} {entry.tip.tags}"


def test_teaser_on_the_latest_tip_only(make_site):
    project = make_site()
    latest = soup(project.page("tips/heel-pick-up/")).select_one(".rf-teaser")
    assert latest is not None, "tips/heel-pick-up/ is the latest tip: it shows the teaser"
    assert latest.get_text(" ", strip=True) == (
        "Next #RunFormFriday: Your arms set the rhythm of your legs. Next week: how to carry them."
    )
    older = soup(project.page("tips/cadence-quick-feet/"))
    assert older.select(".rf-teaser") == [], "an older tip shows no teaser"
    pager = soup(project.page("tips/heel-pick-up/")).select_one("nav.rf-pager")
    assert pager.select_one("a[rel=prev]")["href"] == "../cadence-quick-feet/"
