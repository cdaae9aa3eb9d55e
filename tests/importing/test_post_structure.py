"""A post's HTML -> a tip's parts: videos with their start times, sections, what is dropped."""

from __future__ import annotations

import pytest

from runform.importers.post_structure import comment_markdown, find_structure
from runform.importers.wordpress import post_slug


@pytest.mark.parametrize(
    ("content", "url", "start"),
    [
        ('<iframe src="https://www.youtube.com/embed/aaaaaaaaaaa?start=30"></iframe>',
         "https://www.youtube.com/watch?v=aaaaaaaaaaa", 30),
        ("Intro.\n\nhttps://vimeo.com/76979871#t=1m5s\n\nMore.",
         "https://vimeo.com/76979871", 65),
        ("[embed]https://youtu.be/aaaaaaaaaaa?t=2m[/embed]",
         "https://www.youtube.com/watch?v=aaaaaaaaaaa", 120),
        ('<p>[video src="https://www.youtube.com/watch?v=aaaaaaaaaaa"]</p>',
         "https://www.youtube.com/watch?v=aaaaaaaaaaa", None),
    ],
    ids=["iframe-start", "auto-embed-vimeo-fragment", "embed-shortcode-t", "video-shortcode"],
)  # fmt: skip
def test_the_video_and_its_start(content, url, start):
    video = find_structure(content, "Title").video
    assert video is not None, content
    assert (video.url, video.start) == (url, start)


def test_a_link_in_a_sentence_is_no_video_and_hostile_text_stays_text():
    found = find_structure(
        "See https://www.youtube.com/watch?v=aaaaaaaaaaa for more.\n\n"
        'Write &lt;script&gt;alert(1)&lt;/script&gt; <a href="javascript:alert(1)">here</a>.',
        "Title",
    )
    assert found.video is None
    assert found.rationale == (
        (
            "Title",
            "See https://www.youtube.com/watch?v=aaaaaaaaaaa for more.\n\n"
            "Write &lt;script>alert(1)&lt;/script> here.",
        ),
    )


def test_h5_becomes_bold_and_scripts_forms_and_rules_are_dropped():
    found = find_structure(
        "<h2>Why</h2><p>Text.</p><h5>Small</h5><hr><script>x()</script><form></form>",
        "Title",
    )
    assert found.rationale == (("Why", "Text.\n\n**Small**"),)
    assert found.dropped == ("a horizontal rule", "a script", "a form")


@pytest.mark.parametrize(
    ("post_name", "title", "slug"),
    [
        ("la-foul%c3%a9e", "La foulée", "la-foulee"),
        ("%e8%b7%91%e6%ad%a5", "跑步", "paobu"),
        ("", "Heel Pick Up!", "heel-pick-up"),
        ("", "", "post-7"),
    ],
    ids=["french", "chinese", "from-title", "nothing"],
)
def test_slugs(post_name, title, slug):
    assert post_slug(post_name, title, 7) == slug


def test_a_blank_line_between_two_inline_elements_still_ends_the_paragraph():
    """Classic-editor posts separate paragraphs by blank lines only; one that ends in a link
    and one that starts in bold stay two paragraphs (and the bold one is a heading)."""
    found = find_structure(
        'Land under the hips, says <a href="https://coach.example/">the coach</a>\n\n'
        "<strong>Why it matters</strong>\n\n"
        "Less braking <em>every</em> step.\n \n<em>Try it on grass.</em>\n\n"
        "<pre>step one\n\n  <b>step</b> two</pre>\n"
        "<blockquote>Stay tall.\n\nStay <em>relaxed</em>.</blockquote>\n"
        "<ul>\n<li>Hips high\n\nfrom the first step</li>\n</ul>",
        "Title",
    )
    assert found.intro == "Land under the hips, says [the coach](https://coach.example/)"
    assert found.rationale == (
        (
            "Why it matters",
            "Less braking *every* step.\n\n```\nstep one\n\n  step two\n```\n\n"
            "> Stay tall.\n>\n> Stay *relaxed*.\n\n- Hips high\n\n  from the first step",
        ),
    )
    assert found.notes == ("Try it on grass.",)


