"""Pattern files: parsing, validation, and matching on the real spaCy parse."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from spacy.language import Language

from eventcoder.errors import DataFileError
from eventcoder.events.ontology import Ontology
from eventcoder.events.patterns import PatternTable, TriggerMatch

HEADER = "# test patterns\npos\tlemma\tframe\tcameo\tplover_type\tmode\tcontext\tid\n"
DERIVED = resources.files("eventcoder.data").joinpath("patterns", "cameo_verbs.tsv")


def write_patterns(tmp_path: Path, rows: list[str], name: str = "p.tsv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def table_from(tmp_path: Path, rows: list[str]) -> PatternTable:
    return PatternTable.from_files([(write_patterns(tmp_path, rows), 0)])


@pytest.fixture(scope="module")
def derived() -> PatternTable:
    """Only the patterns derived from CAMEO.2.0.txt (independent of the curated triggers.tsv)."""
    return PatternTable.from_files([(DERIVED, 1)])


def first_match(table: PatternTable, nlp: Language, text: str, word: str) -> TriggerMatch | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return table.match(token)


# ---- the packaged files ---------------------------------------------------------------------------
def test_packaged_table_loads_and_is_cached() -> None:
    table = PatternTable.load()
    assert PatternTable.load() is table
    assert len(table) > 30000
    assert {p.priority for p in table.patterns} <= {0, 1}


def test_derived_patterns_cover_all_sixteen_types_with_valid_modes(derived: PatternTable) -> None:
    ont = Ontology.load()
    types = {p.plover_type for p in derived.patterns if not p.is_blocking}
    assert types == set(ont.types)
    for p in derived.patterns:
        assert p.pos == "VERB" and p.priority == 1 and p.id.startswith("cameo2:")
        if not p.is_blocking:
            assert p.mode is None or ont.is_mode(p.plover_type, p.mode), p


def test_candidates_are_best_first(derived: PatternTable) -> None:
    cands = derived.candidates("VERB", "meet")
    assert cands
    sizes = [len(p.frame) for p in cands]
    assert sizes == sorted(sizes, reverse=True)
    assert derived.candidates("VERB", "no-such-lemma") == []


# ---- parsing and validation ---------------------------------------------------------------------
def test_dash_columns_are_filled_from_the_crosswalk(tmp_path: Path) -> None:
    table = table_from(tmp_path, [
        "VERB\tvisit\t-\t042\t-\t-\t-\tt:visit",
        "NOUN\tsummit\t-\t040\tCONSULT\tmultilateral\tdiplomatic|economic\tt:summit",
        "VERB\tappeal\tprep=for\t020\tREQUEST\t-\t-\tt:appeal",  # 020 has no PLOVER type: explicit one used
    ])
    visit, summit, appeal = table.patterns
    assert (visit.plover_type, visit.mode, visit.cameo, visit.priority) == ("CONSULT", "visit", "042", 0)
    assert (summit.mode, summit.contexts) == ("multilateral", ("diplomatic", "economic"))
    assert (appeal.plover_type, appeal.mode, appeal.contexts) == ("REQUEST", None, ())


def test_frames_are_parsed_in_order(tmp_path: Path) -> None:
    table = table_from(tmp_path, ["VERB\tsend\tprt=back dobj=@military prep=to pobj=* mod=x\t154\t-\t-\t-\tt:1"])
    assert table.patterns[0].frame == (("prt", "back"), ("dobj", "@military"), ("prep", "to"), ("pobj", "*"),
                                       ("mod", "x"))


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("VERB\tmeet\t-\t040\tCONSULTATION\t-\t-\tbad:1", "unknown PLOVER type"),
        ("VERB\tmeet\t-\t040\tCONSULT\triot\t-\tbad:2", "not a mode of CONSULT"),
        ("VERB\tmeet\t-\t040\t-\t-\tweather\tbad:3", "unknown context"),
        ("VERB\tmeet\twith=envoy\t040\t-\t-\t-\tbad:4", "unknown frame key"),
        ("VERB\tmeet\tdobj\t040\t-\t-\t-\tbad:5", "expected key=value"),
        ("VERB\tmeet\tpobj=envoy\t040\t-\t-\t-\tbad:6", "must follow a prep="),
        ("VERB\tmeet\tdobj=@no_such_set\t040\t-\t-\t-\tbad:7", "unknown synset"),
        ("VERB\tmeet\tprep=in_favor_of\t040\t-\t-\t-\tbad:8", "bad preposition"),
        ("VERB\tmeet\tdobj=Envoy\t040\t-\t-\t-\tbad:9", "bad word"),
        ("VERB\tsay\t-\t010\t-\t-\t-\tbad:10", "maps to no PLOVER type"),
        ("VERB\tmeet\t-\t999\t-\t-\t-\tbad:11", "unknown CAMEO code"),
        ("ADJ\tmeet\t-\t040\t-\t-\t-\tbad:12", "pos must be VERB or NOUN"),
        ("VERB\tMeet\t-\t040\t-\t-\t-\tbad:13", "lowercase"),
        ("VERB\tmeet\t-\t040\t-\t-\t-", "expected 8 tab-separated columns"),
        ("VERB\tmeet\t-\t-\t-\t-\t-\tbad:15", "needs a CAMEO code"),
    ],
)
def test_bad_rows_raise_with_file_and_line(tmp_path: Path, row: str, reason: str) -> None:
    path = write_patterns(tmp_path, ["VERB\tmeet\t-\t040\t-\t-\t-\tok:1", "# a comment", row])
    with pytest.raises(DataFileError) as err:
        PatternTable.from_files([(path, 0)])
    assert err.value.line == 5  # 2 header lines, the good row, the comment
    assert err.value.path == str(path)
    assert reason in err.value.reason


def test_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        PatternTable.from_files([(tmp_path / "absent.tsv", -1)])


# ---- matching with the derived CAMEO patterns ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "trigger", "plover_type", "frame_key", "quoted"),
    [
        ("The army sent troops to the border.", "sent", "MOBILIZE", "dobj", {"sent", "troops"}),
        ("The government sent armed forces to the region.", "sent", "MOBILIZE", "dobj", {"sent", "forces"}),
        ("Rebels attacked the convoy.", "attacked", "ASSAULT", None, {"attacked"}),
        ("The two leaders met with envoys", "met", "CONSULT", "prep", {"met", "with"}),
        ("The government called off the talks.", "called", "SANCTION", "prt", {"called", "off", "talks"}),
        ("The talks were called off.", "called", "SANCTION", "prt", {"talks", "called", "off"}),
        ("Police arrested the opposition leader.", "arrested", "COERCE", "dobj", {"arrested", "leader"}),
        ("The rebels released the hostages.", "released", "RETREAT", "dobj", {"released", "hostages"}),
    ],
)
def test_derived_patterns_match_sentences(
    derived: PatternTable, nlp: Language, text: str, trigger: str, plover_type: str,
    frame_key: str | None, quoted: set[str],
) -> None:
    doc = nlp(text)
    m = first_match(derived, nlp, text, trigger)
    assert m is not None
    assert m.pattern.plover_type == plover_type
    assert frame_key is None or frame_key in dict(m.pattern.frame)
    assert {doc[i].text for i in m.tokens} == quoted


def test_object_pattern_beats_the_bare_verb_default(derived: PatternTable, nlp: Language) -> None:
    bare = first_match(derived, nlp, "The minister met the envoy.", "met")
    specific = first_match(derived, nlp, "The company met the payment.", "met")
    assert bare is not None and specific is not None
    assert (bare.pattern.plover_type, bare.pattern.frame) == ("CONSULT", ())
    assert (specific.pattern.plover_type, specific.pattern.frame) == ("COOPERATE", (("dobj", "payment"),))


def test_blocking_pattern_suppresses_the_bare_default(derived: PatternTable, nlp: Language) -> None:
    # 'attend a funeral' is CAMEO 017 (a symbolic act PLOVER drops): no CONSULT from the block default
    assert first_match(derived, nlp, "The president attended the funeral.", "attended") is None
    summit = first_match(derived, nlp, "The president attended the summit.", "attended")
    assert summit is not None and summit.pattern.plover_type == "CONSULT"


def test_light_verbs_have_no_bare_default(derived: PatternTable) -> None:
    for lemma in ("take", "go", "give", "find", "accord"):
        assert all(p.frame for p in derived.candidates("VERB", lemma)), lemma


def test_match_doc_returns_each_trigger_in_token_order(derived: PatternTable, nlp: Language) -> None:
    doc = nlp("Rebels attacked the convoy and police arrested the opposition leader.")
    matches = derived.match_doc(doc)
    assert [doc[m.token_i].text for m in matches] == ["attacked", "arrested"]


# ---- matching semantics with small pattern files -------------------------------------------------------
def test_priority_then_constraints_then_file_order(tmp_path: Path, nlp: Language) -> None:
    derived_like = write_patterns(tmp_path, [
        "VERB\tsend\t-\t070\t-\t-\t-\td:bare",
        "VERB\tsend\tdobj=troop\t154\t-\t-\t-\td:troops",
        "VERB\tsend\tdobj=troop prep=to\t072\t-\t-\t-\td:troops-to",
    ], "derived.tsv")
    curated = write_patterns(tmp_path, ["VERB\tsend\tdobj=troop\t152\t-\t-\t-\tc:troops"], "curated.tsv")
    user = write_patterns(tmp_path, ["VERB\tsend\t-\t040\t-\t-\t-\tu:bare"], "user.tsv")
    text, word = "The army sent troops to the border.", "sent"
    only_derived = PatternTable.from_files([(derived_like, 1)])
    assert first_match(only_derived, nlp, text, word).pattern.id == "d:troops-to"  # type: ignore[union-attr]
    with_curated = PatternTable.from_files([(curated, 0), (derived_like, 1)])
    assert first_match(with_curated, nlp, text, word).pattern.id == "c:troops"  # type: ignore[union-attr]
    with_user = PatternTable.from_files([(curated, 0), (derived_like, 1), (user, -1)])
    assert first_match(with_user, nlp, text, word).pattern.id == "u:bare"  # type: ignore[union-attr]
    tie = PatternTable.from_files([(write_patterns(tmp_path, [
        "VERB\tsend\tprep=to\t072\t-\t-\t-\tfirst", "VERB\tsend\tdobj=troop\t154\t-\t-\t-\tsecond"], "tie.tsv"), 0)])
    assert first_match(tie, nlp, text, word).pattern.id == "first"  # type: ignore[union-attr]


def test_load_with_user_file_puts_it_first(tmp_path: Path, nlp: Language) -> None:
    user = write_patterns(tmp_path, ["VERB\tattack\t-\t180\tASSAULT\tbeat\t-\tu:attack"])
    table = PatternTable.load([user])
    m = first_match(table, nlp, "Rebels attacked the convoy.", "attacked")
    assert m is not None and (m.pattern.id, m.pattern.priority, m.pattern.mode) == ("u:attack", -1, "beat")


@pytest.mark.parametrize(
    ("row", "text", "word", "quoted"),
    [
        ("NOUN\tmeeting\tgov=hold\t040\t-\t-\t-\tn:gov", "The leaders held a meeting in Paris.", "meeting",
         {"held", "meeting"}),
        ("NOUN\tstrike\tmod=air\t195\t-\t-\t-\tn:mod", "Israel carried out air strikes on Gaza.", "strikes",
         {"air", "strikes"}),
        ("VERB\tvow\txcomp=retaliate\t138\t-\t-\t-\tv:xcomp", "The general vowed to retaliate.", "vowed",
         {"vowed", "retaliate"}),
        ("VERB\tattack\tnsubj=rebel\t190\t-\t-\t-\tv:nsubj", "The rebels attacked the convoy.", "attacked",
         {"attacked"}),
        ("VERB\tattack\tnsubj=rebel\t190\t-\t-\t-\tv:agent", "The convoy was attacked by rebels.", "attacked",
         {"attacked"}),
        ("VERB\tlaunch\tdobj=series prep=of pobj=attack\t190\t-\t-\t-\tv:of", "They launched a series of attacks.",
         "launched", {"launched", "series", "of", "attacks"}),
        ("VERB\tsend\tdobj=*\t070\t-\t-\t-\tv:any", "They sent supplies.", "sent", {"sent", "supplies"}),
        ("VERB\tsend\tdobj=@military\t154\t-\t-\t-\tv:multi", "They sent armed forces.", "sent", {"sent", "forces"}),
        ("VERB\tattack\tdobj=convoy nsubj=rebel\t190\t-\t-\t-\tv:acl", "The convoy attacked by rebels was carrying food.",
         "attacked", {"convoy", "attacked"}),
    ],
)
def test_frame_constraints(tmp_path: Path, nlp: Language, row: str, text: str, word: str, quoted: set[str]) -> None:
    table = table_from(tmp_path, [row])
    doc = nlp(text)
    m = first_match(table, nlp, text, word)
    assert m is not None, [(t.text, t.dep_, t.head.text) for t in doc]
    assert {doc[i].text for i in m.tokens} == quoted


@pytest.mark.parametrize(
    ("row", "text", "word"),
    [
        ("VERB\tsend\tdobj=troop\t154\t-\t-\t-\tx", "They sent aid to the border.", "sent"),
        ("VERB\tcall\tprt=off\t164\t-\t-\t-\tx", "They called the minister.", "called"),
        ("NOUN\tstrike\tmod=air\t195\t-\t-\t-\tx", "Workers went on strike.", "strike"),
        ("VERB\tbe\t-\t040\t-\t-\t-\tx", "He is in Paris.", "is"),  # AUX never matches VERB patterns
        ("NOUN\tattack\t-\t190\t-\t-\t-\tx", "Rebels will attack the convoy.", "attack"),  # a verb, not a noun
    ],
)
def test_unsatisfied_frames_and_wrong_pos_do_not_match(
    tmp_path: Path, nlp: Language, row: str, text: str, word: str
) -> None:
    assert first_match(table_from(tmp_path, [row]), nlp, text, word) is None


def test_blocking_row_wins_over_a_less_specific_event_row(tmp_path: Path, nlp: Language) -> None:
    table = table_from(tmp_path, [
        "VERB\tface\t-\t040\t-\t-\t-\tbare",
        "VERB\tface\tdobj=problem\t012\tNONE\t-\t-\tblock",
    ])
    assert table.candidates("VERB", "face")[0].is_blocking
    assert first_match(table, nlp, "The government faced problems.", "faced") is None
    assert first_match(table, nlp, "The minister faced the envoy.", "faced") is not None
