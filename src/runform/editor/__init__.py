"""The web editor for coaches: a form for tips in the browser, no YAML and no terminal.

config      the editors' config.yml, generated from the tip model
assets      the editors' JavaScript: pinned npm versions, CDN addresses with SRI hashes
admin_page  the published site's /admin/ (Sveltia CMS, GitHub sign-in with a token)
tip_yaml    runform's own writer for tips; normalises what an editor saved
backend     Decap CMS's local-backend protocol on the local tips/ and docs/images/ folders
server      `runform edit`'s editor server on 127.0.0.1: /admin/, its API, preview links
command     the `runform edit` command
"""
