"""Time `runform import wordpress` on a generated export of N posts (default 400).

    PYTHONPATH=src .venv/bin/python bench/wordpress_import.py --n 400

Makes a project in a temporary folder (tests/data/site, no tips), writes an export whose
posts mix the classic and block editors (each from tests/importing/data/blog.xml's first two
posts, with new ids, dates and slugs) and approved comments, then runs the real command
once with --comments isso and prints the wall time. Nothing is asserted: it only measures.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BLOG = REPO / "tests" / "importing" / "data" / "blog.xml"
SITE = REPO / "tests" / "data" / "site"


def generated_export(count: int) -> str:
    text = BLOG.read_text(encoding="utf-8")
    head, rest = text.split("<item>", 1)
    items = ["<item>" + part for part in rest.split("<item>")]
    templates = [items[0], items[1]]  # the classic and the block-editor post
    out: list[str] = []
    first = date(2015, 1, 2)
    for n in range(count):
        day = first + timedelta(weeks=n)
        item = templates[n % 2]
        item = re.sub(r"<wp:post_id>\d+</wp:post_id>", f"<wp:post_id>{1000 + n}</wp:post_id>", item)
        item = re.sub(
            r"<wp:post_name><!\[CDATA\[[^\]]*\]\]></wp:post_name>",
            f"<wp:post_name><![CDATA[tip-{n}]]></wp:post_name>",
            item,
        )
        item = re.sub(
            r"<wp:post_date_gmt><!\[CDATA\[[^\]]*\]\]></wp:post_date_gmt>",
            f"<wp:post_date_gmt><![CDATA[{day.isoformat()} 07:00:00]]></wp:post_date_gmt>",
            item,
        )
        item = re.sub(r"<link>[^<]*</link>", f"<link>https://oldblog.example/tip-{n}/</link>", item)
        out.append(item.split("</channel>")[0])
    return head + "".join(out) + "</channel>\n</rss>\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="posts in the export")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "site"
        shutil.copytree(SITE, root)
        (root / "tips").mkdir()
        export = Path(folder) / "export.xml"
        export.write_text(generated_export(args.n), encoding="utf-8")
        command = [sys.executable, "-m", "runform", "import", "wordpress", str(export)]
        command += ["--comments", "isso", "--isso-db", str(Path(folder) / "comments.db")]
        started = time.perf_counter()
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        written = len(list((root / "tips").glob("*.yml")))
        size = export.stat().st_size / 1024
        print(result.stdout.splitlines()[-1] if result.stdout else result.stderr)
        print(f"{args.n} posts ({size:.0f} KiB export): {written} tips in {elapsed:.2f} s")
        return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
