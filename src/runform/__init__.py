"""runform: weekly running-technique tips as YAML -> a Material for MkDocs site."""
