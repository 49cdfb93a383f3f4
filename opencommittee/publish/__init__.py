"""Layer 5, publishing: every file written besides the pages, and what goes in heads.

Downloads (`exports`: JSON and CSV; `popolo`), feeds (`feeds`: Atom and iCalendar),
`jsonld` (schema.org and Open Graph), `sitemaps`, `csp` (Content-Security-Policy),
`search` (per-language indexes), `history` (git), all gathered per build by
`publication.Publication`.
"""
