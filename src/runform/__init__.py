"""runform: weekly running-technique tips written as YAML, published as a Material for MkDocs
site. `runform.content` reads and checks what the coach writes, `runform.site` decides the
site, `runform.mkdocs_glue` hands it to MkDocs, and `runform.cli` is the command line."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("runform")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
