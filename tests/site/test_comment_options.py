"""What runform passes to giscus and Isso: only options their clients read, with values they
accept, and the site's language as a code each has a translation for (giscus breaks its frame
on any other code)."""

from __future__ import annotations

import pytest
import yaml

from conftest import minimal_tip
from runform.site.comment_languages import giscus_language, isso_language
from site_values import build_values

GISCUS = {"repo": "club/comments", "repo_id": "R_1", "category": "Tips", "category_id": "DIC_2"}

# theme.language (Material's codes, BCP 47 tags) -> (giscus code, Isso code)
LANGUAGES = [
    ("en", "en", "en"),
    ("el", "gr", "el"),
    ("zh", "zh-CN", "zh-CN"),
    ("zh-Hant", "zh-TW", "zh-TW"),
    ("zh-TW", "zh-TW", "zh-TW"),
    ("zh_HK", "zh-HK", "zh-TW"),
    ("nb", "en", "en"),
    ("nn", "en", "en"),
    ("pt", "pt", "pt-PT"),
    ("pt-BR", "pt", "pt-BR"),
    ("de-CH", "de", "de"),
    ("km", "kh", "en"),
    ("sr", "hbs", "en"),
    ("uk", "uk", "uk"),
    ("FR", "fr", "fr"),
    ("fi", "en", "fi"),
    ("x-klingon", "en", "en"),
]


@pytest.mark.parametrize(("language", "giscus", "isso"), LANGUAGES, ids=[t[0] for t in LANGUAGES])
def test_each_service_gets_a_language_it_has(language, giscus, isso):
    assert (giscus_language(language), isso_language(language)) == (giscus, isso)


def _comments(tmp_path, provider: dict, language: str) -> dict:
    built = build_values(
        tmp_path,
        {"2026-11-20-tip.yml": minimal_tip("Tip")},
        settings={"comments": provider},
        language=language,
    )
    (page,) = [p for p in built.pages if p.src_uri == "tips/tip.md"]
    front_matter = yaml.safe_load(page.markdown.split("---\n")[1])
    own = front_matter["runform"]["comments"]  # the page's part; the site's in built.comments
    assert built.comments is not None
    return {**built.comments, **(own if isinstance(own, dict) else {})}


@pytest.mark.parametrize(("language", "expected"), [("el", "gr"), ("zh", "zh-CN"), ("nb", "en")])
def test_giscus_gets_every_option_its_client_reads(tmp_path, language, expected):
    comments = _comments(tmp_path, {"provider": "giscus", "giscus": GISCUS}, language)
    assert comments["script"] == "https://giscus.app/client.js"
    # giscus' client.ts reads these from the script's dataset; values as its docs list them
    assert comments["attributes"] == {
        "data-repo": "club/comments",
        "data-repo-id": "R_1",
        "data-category": "Tips",
        "data-category-id": "DIC_2",
        "data-mapping": "pathname",
        "data-strict": "0",
        "data-reactions-enabled": "1",
        "data-emit-metadata": "0",
        "data-input-position": "top",
        "data-theme": "preferred_color_scheme",
        "data-lang": expected,
        "data-loading": "lazy",
        "crossorigin": "anonymous",
    }


def test_a_giscus_lang_set_by_the_coach_is_mapped_too(tmp_path):
    comments = _comments(
        tmp_path, {"provider": "giscus", "giscus": {**GISCUS, "lang": "zh-Hant"}}, "en"
    )
    assert comments["attributes"]["data-lang"] == "zh-TW"


@pytest.mark.parametrize(
    ("language", "expected"), [("zh-Hant", "zh-TW"), ("pt", "pt-PT"), ("nb", "en")]
)
def test_isso_gets_every_option_its_client_reads(tmp_path, language, expected):
    isso = {"url": "https://comments.club.example/", "max_comments": 20}
    comments = _comments(tmp_path, {"provider": "isso", "isso": isso}, language)
    assert comments["script"] == "https://comments.club.example/js/embed.min.js"
    # keys of Isso's default_config.js, as data-isso-* attributes
    assert comments["attributes"] == {
        "data-isso": "https://comments.club.example/",
        "data-isso-lang": expected,
        "data-isso-require-email": "false",
        "data-isso-require-author": "false",
        "data-isso-reply-to-self": "false",
        "data-isso-vote": "false",
        "data-isso-max-comments-top": "20",
    }
    assert comments["thread"] == {"data-title": "Tip"}