def test_a_comment_keeps_its_paragraphs_between_inline_elements():
    assert comment_markdown("First point <em>here</em>\n\n<strong>Second</strong> point") == (
        "First point *here*\n\n**Second** point",
        (),
    )


def test_a_pull_quote_keeps_its_text_and_an_image_names_its_caption():
    """A <figure> is not always an image: the block editor's pull quote is a figure around a
    quote. An image's caption goes with it, and the report says which."""
    found = find_structure(
        '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Run tall.</p>'
        "<cite>Coach Ana</cite></blockquote></figure><!-- /wp:pullquote -->\n"
        '<figure class="wp-block-image"><img src="https://coach.example/foot.jpg" alt="">'
        "<figcaption>Foot lands under the hip</figcaption></figure>",
        "Title",
    )
    assert found.rationale == (("Title", "> Run tall.\n>\n> Coach Ana"),)
    assert found.dropped == ("an image (caption: 'Foot lands under the hip')",)


def test_a_definition_list_becomes_a_list_of_terms():
    found = find_structure(
        "<h2>Words</h2><dl><dt>Cadence</dt><dd>Steps a minute.</dd>"
        "<dt>Overstride</dt><dd>Landing ahead of the hips.</dd><dd>It brakes.</dd></dl>",
        "Title",
    )
    assert found.rationale == (
        (
            "Words",
            "- **Cadence**: Steps a minute.\n"
            "- **Overstride**: Landing ahead of the hips. It brakes.",
        ),
    )
    assert found.dropped == ()


def test_nested_emphasis_is_written_once_and_strike_through_is_reported():
    """Markdown has no strike-through on a tip page: the words stay, and the report says so."""
    found = find_structure(
        "<p>Keep <strong>hips <strong>high</strong></strong> and <em>arms <i>loose</i></em>, "
        "land on the <del>heel</del> <s>toes</s> midfoot.</p>",
        "Title",
    )
    assert found.rationale == (
        ("Title", "Keep **hips high** and *arms loose*, land on the heel toes midfoot."),
    )
    assert found.dropped == ("strike-through on 'heel', 'toes' (the words are kept)",)


def test_an_embedded_post_is_named_as_one_with_its_address():
    """A tweet or an Instagram post is no video: the report names it and gives its address."""
    found = find_structure(
        '<!-- wp:embed {"url":"https://twitter.com/coach/status/123","type":"rich",'
        '"providerNameSlug":"twitter"} -->\n<figure class="wp-block-embed is-type-rich">'
        '<div class="wp-block-embed__wrapper">\nhttps://twitter.com/coach/status/123\n</div>'
        "</figure>\n<!-- /wp:embed -->\n\n"
        "[embed]https://www.instagram.com/p/abc/[/embed]\n\n"
        '<!-- wp:core-embed/youtube {"url":"https://youtu.be/aaaaaaaaaaa","type":"video"} -->\n'
        '<figure class="wp-block-embed-youtube wp-block-embed is-type-video"><div '
        'class="wp-block-embed__wrapper">\nhttps://youtu.be/aaaaaaaaaaa\n</div></figure>\n'
        "<!-- /wp:core-embed/youtube -->",
        "Title",
    )
    assert found.video is not None
    assert found.video.url == "https://www.youtube.com/watch?v=aaaaaaaaaaa"
    assert found.dropped == (
        "an embedded post runform cannot show (https://twitter.com/coach/status/123)",
        "an embedded post runform cannot show (https://www.instagram.com/p/abc/)",
    )


def test_a_summary_guess_takes_sentences_until_it_says_something():
    content = "<p>No. Most runners overstride when tired. The cue fixes it.</p><h2>Why</h2>"
    assert find_structure(content, "Stride").first_sentence == (
        "No. Most runners overstride when tired."
    )
    one = "<p>Most runners overstride when tired. The cue fixes it.</p>"
    assert find_structure(one, "Stride").first_sentence == "Most runners overstride when tired."
