"""runform: weekly running-technique tips written as YAML, published as a Material for MkDocs
site. `runform.content` reads and checks what the coach writes, `runform.site` decides the
site, `runform.mkdocs_glue` hands it to MkDocs, and `runform.cli` is the command line."""

__version__ = "0.1.0"  # the package's version (pyproject.toml reads it from here)
