"""The dataset as Popolo JSON (persons, organizations, memberships, posts, events).

Multilingual texts follow the Popolo multilingualization appendix: plain JSON carries
content in the single default language (`name`, `label`); every other language is kept
as an alternative name tagged with its language (`other_names` items with `lang` and
`note: "multilingual"`, the convention EveryPolitician uses), and, where a class has no
`other_names` (posts, events), as language-tagged terms (`label_en`, `name_en`), the
appendix's "associating a language with a term".
Sources become Popolo links: the source's URL when it has one, else the source's
permalink on this site.
"""

from __future__ import annotations

from typing import Any

from ..load.catalogs import ui
from ..model.dataset import Dataset
from ..model.records import Text


class PopoloBuilder:
    """Builds Popolo objects; `permalink(id)` gives the absolute URL of a record."""

    def __init__(self, dataset: Dataset, default_lang: str, permalink: Any) -> None:
        self.ds = dataset
        self.lang = default_lang
        self.permalink = permalink

    def text(self, value: Text | None) -> str | None:
        if value is None:
            return None
        return value.get(self.lang) or value.root[next(iter(value.root))]

    # Translations of a text as Popolo other_names (name + language tag).
    def other_names(self, *values: Text | None, note: str = "multilingual") -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for value in values:
            if value is None:
                continue
            for lang, text in value.root.items():
                if lang != self.lang and text:
                    out.append({"name": text, "lang": lang, "note": note})
        return out

    def sources(self, ids: list[str]) -> list[dict[str, Any]]:
        out = []
        for sid in ids:
            src = self.ds.get(sid)
            out.append({"url": src.url or self.permalink(sid), "note": src.title})
        return out

    def links(self, record_id: str) -> list[dict[str, Any]]:
        return [{"url": self.permalink(record_id), "note": "permalink"}]

    def role(self, value: str) -> str:
        return str(ui(self.lang)["vocab"]["role"].get(value, value))

    def organization(self, org: Any) -> dict[str, Any]:
        item: dict[str, Any] = {"id": org.id, "name": self.text(org.name)}
        others = self.other_names(org.name)
        if org.short_name is not None:
            others += [
                {"name": text, "lang": lang, "note": "short name"}
                for lang, text in org.short_name.root.items()
            ]
        if others:
            item["other_names"] = others
        item["classification"] = org.classification.value
        for key in ("parent_id", "founding_date", "dissolution_date"):
            if getattr(org, key):
                item[key] = getattr(org, key)
        item["links"] = self.links(org.id)
        item["sources"] = self.sources(org.sources)
        return item

    def person(self, person: Any) -> dict[str, Any]:
        item: dict[str, Any] = {"id": person.id, "name": person.name}
        if person.honorific is not None:
            item["honorific_prefix"] = self.text(person.honorific)
        item["links"] = self.links(person.id)
        item["sources"] = self.sources(person.sources)
        return item

    def post(self, post: Any) -> dict[str, Any]:
        item: dict[str, Any] = {
            "id": post.id,
            "label": self.text(post.label),
            "role": self.role(post.role.value),
            "organization_id": post.organization_id,
        }
        others = self.other_names(post.label)
        if others:
            item["other_label"] = [o["name"] for o in others]
            item.update({f"label_{o['lang']}": o["name"] for o in others})
        item["links"] = self.links(post.id)
        item["sources"] = self.sources(post.sources)
        return item

    def membership(self, m: Any) -> dict[str, Any]:
        item: dict[str, Any] = {"id": m.id, "role": self.role(m.role.value)}
        for key in ("person_id", "post_id", "organization_id", "start_date", "end_date"):
            if getattr(m, key):
                item[key] = getattr(m, key)
        item["links"] = self.links(m.id)
        item["sources"] = self.sources(m.sources)
        return item

    def event(self, event: Any) -> dict[str, Any]:
        item: dict[str, Any] = {
            "id": event.id,
            "name": self.text(event.title),
            "start_date": event.date,
            "classification": event.classification.value,
            "organization_id": event.organization_id,
        }
        if event.location is not None:
            item["location"] = self.text(event.location)
        others = self.other_names(event.title)
        # Popolo events have no other_names: translations are language-tagged terms.
        item.update({f"name_{o['lang']}": o["name"] for o in others})
        item["sources"] = self.sources(event.sources)
        return item

    def document(self) -> dict[str, Any]:
        ds = self.ds
        return {
            "persons": [self.person(p) for p in ds.people],
            "organizations": [self.organization(o) for o in ds.organizations],
            "memberships": [self.membership(m) for m in ds.memberships],
            "posts": [self.post(p) for p in ds.posts],
            "events": [self.event(e) for e in ds.events],
        }


def popolo_document(dataset: Dataset, default_lang: str, permalink: Any) -> dict[str, Any]:
    """The Popolo export as a dict (validated against the official schemas by the tests)."""
    return PopoloBuilder(dataset, default_lang, permalink).document()
