"""Layer 1, loading: the inputs of a build as plain values, with positions.

Strict YAML (`strict_yaml`), problems and their bilingual messages (`problems`,
`catalogs`), the language catalogs, Vietnamese text folding (`text`) and the one place
"today" comes from (`clock`). Imports nothing else of the package.
"""
