"""Progress badges: one small SVG per plan and language (badges/<plan-id>.svg, and under
en/ for English) showing the plan's overall progress and the data's as-of date, for other
sites to embed. Drawn by `templates/badge.svg` (autoescaped); widths are fixed with
`textLength`, so the badge looks the same whatever font the reader has."""

from __future__ import annotations

from dataclasses import dataclass

from ..derive.routes import badge_path, lang_root
from ..render.blocks.plan import badge_alt
from ..render.renderer import Renderer

# Average advance of a character at 11 px in the badge's sans-serif font, and padding.
CHAR_PX = 6.4
PAD = 10


@dataclass(frozen=True)
class Badge:
    title: str  # the accessible name (also the snippet's alt text)
    label: str
    value: str
    label_width: int
    value_width: int

    @property
    def width(self) -> int:
        return self.label_width + self.value_width


def _width(text: str) -> int:
    return int(round(len(text) * CHAR_PX)) + 2 * PAD


def badge(r: Renderer, plan_id: str) -> Badge:
    value = r.context.progress.overall(plan_id).value
    shown = f"{r.pct(value) if value is not None else r.ui('plan.badge_unknown')} · {r.as_of_label()}"
    label = r.ui("plan.badge_label")
    return Badge(badge_alt(r, plan_id), label, shown, _width(label), _width(shown))


def badge_files(r_of: dict[str, Renderer]) -> dict[str, bytes]:
    """Every plan's badge in every language, by path from the site root."""
    files: dict[str, bytes] = {}
    for lang, r in r_of.items():
        for plan in r.dataset.plans:
            svg = r.render("badge.svg", badge=badge(r, plan.id))
            files[lang_root(lang, r.default_lang) + badge_path(plan.id)] = (str(svg) + "\n").encode("utf-8")
    return files
