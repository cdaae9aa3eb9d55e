"""The parse cache: a run parses only the tip files that changed since the last one, and says
exactly what a run without the cache says."""

from __future__ import annotations

import cProfile
import pickle
from datetime import date
from pathlib import Path

import pytest

from conftest import minimal_tip, new_project, parse_calls
from runform.content.inspection import check_project
from runform.content.parse_cache import PARSE_CACHE, code_digest
from runform.content.project import open_project

AS_OF = date(2026, 11, 24)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    tips = {
        f"2026-{month:02d}-06-tip-{month}.yml": minimal_tip(f"Tip {month}", f"2026-{month:02d}-06")
        for month in range(1, 11)
    }
    tips["2026-11-06-broken.yml"] = "title: Broken\ndate: 2026-11-06\n"
    return new_project(tmp_path / "project", tips, example_tips=False).root


def _check(root: Path) -> tuple[list[str], int]:
    """check_project's lines and how many tip files it parsed."""
    profile = cProfile.Profile()
    project = open_project(root / "mkdocs.yml")
    result = profile.runcall(check_project, project, [], AS_OF)
    return [str(d) for d in result.diagnostics], parse_calls(profile)


def test_a_second_run_parses_nothing_and_says_the_same(root: Path) -> None:
    first, parsed = _check(root)
    assert parsed == 11
    assert (root / PARSE_CACHE).is_file()
    again, parsed_again = _check(root)
    assert (again, parsed_again) == (first, 0)
    assert any("Broken" in line or "broken" in line for line in first), "the broken tip is told"


def test_a_changed_tip_is_parsed_again_and_only_it(root: Path) -> None:
    _check(root)
    tip = root / "tips" / "2026-03-06-tip-3.yml"
    tip.write_text(minimal_tip("Tip three", "2026-03-06"), encoding="utf-8")
    lines, parsed = _check(root)
    assert parsed == 1
    fresh = open_project(root / "mkdocs.yml").load_catalog()  # a build reads the same cache
    assert [e.tip.title for e in fresh.entries if e.slug == "tip-3"] == ["Tip three"]
    (root / PARSE_CACHE).unlink()
    assert _check(root) == (lines, 11), "the same as parsing everything"


def test_a_renamed_tip_is_parsed_again(root: Path) -> None:
    """The file name has rules of its own (date, slug): a rename is a new file."""
    _check(root)
    tips = root / "tips"
    (tips / "2026-04-06-tip-4.yml").rename(tips / "2026-04-07-tip-4.yml")
    lines, parsed = _check(root)
    assert parsed == 1
    assert any(line.startswith("tips/2026-04-07-tip-4.yml:") for line in lines)


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle", pickle.dumps({"something": "else"}), pickle.dumps([1, 2])],
    ids=["empty", "garbage", "foreign", "list"],
)
def test_a_damaged_cache_only_means_parsing_again(root: Path, damage: bytes) -> None:
    expected, _ = _check(root)
    (root / PARSE_CACHE).write_bytes(damage)
    assert _check(root) == (expected, 11)
    assert _check(root) == (expected, 0), "and it is written anew"


def test_a_cache_of_other_code_is_not_used(root: Path) -> None:
    expected, _ = _check(root)
    path = root / PARSE_CACHE
    data = pickle.loads(path.read_bytes())
    (key,) = [k for k in data if isinstance(k, bytes)]
    assert data[key] == code_digest()
    data[key] = b"another runform" + bytes(5)
    path.write_bytes(pickle.dumps(data))
    assert _check(root) == (expected, 11)


def test_a_cache_folder_that_cannot_be_written_is_no_error(root: Path) -> None:
    (root / ".cache").write_text("a file where the folder would be", encoding="utf-8")
    expected, parsed = _check(root)
    assert parsed == 11
    assert _check(root) == (expected, 11), "nothing kept, nothing broken"


def test_the_cache_keeps_only_the_tips_there_are(root: Path) -> None:
    _check(root)
    for path in list((root / "tips").glob("2026-0*.yml")):
        path.unlink()
    _check(root)
    data = pickle.loads((root / PARSE_CACHE).read_bytes())
    assert len(data["entries"]) == 2  # tip-10 and the broken one


class _RunsCode:
    """Pickles as a call of `target` with `args`: what a crafted cache file would hold."""

    def __init__(self, target: object, *args: object) -> None:
        self.target, self.args = target, args

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return self.target, self.args


@pytest.mark.parametrize(
    "payload",
    [
        lambda marker: _RunsCode(__import__("os").system, f"touch {marker}"),
        lambda marker: _RunsCode(Path.write_text, Path(marker), "x"),
        lambda marker: _RunsCode(
            __import__("runform.content.paths").content.paths.display_path,
            Path(marker),
            Path(marker),
        ),
    ],
    ids=["os.system", "a stdlib method", "a runform.content function"],
)
def test_a_cache_file_written_to_run_code_is_refused(root: Path, payload) -> None:
    """The cache is a file in the project folder, which a clone or a pull request can bring:
    loading it builds parse results only, never calls what the file names."""
    expected, _ = _check(root)
    marker = root / "ran"
    path = root / PARSE_CACHE
    data = pickle.loads(path.read_bytes())
    first = next(iter(data["entries"]))
    data["entries"][first] = payload(marker)
    path.write_bytes(pickle.dumps(data))
    assert _check(root) == (expected, 11), "the whole file is refused: every tip parsed again"
    assert not marker.exists()
