"""Short war-news style documents, generated (invented, not real reports) for the crash test."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

CITIES = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Kyiv", "Lviv", "Sumy", "Mykolaiv",
          "Kherson", "Poltava", "Chernihiv", "Kramatorsk"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["the regional governor", "Ukraine's air force", "the city's mayor",
           "the interior ministry", "local officials"]
TEMPLATES = [
    "Russia launched {n} drones at {city} overnight, {source} said. Air defences shot down "
    "{k} of them. {c} people were injured.",
    "Russian forces shelled {city} on {day}, killing {c} civilians, according to {source}.",
    "A missile strike hit an energy facility in {city} early {day}, {source} said.",
    "Police detained {c} protesters in {city} on {day}, {source} said.",
    "Ukrainian and Polish officials met in {city} on {day} for talks on air defence.",
    "Air raid alerts sounded across {city} region on {day} as drones approached.",
    "Ukrainian forces said they shot down {k} Shahed drones over {city} on {day}.",
    "Nothing of note was reported from {city} on {day}, {source} said.",
]


def documents(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    out = []
    for i in range(n):
        fields = {"city": rng.choice(CITIES), "day": rng.choice(DAYS),
                  "source": rng.choice(SOURCES), "n": rng.randint(5, 90),
                  "k": rng.randint(1, 40), "c": rng.randint(2, 19)}
        sentences = [rng.choice(TEMPLATES).format(**fields) for _ in range(rng.randint(1, 3))]
        out.append({"id": f"news-{i:04d}", "text": " ".join(sentences),
                    "published": (start + timedelta(days=rng.randint(0, 300))).isoformat()})
    return out


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in documents(n, seed)), encoding="utf-8")
    return path
