"""Where the published editor commits: the GitHub repository named by mkdocs.yml's `repo_url`.

Kept apart from `config.py` (which reads the tip model, and so loads pydantic) so a build can
tell whether the site has an editor at all without loading it.
"""

from __future__ import annotations

import re
from typing import Final

_GITHUB_REPO: Final = re.compile(
    r"^https://github\.com/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$"
)


def github_repo(repo_url: str | None) -> str | None:
    """'owner/name' from mkdocs.yml's `repo_url` when it is a GitHub repository, else None."""
    match = _GITHUB_REPO.match(repo_url or "")
    return match.group(1) if match else None
