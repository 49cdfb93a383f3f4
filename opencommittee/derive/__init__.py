"""Layer 3, derived data: everything computed from a dataset, no HTML.

`context.BuildContext` holds it all for one build, computed once and passed explicitly:
the indexes (`indexes`: the committee, roles per person, cited by, ...), the paging of
every list (`listings` in display order, cut by `paging`), plan progress (`progress`),
chart geometry (`charts`), translation coverage (`translations`). `routes` says where
each page and record lives on the site.
"""
