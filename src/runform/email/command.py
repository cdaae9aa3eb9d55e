"""`runform email`, the command line of the email edition (`runform.email`): write each tip
going live as an email (`.eml`), preview it, send it once.

    runform email [--as-of DATE | --tip SLUG] --out DIR [--preview]
    runform email live --out FILE          keep the live site's feed (before a deploy)
    runform email send --previous-feed FILE-or-URL [--current-feed FILE] [--out DIR]
    runform email send --tip SLUG          send one tip now, by hand

`send` hands over only the tips that `delivery.new_tips` finds new since the previous feed.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from runform.content.catalog import Catalog, Entry
from runform.content.diagnostics import ContentError
from runform.content.project import Project, ProjectNotFound, find_config_file, open_project
from runform.content.schedule import build_schedule
from runform.email.content import EmailSetupError, EmailSite, email_content
from runform.email.delivery import (
    NO_LIVE_FEED,
    DeliveryError,
    FeedEntry,
    fetch_live_feed,
    new_tips,
    parse_feed,
    read_previous_feed,
    send_messages,
    smtp_password,
)
from runform.email.message import build_message, message_bytes
from runform.email.plain_text import render_plain_text
from runform.email.preview import write_preview
from runform.email.render import EmailTooLarge, render_html
from runform.site.addresses import FEED_JSON


class EmailCommandError(Exception):
    """A problem the coach can fix: printed as one line, exit code 1."""


@dataclass(frozen=True)
class Edition:
    """A project's email edition: its tips, settings and the site facts emails need."""

    project: Project
    catalog: Catalog
    site: EmailSite

    @classmethod
    def open(cls, config_file: str | None) -> Edition:
        try:
            path = Path(config_file) if config_file else find_config_file(Path.cwd())
            project = open_project(path)
        except ProjectNotFound as error:
            raise EmailCommandError(str(error)) from None
        catalog = project.load_catalog()
        errors = [d for d in [*project.problems, *catalog.errors] if d.is_error]
        if errors:
            raise ContentError(errors)
        try:
            site = EmailSite.from_config(project.config, project.settings)
        except EmailSetupError as error:
            raise EmailCommandError(str(error)) from None
        return cls(project, catalog, site)

    def entry(self, slug: str) -> Entry:
        for entry in self.catalog.entries:
            if entry.slug == slug:
                return entry
        known = ", ".join(e.slug for e in self.catalog.entries[-5:])
        raise EmailCommandError(f"no tip has the slug '{slug}' (the newest: {known})")

    def render(self, entry: Entry) -> tuple[bytes, str]:
        """(the .eml bytes, the HTML part) of one tip."""
        content = email_content(entry, self.project.settings, self.site)
        try:
            html = render_html(content)
        except EmailTooLarge as error:
            raise EmailCommandError(f"{entry.path}: {error}") from None
        message = build_message(content, html, render_plain_text(content))
        return message_bytes(message), html

    def feed_entries(self, as_of: date) -> tuple[FeedEntry, ...]:
        """What this build's feed lists as of `as_of` (as the site's feed.json has it)."""
        schedule = build_schedule(self.catalog, as_of)
        count = self.project.settings.feed.count
        return tuple(
            FeedEntry(entry.tip.date, self.url(entry)) for entry in schedule.published[:count]
        )

    def url(self, entry: Entry) -> str:
        return self.site.links.tip(entry.slug)


# -- runform email ---------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    try:
        return _dispatch(args)
    except EmailCommandError as error:
        print(f"runform: {error}", file=sys.stderr)
    except DeliveryError as error:
        print(f"runform: nothing more was sent: {error}", file=sys.stderr)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
    return 1


def _dispatch(args: argparse.Namespace) -> int:
    action = getattr(args, "email_action", None)
    if action == "live":
        return _run_live(args)
    if action == "send":
        return _run_send(args)
    return _run_render(args)


def _run_render(args: argparse.Namespace) -> int:
    edition = Edition.open(args.config_file)
    if args.tip:
        entries = [edition.entry(args.tip)]
    else:
        as_of = edition.project.as_of(args.as_of)
        schedule = build_schedule(edition.catalog, as_of)
        entries = [e for e in reversed(schedule.published) if e.tip.date == as_of]
        if not entries:
            print(f"No tip goes live on {as_of.isoformat()}: no email written.")
            return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rendered: list[tuple[Entry, str]] = []
    for entry in entries:
        eml, html = edition.render(entry)
        (out / f"{entry.slug}.eml").write_bytes(eml)
        print(f"Wrote {out / (entry.slug + '.eml')} ({len(eml):,} bytes)")
        rendered.append((entry, html))
    if args.preview:
        page = write_preview(out, [(entry.slug, entry.tip.title, html) for entry, html in rendered])
        print(f"Preview (light and dark, 600 and 375 px): {page}")
    settings = edition.project.settings.email
    unset = [name for name in ("from_address", "to") if not getattr(settings, name)]
    if unset:
        print(
            f"runform: warning: no email.{' or email.'.join(unset)} in mkdocs.yml: the email has"
            f" no {' or '.join(_HEADERS[name] for name in unset)} header until it is set"
            " (extra.runform.email)",
            file=sys.stderr,
        )
    return 0


