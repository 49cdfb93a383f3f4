"""The corrections log: every published correction, newest first (corrections.yml)."""

from __future__ import annotations

from markupsafe import Markup

from ...derive import progress
from ..renderer import Renderer


def corrections(r: Renderer) -> Markup:
    found = sorted(r.dataset.corrections, key=lambda c: (progress.day_of(c.date), c.id), reverse=True)
    return r.render("corrections.html", corrections=found)
