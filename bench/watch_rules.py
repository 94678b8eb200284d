"""Benchmark: 10,000 events checked against 100 alert rules (target: under 1 s).

    python bench/watch_rules.py [--events 10000] [--rules 100] [--repeat 5]

Events and rules are generated with a fixed seed from the PLOVER types, quads, statuses and a
set of countries, sectors and places, so every kind of condition is exercised (types, quads,
statuses, countries, sectors, actor names, ``between``, ``near``, evidence words, confidence).
Prints the best of ``--repeat`` runs, the number of matches and the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import time

from forewarn.models import QUADS, STATUSES, Actor, Event, Evidence, Place
from forewarn.watch import Matcher, parse_rules

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
COUNTRIES = ["RUS", "USA", "UKR", "CHN", "GBR", "FRA", "DEU", "IRN", "ISR", "TUR", "IND", "NGA"]
SECTORS = ["GOV", "MIL", "SPY", "COP", "REB", "CVL", "JUD", "MED"]
NAMES = ["Vladimir Putin", "Donald Trump", "FSB", "NATO", "Hamas", "police", "army", "ministry"]
WORDS = ["attack", "bomb", "talks", "arrested", "protest", "sanctions", "troops", "deal"]
PLACES = [("Moscow", 55.75, 37.62), ("Kyiv", 50.45, 30.52), ("Lagos", 6.45, 3.39), ("Paris", 48.86, 2.35)]


def _actor(rng: random.Random) -> Actor:
    return Actor(rng.choice(NAMES), rng.choice(NAMES), rng.choice(COUNTRIES), rng.choice(SECTORS))


def make_events(n: int, rng: random.Random) -> list[Event]:
    events = []
    for i in range(n):
        name, lat, lon = rng.choice(PLACES)
        text = f"Officials said the {rng.choice(WORDS)} and the {rng.choice(WORDS)} went on in {name}."
        events.append(Event(
            type=rng.choice(TYPES), mode=None, quad=rng.choice(QUADS), status=rng.choice(STATUSES),
            actors=[_actor(rng) for _ in range(rng.randint(0, 2))],
            recipients=[_actor(rng) for _ in range(rng.randint(0, 2))],
            evidence=Evidence(text, 0, len(text), "said", 10, 14), article_id=f"a{i // 5}",
            location=Place(name, name, rng.choice(COUNTRIES), lat, lon) if rng.random() < 0.6 else None,
            confidence=rng.random(), id=f"e{i}"))
    return events


def make_rules(n: int, rng: random.Random) -> str:
    out = []
    for i in range(n):
        lines = [f'[[rule]]\nname = "rule-{i}"']
        if rng.random() < 0.8:
            lines.append(f"type = {rng.sample(TYPES, rng.randint(1, 3))}")
        if rng.random() < 0.3:
            lines.append(f"status = {rng.sample(STATUSES, 2)}")
        if rng.random() < 0.2:
            lines.append(f"quad = {rng.sample(QUADS, 1)}")
        if rng.random() < 0.5:
            lines.append(f"country = {rng.sample(COUNTRIES, rng.randint(1, 3))}")
        if rng.random() < 0.3:
            lines.append(f"sector = {rng.sample(SECTORS, 2)}")
        if rng.random() < 0.15:
            lines.append(f'actor = ["{rng.choice(NAMES).split()[-1].lower()}"]')
        if rng.random() < 0.15:
            a, b = rng.sample(COUNTRIES, 2)
            lines.append(f'between = ["{a}/GOV", "{b}"]')
        if rng.random() < 0.15:
            _, lat, lon = rng.choice(PLACES)
            lines.append(f"near = {{ lat = {lat}, lon = {lon}, km = 300 }}")
        if rng.random() < 0.2:
            lines.append(f"words = {rng.sample(WORDS, 2)}")
        if rng.random() < 0.2:
            lines.append(f"min_confidence = {round(rng.random(), 2)}")
        out.append("\n".join(lines).replace("'", '"'))
    return "\n\n".join(out) + "\n"


def _cpu() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--rules", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    events = make_events(args.events, rng)
    rules = parse_rules(make_rules(args.rules, rng), "bench-rules.toml").rules
    best, hits = float("inf"), 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        matcher = Matcher(rules)
        hits = sum(1 for _ in matcher.matches(events))
        best = min(best, time.perf_counter() - start)
    print(f"{args.events:,} events x {len(rules)} rules: {best:.3f} s (best of {args.repeat}), "
          f"{hits:,} matches; target < 1 s: {'met' if best < 1 else 'MISSED'}")
    print(f"machine: {_cpu()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()} on {platform.system()} {platform.release()}")


if __name__ == "__main__":
    main()
