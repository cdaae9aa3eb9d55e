"""MkDocs hook: hands the site to runform. All logic lives in the `runform` package.

(Not named runform.py: MkDocs puts hooks/ first on sys.path, which would shadow the package.)
"""

from runform.mkdocs_glue import (
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_post_build,
    on_post_page,
    on_serve,
    on_startup,
)

__all__ = [
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_context",
    "on_post_build",
    "on_post_page",
    "on_serve",
    "on_startup",
]
