"""The tense of the clause a date expression modifies: "past", "future" or None (present / unknown)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
_FUTURE_GOVERNORS = frozenset({"plan", "expect", "schedule", "due", "set", "intend", "hope", "aim", "agree",
                               "prepare", "promise", "vow", "threaten", "want", "seek", "decide", "pledge",
                               "go", "likely", "able", "ready", "poised", "slate", "propose", "call"})
# verbs whose object or complement is a coming event: "planned a rally on Saturday",
# "scheduled a news conference Thursday", "postponed until Tuesday"
_PLANNING_VERBS = frozenset({"plan", "schedule", "set", "postpone", "delay", "defer", "reschedule", "adjourn",
                             "slate", "expect", "extend", "announce_for"})  # not "call"/"summon": "summoned the envoy on Sunday" is past
# "gave the relatives until Tuesday", "allowed them until Friday": a deadline ahead whatever the tense
_DEADLINE_VERBS = frozenset({"give", "grant", "allow"})
_FORWARD_CUES = frozenset({"effective", "payable", "starting", "beginning", "due"})
_AHEAD = frozenset({"ahead", "prior"})  # "ahead of the weekend": the coming one
_MAX_CLIMB = 12


def _is_clause_head(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")


def governing_verb(tok: Token, stop: set[int] | None = None) -> Token | None:
    """The first verb above ``tok`` (itself excluded), skipping tokens in ``stop``."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if stop and cur.i in stop:
            continue
        if _is_clause_head(cur):
            return cur
    return None


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """ "past", "future" or None for a clause-head verb, from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or "would" in words or "'d" in words:
        return "future"
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if any(a.lemma_ == "have" for a in auxes):
        return "past"  # perfect: "has met", "have been searching"
    if verb.tag_ == "VBN":
        if any(a.lemma_ == "have" for a in auxes) or not auxes:
            return "past"  # "has met", and reduced relatives: "the summit held on Monday"
        return None  # present passive: "is held"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        # present progressive with a date of its own: "is meeting on Monday"; a date in a clause
        # below it ("is continuing to try to sell itself under a June agreement") says nothing
        return "future" if depth == 0 else None
    if verb.tag_ == "VB" and "to" in words:
        gov = governing_verb(verb)
        head = verb.head
        if head.lemma_ in _FUTURE_GOVERNORS or (gov is not None and gov.lemma_ in _FUTURE_GOVERNORS):
            return "future"
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and verb.dep_ == "xcomp":
            return "future"  # "is to resume trading on Tuesday"
        if gov is not None and depth < 3:
            return verb_tense(gov, depth + 1)
        return "future"
    if verb.tag_ in ("VBG", "VB") and depth < 3:
        gov = governing_verb(verb)
        if gov is not None:
            return verb_tense(gov, depth + 1)
    return None


def tense_for_span(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the clause governing the tokens doc[start:end]."""
    span = doc[start:end]
    if len(span) == 0:
        return None
    root = span.root
    if root.dep_ == "poss":
        return "past"  # "Wednesday's ruling", "Thursday's closing price" name what has happened
    if start > 0 and doc[start - 1].lower_ in _FORWARD_CUES:
        return "future"  # "effective Feb. 1", "payable Dec. 7", "starting Monday"
    if start > 0 and doc[start - 1].lower_ in ("until", "till", "through", "before", "by"):
        prev = doc[start - 1]
        gov = governing_verb(prev)
        if gov is None or verb_tense(gov) != "past" or gov.lemma_ in _PLANNING_VERBS | _DEADLINE_VERBS:
            return "future"
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _AHEAD:
        return "future"
    inside = set(range(start, end))
    verb = governing_verb(root, inside)
    if verb is None:
        return None
    if (verb.lemma_ in _PLANNING_VERBS and not (verb.tag_ == "VBN" and verb.dep_ == "acl")
            and not _in_subject(root, verb)):
        return "future"  # but "the record set on Aug. 6", "a service planned for Saturday" look back
    return verb_tense(verb)


def _in_subject(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` lies inside the subject of ``verb`` ("the figures for January extended ...")."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.head.i == cur.i:
            return False
        if cur.head.i == verb.i:
            return cur.dep_ in ("nsubj", "nsubjpass", "csubj")
        cur = cur.head
    return False
