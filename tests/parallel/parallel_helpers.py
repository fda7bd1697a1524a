"""A small corpus of political news written for these tests (no third-party text), and result helpers."""

from __future__ import annotations

import json
from pathlib import Path

from eventcoder.export.records import dumps
from eventcoder.types import ArticleFailure

SENTENCES = [
    "The foreign ministers of Norway and Chile met in Oslo on Monday to discuss fishing rights.",
    "Police arrested dozens of protesters outside the parliament in Santiago on Tuesday.",
    "Russia accused Ukraine of shelling a border village, an allegation Kyiv denied.",
    "The European Union imposed new sanctions on Belarus over the crackdown on journalists.",
    "Kenya and Ethiopia signed a trade agreement in Nairobi last week.",
    "Thousands of teachers marched through Buenos Aires demanding higher wages.",
    "Israeli aircraft struck targets in southern Lebanon overnight, the army said.",
    "The Indian prime minister will visit Japan next month for talks on security.",
    "Rebels attacked an army convoy near Goma, killing four soldiers.",
    "Germany pledged humanitarian aid to Sudan after the floods.",
    "The United Nations Security Council condemned the coup in Niger.",
    "Turkey expelled two Swedish diplomats on Friday.",
    "Peru's president rejected calls to resign amid mass protests in Lima.",
    "China and the Philippines traded accusations over a collision in the South China Sea.",
    "Mexican troops seized weapons from a cartel in Sinaloa on Sunday.",
    "Brazil's foreign minister praised Argentina for its support during the summit.",
    "The Iranian government threatened to close the Strait of Hormuz if attacked.",
    "Pakistan released 200 Indian fishermen as a goodwill gesture.",
    "Opposition leaders in Venezuela called for a general strike on Thursday.",
    "France recalled its ambassador from Mali after the junta expelled French troops.",
    "Egypt hosted ceasefire talks between Israel and Hamas in Cairo.",
    "Nigerian police fired tear gas at students protesting fee increases in Lagos.",
    "South Korea and the United States held joint military drills near the border.",
    "The Kenyan president met the head of the African Union in Addis Ababa.",
    "Armenia accused Azerbaijan of violating the ceasefire in Nagorno-Karabakh.",
    "Poland announced it would send tanks to Ukraine.",
    "Saudi Arabia and Iran agreed to restore diplomatic relations, officials said on Friday.",
    "Colombian soldiers clashed with guerrillas in the Cauca region, killing three fighters.",
    "The Australian government apologised to Indonesia for the spying scandal.",
    "Bangladesh deported 40 migrants to Myanmar on Wednesday.",
]


def articles(n: int = 30) -> list[dict]:
    """`n` articles of two or three sentences each, with ids and publication dates."""
    rows = []
    for i in range(n):
        text = " ".join(SENTENCES[(i + k * 7) % len(SENTENCES)] for k in range(2 + i % 2))
        rows.append({"id": f"art-{i:02d}", "text": text, "published": f"2023-11-{1 + i % 28:02d}", "source": "Wire"})
    return rows


def write_corpus(path: Path, n: int = 30, bad: bool = True) -> Path:
    """A JSONL corpus; with `bad`, an empty article and a malformed line among the good ones."""
    lines = [json.dumps(row) for row in articles(n)]
    if bad:
        lines.insert(5, json.dumps({"id": "empty-one", "text": "   "}))
        lines.insert(17, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def lines(results) -> list[str]:
    """Event records as the jsonl writer prints them, in order."""
    return [dumps(e.to_dict()) for r in results if not isinstance(r, ArticleFailure) for e in r[1]]


def failures(results) -> list[ArticleFailure]:
    return [r for r in results if isinstance(r, ArticleFailure)]
