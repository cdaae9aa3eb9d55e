"""Lighthouse (mobile, simulated throttling) on a built site served with gzip on 127.0.0.1.

    python bench/lighthouse.py SITE_DIR "" tips/ tips/heel-pick-up/ --prefix /runform/ --runs 3

Each page is measured `--runs` times; the median performance and accessibility scores are
printed as JSON, with every run's scores. Lighthouse is npm's `lighthouse` (run from
`--lighthouse`, default ./node_modules/.bin/lighthouse; `npm install lighthouse` puts it
there); it drives Debian's /usr/bin/chromium (CHROME_PATH) headless and reaches nothing but
the local server. The site is served by first_visit.GzipStaticServer under the path of its
site_url, as a static host serves it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from first_visit import CHROMIUM, GzipStaticServer

CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def largest_tag_page(site: Path) -> str | None:
    """The first page of the tag with the most tips ("tags/drills/"), read from the counts on
    runform's tags page (`ul.rf-tag-index`: a link and "(N)" per tag); None when the site has
    no such page or no tag."""
    index = site / "tags" / "index.html"
    if not index.is_file():
        return None
    found = [
        (int(item.findtext("span").strip("()")), item.find("a").get("href"))
        for item in lxml_html.parse(str(index)).xpath("//ul[@class='rf-tag-index']/li")
    ]
    if not found:
        return None
    _count, href = max(found, key=lambda pair: pair[0])
    return urljoin("tags/", href)


def run_lighthouse(lighthouse: Path, url: str) -> dict[str, float]:
    """One Lighthouse run of `url`: {"performance": 0.98, "accessibility": 1.0}."""
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        subprocess.run(
            [
                str(lighthouse),
                url,
                "--quiet",
                "--only-categories=performance,accessibility",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            timeout=300,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: data["categories"][name]["score"] for name in ("performance", "accessibility")}


def measure_pages(
    site: Path, pages: list[str], prefix: str, runs: int, lighthouse: Path
) -> dict[str, dict]:
    """Every page `runs` times: {page: {"median": {...}, "lowest": {...}, "runs": [...]}}."""
    results: dict[str, dict] = {}
    with GzipStaticServer(site, prefix) as server:
        for page in pages:
            scores = [run_lighthouse(lighthouse, server.url(page)) for _ in range(runs)]
            results[page or "/"] = {
                "median": {
                    name: statistics.median(run[name] for run in scores)
                    for name in ("performance", "accessibility")
                },
                "lowest": {
                    name: min(run[name] for run in scores)
                    for name in ("performance", "accessibility")
                },
                "runs": scores,
            }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="+", help="URL paths under the site, '' for home")
    parser.add_argument("--prefix", default="/")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lighthouse", type=Path, default=Path("node_modules/.bin/lighthouse"))
    args = parser.parse_args()
    results = {}
    with GzipStaticServer(args.site, args.prefix) as server:
        for page in args.pages:
            runs = [run_lighthouse(args.lighthouse, server.url(page)) for _ in range(args.runs)]
            results[page or "/"] = {
                "median": {
                    name: statistics.median(run[name] for run in runs)
                    for name in ("performance", "accessibility")
                },
                "runs": runs,
            }
            print(json.dumps({page or "/": results[page or "/"]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
