"""Importers: other blogs' exports -> tip files, redirects and comments (`runform import`)."""
