"""What is published as of a day: the day before, the day of, and time zones around midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import minimal_tip
from runform.content.catalog import load_catalog
from runform.content.diagnostics import ContentError
from runform.content.schedule import Status, build_schedule, preview_enabled, resolve_as_of


@pytest.fixture
def catalog(tmp_path: Path):
    tips = tmp_path / "tips"
    tips.mkdir()
    (tips / "2026-11-13-older.yml").write_text(minimal_tip("Older", "2026-11-13"), "utf-8")
    (tips / "2026-11-20-friday.yml").write_text(
        minimal_tip("Friday", "2026-11-20", teaser='"Hidden until Friday"'), "utf-8"
    )
    (tips / "2026-11-27-later.yml").write_text(
        minimal_tip("Later", "2026-11-27", teaser='"The one after"'), "utf-8"
    )
    (tips / "2026-11-06-draft.yml").write_text(
        minimal_tip("Draft", "2026-11-06", draft="true"), "utf-8"
    )
    result = load_catalog(tips, root=tmp_path)
    assert result.diagnostics == ()
    return result


def titles(entries) -> list[str]:
    return [e.tip.title for e in entries]


def test_the_day_before_a_tip_is_scheduled(catalog) -> None:
    schedule = build_schedule(catalog, date(2026, 11, 19))
    assert titles(schedule.published) == ["Older"]
    assert titles(schedule.scheduled) == ["Friday", "Later"]
    assert schedule.next_up is not None and schedule.next_up.tip.title == "Friday"


def test_on_its_day_a_tip_is_published_newest_first(catalog) -> None:
    schedule = build_schedule(catalog, date(2026, 11, 20))
    assert titles(schedule.published) == ["Friday", "Older"]
    assert titles(schedule.scheduled) == ["Later"]
    assert schedule.next_up is not None and schedule.next_up.tip.teaser == "The one after"


def test_a_draft_is_never_published_whatever_its_date(catalog) -> None:
    schedule = build_schedule(catalog, date(2030, 1, 1))
    assert titles(schedule.drafts) == ["Draft"]
    assert "Draft" not in titles(schedule.published)
    assert schedule.status_of(schedule.drafts[0]) is Status.DRAFT
    assert schedule.next_up is None


@pytest.mark.parametrize(
    ("timezone", "utc_now", "expected"),
    [
        # 23:30 UTC on Thursday is already Friday 00:30 in Berlin...
        ("Europe/Berlin", datetime(2026, 11, 19, 23, 30, tzinfo=UTC), date(2026, 11, 20)),
        # ...but still Thursday in UTC and in New York.
        ("UTC", datetime(2026, 11, 19, 23, 30, tzinfo=UTC), date(2026, 11, 19)),
        ("America/New_York", datetime(2026, 11, 20, 4, 59, tzinfo=UTC), date(2026, 11, 19)),
        ("America/New_York", datetime(2026, 11, 20, 5, 0, tzinfo=UTC), date(2026, 11, 20)),
        ("Pacific/Auckland", datetime(2026, 11, 19, 11, 0, tzinfo=UTC), date(2026, 11, 20)),
    ],
    ids=["berlin-after-midnight", "utc-before-midnight", "new-york-4:59", "new-york-5:00", "nz"],
)
def test_today_is_taken_in_the_site_time_zone(timezone, utc_now, expected, catalog) -> None:
    as_of = resolve_as_of({}, timezone, utc_now)
    assert as_of == expected, f"{timezone} at {utc_now:%Y-%m-%d %H:%M} UTC should be {expected}"
    published = titles(build_schedule(catalog, as_of).published)
    assert ("Friday" in published) == (expected >= date(2026, 11, 20))


def test_runform_as_of_overrides_the_clock() -> None:
    env = {"RUNFORM_AS_OF": "2026-12-25"}
    assert resolve_as_of(env, "UTC", datetime(2026, 1, 1, tzinfo=UTC)) == date(2026, 12, 25)


def test_a_bad_runform_as_of_is_a_clear_error() -> None:
    with pytest.raises(ContentError) as caught:
        resolve_as_of({"RUNFORM_AS_OF": "next friday"}, "UTC", datetime.now(UTC))
    assert str(caught.value.diagnostics[0]) == (
        "RUNFORM_AS_OF:1:1: error: 'next friday' is not a date"
        " (set it as YYYY-MM-DD, e.g. RUNFORM_AS_OF=2026-11-27)"
    )


def test_preview_is_on_under_serve_unless_switched_off() -> None:
    assert preview_enabled({}, serving=True)
    assert not preview_enabled({"RUNFORM_PREVIEW": "0"}, serving=True)
    assert not preview_enabled({}, serving=False)
