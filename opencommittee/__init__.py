"""opencommittee: validated, sourced YAML about committees -> bilingual static site.

One package, in layers that follow the data (see the README's architecture section and
`[tool.importlinter]` in pyproject.toml): `load` -> `model` -> `derive` -> `render` ->
`publish` -> `glue` (the only MkDocs-aware code) -> `cli`, `quality`, `devtools`. Each
layer imports only the layers below it.
"""

__version__ = "0.1.0"
