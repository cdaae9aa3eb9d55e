"""Video addresses: which provider, which video, where to start.

Parses the URL shapes a coach copies from YouTube or Vimeo. Only these hosts are accepted;
everything a page later needs (the privacy-friendly embed address, the link to watch) is
derived here from the provider, id and unlisted hash, never from the URL the coach wrote.

An unlisted Vimeo video is reachable only with its hash, which Vimeo puts in the share link
(`https://vimeo.com/987654321/0a1b2c3d4e`) and in the player's `h` parameter
(`https://player.vimeo.com/video/987654321?h=0a1b2c3d4e`); both forms are read here, and the
embed (`?h=`) and watch links carry the hash on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urlsplit


class Provider(StrEnum):
    YOUTUBE = "youtube"
    VIMEO = "vimeo"


@dataclass(frozen=True)
class VideoRef:
    provider: Provider
    video_id: str
    start: int | None  # seconds, from `t=` / `start=` / `#t=` in the URL
    unlisted_hash: str | None = None  # Vimeo's hash of an unlisted video ("0a1b2c3d4e")


class VideoUrlError(ValueError):
    """The URL is not a YouTube or Vimeo video address we can embed."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtu.be",
    "www.youtube-nocookie.com",
    "youtube-nocookie.com",
}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"[0-9]{1,12}")
# Vimeo's unlisted-video hash: hexadecimal digits (10 in the links Vimeo gives out)
_VIMEO_HASH = re.compile(r"[0-9a-fA-F]{1,40}")
_CLOCK = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})")
_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?")
_HINT = (
    "use a YouTube address such as https://www.youtube.com/watch?v=ID or https://youtu.be/ID, "
    "or a Vimeo address such as https://vimeo.com/ID"
)


def parse_start(text: str) -> int | None:
    """Seconds from '90', '1:30', '1:02:03', '1m30s' or '90s'; None when it is none of those."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if clock := _CLOCK.fullmatch(text):
        hours, minutes, seconds = clock.groups()
        if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
            return None
        return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if text and (duration := _DURATION.fullmatch(text)) and any(duration.groups()):
        hours, minutes, seconds = (int(part or 0) for part in duration.groups())
        return hours * 3600 + minutes * 60 + seconds
    return None


def parse_video_url(url: str) -> VideoRef:
    """A coach's video address -> provider, id, start and (Vimeo) unlisted hash.

    Raises VideoUrlError (with a hint) for any other host, a missing or malformed id, hash
    or start time.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise VideoUrlError(f"video url '{url}' must start with https://", _HINT)
    host = (parts.hostname or "").lower()
    if host in _YOUTUBE_HOSTS:
        return _parse_youtube(url, host, parts.path, parts.query)
    if host in _VIMEO_HOSTS:
        return _parse_vimeo(url, host, parts.path, parts.query, parts.fragment)
    raise VideoUrlError(f"video url '{url}' is not on YouTube or Vimeo", _HINT)


def _parse_youtube(url: str, host: str, path: str, query: str) -> VideoRef:
    params = parse_qs(query)
    segments = [s for s in path.split("/") if s]
    if host == "youtu.be":
        candidate = segments[0] if len(segments) == 1 else ""
    elif segments == ["watch"]:
        candidate = params.get("v", [""])[0]
    elif len(segments) == 2 and segments[0] in ("shorts", "embed", "live", "v"):
        candidate = segments[1]
    else:
        candidate = ""
    if not _YOUTUBE_ID.fullmatch(candidate):
        raise VideoUrlError(
            f"video url '{url}' has no valid YouTube video id (11 letters, digits, '-' or '_')",
            _HINT,
        )
    raw_start = (params.get("t") or params.get("start") or [None])[0]
    return VideoRef(Provider.YOUTUBE, candidate, _start_from_url(url, raw_start))


def _parse_vimeo(url: str, host: str, path: str, query: str, fragment: str) -> VideoRef:
    segments = [s for s in path.split("/") if s]
    params = parse_qs(query)
    unlisted: str | None = None
    if host == "player.vimeo.com":
        candidate = segments[1] if len(segments) == 2 and segments[0] == "video" else ""
        unlisted = params.get("h", [None])[0]
    else:
        candidate = segments[0] if len(segments) in (1, 2) else ""
        unlisted = segments[1] if len(segments) == 2 else None
    if not _VIMEO_ID.fullmatch(candidate):
        raise VideoUrlError(f"video url '{url}' has no valid Vimeo video id (digits)", _HINT)
    if unlisted is not None and not _VIMEO_HASH.fullmatch(unlisted):
        raise VideoUrlError(
            f"video url '{url}' has an unlisted-video hash '{unlisted}' that is not Vimeo's",
            "copy the link from Vimeo's Share button: https://vimeo.com/ID/HASH",
        )
    raw_start = parse_qs(fragment).get("t", [None])[0] or params.get("t", [None])[0]
    return VideoRef(Provider.VIMEO, candidate, _start_from_url(url, raw_start), unlisted)


def _start_from_url(url: str, raw: str | None) -> int | None:
    if raw is None:
        return None
    seconds = parse_start(raw)
    if seconds is None:
        raise VideoUrlError(
            f"video url '{url}' has a start time '{raw}' that is not a time",
            "use t=90 or t=1m30s, or remove it and set 'start:'",
        )
    return seconds


def embed_url(ref: VideoRef, start: int | None, *, autoplay: bool = False) -> str:
    """The privacy-friendlier player address: youtube-nocookie, or Vimeo with do-not-track."""
    if ref.provider is Provider.YOUTUBE:
        params = [("autoplay", "1")] if autoplay else []
        if start:
            params.append(("start", str(start)))
        query = "&".join(f"{key}={value}" for key, value in params)
        return f"https://www.youtube-nocookie.com/embed/{ref.video_id}" + (
            f"?{query}" if query else ""
        )
    params = [("h", ref.unlisted_hash)] if ref.unlisted_hash else []
    params += [("dnt", "1")] + ([("autoplay", "1")] if autoplay else [])
    query = "&".join(f"{key}={value}" for key, value in params)
    fragment = f"#t={start}s" if start else ""
    return f"https://player.vimeo.com/video/{ref.video_id}?{query}{fragment}"


def watch_url(ref: VideoRef, start: int | None) -> str:
    """Where a reader without JavaScript watches the video."""
    if ref.provider is Provider.YOUTUBE:
        return f"https://www.youtube.com/watch?v={ref.video_id}" + (f"&t={start}s" if start else "")
    unlisted = f"/{ref.unlisted_hash}" if ref.unlisted_hash else ""
    return f"https://vimeo.com/{ref.video_id}{unlisted}" + (f"#t={start}s" if start else "")
