"""opencommittee: validated, sourced YAML about a committee -> bilingual static site.

The library has no MkDocs dependency except in `mkdocs_hooks.py`; `macros.py` at the
repository root only registers functions from `opencommittee.site`.
"""

__version__ = "0.1.0"