_HEADERS: Final = {"from_address": "From", "to": "To"}


def _run_live(args: argparse.Namespace) -> int:
    try:
        path = Path(args.config_file) if args.config_file else find_config_file(Path.cwd())
        project = open_project(path)
    except ProjectNotFound as error:
        raise EmailCommandError(str(error)) from None
    errors = [d for d in project.problems if d.is_error]
    if errors:
        raise ContentError(errors)
    print(keep_live_feed(project, Path(args.out)))
    return 0


def keep_live_feed(project: Project, out: Path) -> str:
    """Before a deploy: write the live site's feed.json (as served now) to `out`, or
    NO_LIVE_FEED when the site has none yet or email delivery is not set up; returns what
    was done, in a sentence. Needs only the settings, no tip. Raises EmailCommandError (email
    set up without the feed), DeliveryError (the live feed cannot be read, or is no feed)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    settings = project.settings
    if not settings.email.can_send:
        out.write_bytes(NO_LIVE_FEED)
        return "Email delivery is not set up (extra.runform.email): no live feed kept."
    if not settings.feed.enabled:
        raise EmailCommandError(
            "email delivery needs the site's feed (extra.runform.feed.enabled: true): "
            "it tells which tips are new"
        )
    try:
        site = EmailSite.from_config(project.config, settings)
    except EmailSetupError as error:
        raise EmailCommandError(str(error)) from None
    url = site.links.file(FEED_JSON)
    data = fetch_live_feed(url)
    parse_feed(data, url)  # refuse to keep something that is not a feed
    out.write_bytes(data)
    said = "no live feed yet (404)" if data == NO_LIVE_FEED else f"{len(data):,} bytes"
    return f"Kept the live feed {url} in {out}: {said}"


def _run_send(args: argparse.Namespace) -> int:
    edition = Edition.open(args.config_file)
    settings = edition.project.settings.email
    if not settings.can_send and not args.dry_run:
        print(
            "Email delivery is not set up (extra.runform.email: from_address, to, smtp.host): "
            "nothing sent."
        )
        return 0
    if args.tip:
        chosen = [edition.entry(args.tip)]
        today = edition.project.as_of(None)
        unpublished = chosen[0].tip.draft or chosen[0].tip.date > today
        if unpublished and not args.not_live_yet:
            raise EmailCommandError(
                f"{args.tip} is not live yet (dated {chosen[0].tip.date.isoformat()}"
                f"{', a draft' if chosen[0].tip.draft else ''}; today is {today.isoformat()}):"
                " its link would not work; add --not-live-yet to send it anyway"
            )
    else:
        if not args.previous_feed:
            raise EmailCommandError("send needs --previous-feed (or --tip SLUG to send one tip)")
        chosen = _new_entries(edition, args)
        if not chosen:
            return 0
    password = None if args.dry_run else smtp_password(settings, os.environ)
    messages = [edition.render(entry)[0] for entry in chosen]
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for entry, message in zip(chosen, messages, strict=True):
            (out / f"{entry.slug}.eml").write_bytes(message)
    if args.dry_run:
        for entry in chosen:
            print(f"Would send {entry.slug} ({entry.tip.date.isoformat()})")
        return 0
    refused = send_messages(settings, messages, password=password)
    taken = ", ".join(address for address in settings.to if address not in refused)
    for entry in chosen:
        print(f"Sent {entry.slug} ({entry.tip.date.isoformat()}) to {taken}")
    for address, reply in refused.items():
        print(
            f"runform: warning: the server refused {address} ({reply}): it got no email"
            " (check email.to)",
            file=sys.stderr,
        )
    return 0


def _new_entries(edition: Edition, args: argparse.Namespace) -> list[Entry]:
    previous = parse_feed(read_previous_feed(args.previous_feed), args.previous_feed)
    if args.current_feed:
        current_path = Path(args.current_feed)
        if not current_path.is_file():
            raise DeliveryError(f"{current_path} is missing: this build's feed.json is needed")
        current = parse_feed(current_path.read_bytes(), args.current_feed)
        entries = current.entries if current else ()
    else:
        entries = edition.feed_entries(edition.project.as_of(args.as_of))
    if previous is None:
        print("No feed was live before this deploy (the site's first): nothing sent.")
        return []
    if previous.home_page_url != edition.site.links.home:
        raise DeliveryError(
            f"the previous feed is of {previous.home_page_url}, not of "
            f"{edition.site.links.home} (site_url changed?): nothing sent"
        )
    by_url = {edition.url(entry): entry for entry in edition.catalog.entries}
    fresh = new_tips(entries, previous)
    unknown = [e.id for e in fresh if e.id not in by_url]
    if unknown:
        raise DeliveryError(f"this build's feed lists tips runform does not know: {unknown}")
    if not fresh:
        print("No new tip since the live feed: nothing sent.")
    return [by_url[e.id] for e in fresh]


# -- parser ----------------------------------------------------------------------------------
