"""Layer 6, the MkDocs glue: the only code that imports mkdocs, material, the i18n or the
macros plugin.

`hooks` is what `mkdocs.yml` loads; `build` makes the one `Build` of a `mkdocs build`
(dataset, context, publication) and keeps the preview's last valid data; `settings`
reads the site settings from the MkDocs config; `pages` adds the numbered list pages;
`head` fills page heads and "cite this" blocks; `macros` registers the page blocks.
"""
