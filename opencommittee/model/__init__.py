"""Layer 2, the model: typed records, the dataset and its checks, JSON Schema.

`records` (pydantic models, `extra="forbid"`) and `vocab` (vocabularies) define the
collections; `dates` the partial dates and the one period validator; `dataset` loads a
data folder into a typed `Dataset`, with the per-record problems mapped by `errors` and
the cross-record checks in `checks`; `fields` classifies fields for exports and the data
dictionary; `schema` generates every JSON Schema (editors' and downloads').
"""
