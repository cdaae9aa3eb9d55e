"""The web editor for coaches, `runform edit`: a form for tips in the browser, no YAML and no
terminal, working on the site's own folders.

tip_yaml  runform's own writer for tips; normalises what an editor saved
backend   Decap CMS's local-backend protocol on the local tips/ and docs/images/ folders
server    the editor server on 127.0.0.1: /admin/, its API, preview links

The editor page and config.yml, shared with the published site's /admin/, are decided in
`runform.site.admin`; the command itself is `runform.cli.edit`.
"""
