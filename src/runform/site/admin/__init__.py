"""The site's `/admin/`: the web editor's configuration and page, decided with the site.

config  the editors' config.yml, generated from the tip model (Decap for `runform edit`,
        Sveltia for the published site)
assets  the editors' JavaScript: pinned npm versions, CDN addresses with SRI hashes
page    the editor page and the published site's /admin/ files (`admin_files`)

`runform edit` (the `runform.editor` package) serves the same page and a local config.
"""
