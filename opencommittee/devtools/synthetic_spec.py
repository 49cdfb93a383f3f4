"""How big and how shaped a synthetic data folder is (see synthetic.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Counts at scale 1 (per body for mandate, events and plans: see `Spec.counts`).
SCALE_1 = {"sources": 8, "organizations": 12, "people": 30, "posts": 12, "memberships": 30,
           "mandate": 5, "documents": 10, "events": 10, "plans": 2, "tasks": 50, "indicators": 5,
           "updates": 200, "agenda": 1, "outcomes": 1}
# What `scales` may name: every collection, and the nested agenda items and outcomes.
SCALABLE = tuple(SCALE_1)


@dataclass(frozen=True)
class Spec:
    """How big each collection is, and how many bodies share the people."""

    scale: int = 1
    seed: int = 1
    committees: int | None = None
    scales: dict[str, float] = field(default_factory=dict)
    site: bool = True

    @property
    def bodies(self) -> int:
        return max(1, self.committees if self.committees is not None else self.scale // 5)

    def count(self, name: str) -> int:
        """Records of a collection (items per event for agenda and outcomes)."""
        base = SCALE_1[name] * (1 if name in ("agenda", "outcomes") else self.scale)
        if name == "organizations":
            base = 12 + 2 * (self.scale - 1)
        elif name == "plans":
            base = 2 + (self.scale - 1) // 5
        elif name == "mandate":
            base = 5 + (self.scale - 1) // 20
        return max(1, round(base * self.scales.get(name, 1)))
