"""A tip that carries an attack in every field, shared by the page and e-mail safety tests."""

from __future__ import annotations

import json

ATTACKS = [
    "<script>alert('x1')</script>",
    "<img src=x onerror=alert('x2')>",
    "\"><svg onload=alert('x3')>",
    "{: onmouseover=alert('x4') }",
    "[click](javascript:alert('x5'))",
    '--8<-- "mkdocs.yml"',
    "</script><!-- x6",
    "<a href='//evil.example/x7'>x7</a>",
]
PAYLOAD = " ".join(ATTACKS)


def q(text: str) -> str:
    return json.dumps(text)  # JSON strings are YAML double-quoted scalars


def block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line for line in text.splitlines()) + "\n"


MARKDOWN_PAYLOAD = "\n\n".join(
    [*ATTACKS, "[relative ok](other/)", "[proto](//evil.example/x8)", "    <script>x9</script>"]
)
HOSTILE_CREDIT_URL = "https://x.example/\"><script>alert('x10')</script>"
HOSTILE_CTA_URL = "https://x.example/?q=\"><script>alert('x11')</script>"
TIP = f"""\
title: {q("T " + ATTACKS[0][:60])}
date: 2026-11-20
summary: {q(PAYLOAD[:230])}
cue:
  name: {q(ATTACKS[1][:58])}
  say: {q(ATTACKS[2])}
intro: {block(MARKDOWN_PAYLOAD, 2)}video:
  url: https://youtu.be/aaaaaaaaaaa
  title: {q(ATTACKS[2])}
  credit: {q(ATTACKS[0])}
  credit_url: {q(HOSTILE_CREDIT_URL)}
rationale:
  - heading: {q(ATTACKS[3] + " " + ATTACKS[0])}
    body: {block(MARKDOWN_PAYLOAD, 6)}faults:
  - name: {q(ATTACKS[1])}
    fix: {block(MARKDOWN_PAYLOAD, 6)}drill:
  name: {q(ATTACKS[3])}
  steps:
    - {block(MARKDOWN_PAYLOAD, 6)}  dose: {q(ATTACKS[0])}
notes:
  - kind: warning
    text: {block(MARKDOWN_PAYLOAD, 6)}muscles: [{q(ATTACKS[0][:40])}]
tags: [{q(ATTACKS[1][:40])}, {q(ATTACKS[6][:40])}]
teaser: {q(ATTACKS[2])}
cta:
  text: {q(ATTACKS[0])}
  label: {q(ATTACKS[1][:40])}
  url: {q(HOSTILE_CTA_URL)}
"""
