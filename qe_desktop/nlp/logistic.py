"""A logistic regression applied in plain Python from committed weights (no scikit-learn).

Both coverage models (which sentences to cite, is the demand answered) are small logistic
regressions over named features, fitted by `tools/train_coverage.py` (dev + the retired test
split since session 6) and stored in `coverage_weights.json`; the app only needs this dot
product.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).with_name("coverage_weights.json")


@dataclass(frozen=True, slots=True)
class Logistic:
    """Weights over standardised named features."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    bias: float

    def probability(self, values: dict[str, float]) -> float:
        """Probability of the positive class for these feature values."""
        z = self.bias + sum(
            c * (values[n] - m) / s
            for n, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Logistic:
        """Read back what the training tool wrote."""
        return cls(
            names=tuple(data["names"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            coef=tuple(float(v) for v in data["coef"]),
            bias=float(data["bias"]),
        )


@cache
def weights_section(name: str) -> dict[str, Any] | None:
    """One model's section of the committed weights, or None when none is shipped."""
    if not WEIGHTS.exists():
        return None
    section = json.loads(WEIGHTS.read_text(encoding="utf-8")).get(name)
    return section if isinstance(section, dict) else None
