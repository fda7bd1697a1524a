"""Intentions, demands and refusals: coding what is said about an act, as PLOVER does.

PLOVER (like CAMEO before it) codes the *statement*, not the act it is about:

- "X refused to resign", "X demanded the withdrawal of Y", "X agreed to allow
  access", "X threatened to attack": one REJECT / REQUEST / AGREE / THREATEN event;
  the act inside it is its content, which sets its mode (REQUEST/REJECT: assist,
  change, yield, meet; THREATEN: violence, arrest, restrict, relations, expel,
  territory) and is not coded a second time.
- "X will provide aid", "X plans to visit Y", "X is prepared to lift the ban":
  a cooperative act announced for the future is AGREE (intent to cooperate).
- "X will boycott the elections", "X may halt mediation if …", "X would impose
  martial law": a conflictual act announced or held out is THREATEN.
- "Y must hand over the suspects, X said": REQUEST by X to Y.
- "protesters blocked the roads": restriction by civilians is PROTEST (obstruct), not COERCE.

The factuality stays with the event (an AGREE whose act lies ahead is `future`),
and the evidence names the original reading ("intent:CONSULT/visit").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..types import Event
from .factuality import has_condition
from .ontology import Ontology
from .participant_countries import CONTENT_PLACE_EVIDENCE

SPEECH_ACTS = {"REQUEST", "REJECT", "AGREE", "THREATEN"}
# Codebook 3.1: future CONSULT, SUPPORT, COOPERATE and AID are AGREE; an announced RETREAT is
# CONCEDE (3.4.2, 3.7.2); a stated willingness to retreat or yield is AGREE.
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
CONFLICTUAL = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "REJECT"}
# Cue kinds that announce an act rather than describe one.
ANNOUNCING = {"future-aux", "intent", "plan", "going-to", "modal", "future-adverb"}
OBLIGATION = {"must", "should", "ought", "has", "have"}
ORDER_VERBS = {"order", "instruct", "direct", "command", "force", "compel"}
CIVILIAN_SECTORS = {"CVL", "OPP", "LAB", "EDU", "REL", "AGR", "SOC", "REF"}
# Economic and aid sanctions announced in the plain future are decisions, coded as what they are
# (factuality future); held out under a condition ("if", "unless") or with a modal they are threats,
# and so are announced expulsions, withdrawals, boycotts and blockades (as the PLOVER gold codes them).
DECIDED = {("SANCTION", "discontinue")}
PLAIN_FUTURE = {"future-aux", "plan", "future-adverb", "going-to"}
CONDITION_MARKS = {"if", "unless"}
CONTENT_DEPS = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "advcl", "relcl", "compound", "amod", "nmod"}


def has_participants(ev: Event) -> bool:
    """A participant we can place (a country, an organisation or a sector), or a place."""
    return any(e.country or e.sector for e in (*ev.actor, *ev.recipient)) or bool(
        ev.event_loc is not None and ev.event_loc.country
    )


def request_mode(content: Event) -> str:
    if content.event_type == "CONSULT":
        return "meet"
    if content.event_type in ("AID", "COOPERATE", "AGREE", "SUPPORT"):
        return "assist"
    if content.event_type in ("RETREAT", "CONCEDE"):
        return "yield"
    return "change"


def threat_mode(content: Event) -> str | None:
    t, m = content.event_type, content.mode
    if t == "ASSAULT":
        return "territory" if content.cameo == "192" else "violence"
    if t == "COERCE":
        return "arrest" if m == "arrest" else ("expel" if m == "deport" else "restrict")
    if t == "SANCTION":
        return "expel" if m == "expel" else "relations"
    if t in ("PROTEST", "REJECT"):
        return "restrict"
    return None


def reframe(events: list[Event], doc: Doc, ontology: Ontology) -> list[Event]:
    """Apply the PLOVER conventions above to one article's events (in text order)."""
    # 1. Who blocks a road decides what it is: civilians obstruct (PROTEST), authorities restrict (COERCE).
    events = [
        _retype(ev, ontology, "PROTEST", "obstruct")
        if ev.event_type == "COERCE" and ev.mode in (None, "restrict", "seize") and ev.actor
        and all(a.sector in CIVILIAN_SECTORS for a in ev.actor)
        else ev
        for ev in events
    ]
    by_token = {e.extra["token"]: n for n, e in enumerate(events)}
    dropped: set[int] = set()
    out = list(events)

    # 2. Content of a speech act: fold into it.
    for n, ev in enumerate(events):
        outer = _enclosing_speech_act(doc, ev.extra["token"], by_token, events, n)
        if outer is None:
            continue
        act = out[outer]
        if not has_participants(act) and has_participants(ev):
            # "fundamentalists continued their hunger strike to demand the resignation of X":
            # the statement we cannot place takes the participants of its content.
            act = out[outer] = replace(act, actor=act.actor or ev.actor, recipient=act.recipient or ev.recipient)
        dropped.add(n)
        if act.event_type == "REQUEST" and doc[act.extra["token"]].lemma_.lower() in ORDER_VERBS and ev.event_type in ("COERCE", "SANCTION"):
            # "ordered the newspaper to suspend publication": an order to restrict is the restriction.
            out[outer] = replace(act, event_type=ev.event_type, mode=ev.mode, cameo=ev.cameo, quad_class=ev.quad_class,
                                 goldstein=ev.goldstein, context=ev.context,
                                 evidence=act.evidence + f"; ordered:{ev.event_type}")
            continue
        placed = CONTENT_PLACE_EVIDENCE  # a stand-in target (participant_countries.content_place_target)
        own = {a.country for a in act.actor}
        if ev.recipient and (not act.recipient or (
                placed in act.evidence and not {r.country for r in ev.recipient} <= own)):
            # "agreed to sign an agreement with Y in Washington": Y, not the place, is the recipient
            # (but "threatened to recall its ambassador from Madrid" targets Spain, not its own envoy).
            act = out[outer] = replace(act, recipient=ev.recipient, evidence=act.evidence.replace(placed, ""))
        if act.event_type == "AGREE" and ev.event_type in CONFLICTUAL - {"REJECT"} and _direct_xcomp(doc, ev, act):
            # "vowed to fight on", "pledged to retaliate": a promise of harm is a threat.
            out[outer] = _retype(act, ontology, "THREATEN", threat_mode(ev))
            continue
        if act.mode is None and act.event_type in ("REQUEST", "REJECT"):
            out[outer] = replace(act, mode=request_mode(ev), evidence=act.evidence + f"; content:{ev.event_type}")
        elif act.mode is None and act.event_type == "THREATEN":
            out[outer] = replace(act, mode=threat_mode(ev), evidence=act.evidence + f"; content:{ev.event_type}")

    # 3. Announced acts: intent to cooperate, threats, obligations.
    for n, ev in enumerate(out):
        if n in dropped or ev.factuality not in ("future", "hypothetical"):
            continue
        kind = ev.extra.get("fact_kind")
        if kind not in ANNOUNCING:
            continue
        if not ev.actor and ev.attribution is not None and ev.attribution.speaker is not None:
            ev = replace(ev, actor=(ev.attribution.speaker,))  # "X said it will boycott …"
        if not ev.actor:
            continue
        cue = (ev.extra.get("fact_cue") or "").lower()
        if cue in OBLIGATION and ev.attribution is not None and ev.attribution.speaker is not None:
            speaker = ev.attribution.speaker
            out[n] = _retype(ev, ontology, "REQUEST", request_mode(ev), actor=(speaker,), recipient=ev.actor)
        elif ev.event_type in COOPERATIVE or (kind == "intent" and ev.event_type in ("RETREAT", "CONCEDE")):
            # "will visit", "plans to send aid": intentions to cooperate (codebook 3.1); so is a
            # stated willingness to yield ("is ready to lift the ban", "willing to end hostilities")
            out[n] = _as_statement(_retype(ev, ontology, "AGREE", None), kind)
        elif ev.event_type == "RETREAT":
            # "announced … would withdraw troops" is CONCEDE (codebook 3.4.2, 3.7.2), not AGREE (3.1.1)
            out[n] = _as_statement(_retype(ev, ontology, "CONCEDE", None), kind)
        elif (ev.event_type, ev.mode) in DECIDED and kind in PLAIN_FUTURE and not _conditional(doc[ev.extra["token"]]):
            out[n] = ev  # "will impose tariffs from July 4", "announced it would cut all aid": decided, not held out
        elif ev.event_type in CONFLICTUAL:
            out[n] = _as_statement(_retype(ev, ontology, "THREATEN", threat_mode(ev)), kind)
    return [e for n, e in enumerate(out) if n not in dropped]


def _enclosing_speech_act(doc: Doc, token_i: int, by_token: dict[int, int], events: list[Event], n: int) -> int | None:
    """The REQUEST/REJECT/AGREE/THREATEN event whose complement holds this trigger."""
    tok = doc[token_i]
    path: list[str] = []
    for _ in range(6):
        if tok.head.i == tok.i or (tok.dep_ not in CONTENT_DEPS and tok.dep_ != "conj"):
            return None
        path.append(tok.dep_)
        tok = tok.head
        k = by_token.get(tok.i)
        if path[-1] == "conj":
            # "called for a ceasefire and the release of all hostages": a conjunct of the content is
            # content too; a conjunct of the statement itself ("demanded X and attacked Y") is not
            if k is not None and events[k].event_type in SPEECH_ACTS and len(path) == 1:
                return None
            continue
        if k is None and tok.pos_ == "VERB" and path[-1] in ("advcl", "xcomp"):
            # "continued their hunger strike to demand …": the verb carries its event noun.
            k = next((by_token[c.i] for c in tok.children if c.dep_ in ("dobj", "obj") and c.i in by_token
                      and events[by_token[c.i]].event_type == "PROTEST"), None)
        if k is not None and k != n:
            outer, inner = events[k].event_type, events[n].event_type
            if outer == "PROTEST" and inner in ("REQUEST", "ACCUSE", "PROTEST") and {"xcomp", "advcl", "acl", "pcomp", "prep"} & set(path):
                return k  # "rallied to demand reforms", "began a hunger strike to protest …": one protest
            if outer == "SANCTION" and set(path) <= {"dobj", "compound", "pobj", "prep"} and inner in ("CONSULT", "AID", "COOPERATE"):
                return k  # "halted mediation efforts", "suspended aid": the stopped activity is content
            if inner == outer or inner == "THREATEN":
                return None
            if outer not in SPEECH_ACTS:
                continue  # content nested deeper: "urged them to approve a package of sanctions"
            if path == ["advcl"] and doc[token_i].tag_ == "VBG":
                return None  # "refused to send troops, citing opposition": a reason given, not the content
            # An agreement's content is a clause ("agreed to allow access"), not its object
            # ("approved a loan" is aid given, not promised).
            if outer == "AGREE" and not ({"xcomp", "ccomp"} & set(path) or _infinitive_under(doc[token_i], tok)):
                return None
            return k
    return None


def _conditional(tok: Token) -> bool:
    """Whether the act's clause (or the statement it hangs on) carries an "if"/"unless" condition."""
    heads = [tok, tok.head] if tok.pos_ in ("NOUN", "PROPN") else [tok]
    heads += [h.head for h in heads if h.dep_ in ("ccomp", "xcomp", "dobj")]
    return any(has_condition(h, CONDITION_MARKS) for h in heads)


def _as_statement(ev: Event, kind: str | None) -> Event:
    """"said it was ready to talk", "pledged to help": the statement of intent is the event. It is
    asserted (the speaker is the actor), dated when the statement was made; a plain future
    ("will visit next week") keeps its factuality and date."""
    if kind != "intent":
        return ev
    speaker = ev.attribution.speaker if ev.attribution is not None else None
    own = speaker is None or any(
        (speaker.name and speaker.name == a.name) or (speaker.country, speaker.sector) == (a.country, a.sector)
        for a in ev.actor
    )
    when = ev.extra.get("statement_date")
    fields: dict = {}
    if own:
        fields.update(factuality="asserted", attribution=None)
    else:
        fields.update(factuality="reported")
    if when is not None:
        fields.update(date=when.iso_date, date_precision=when.precision, date_text=when.text, date_span=when.span)
    return replace(ev, **fields)


def _direct_xcomp(doc: Doc, inner: Event, outer: Event) -> bool:
    tok = doc[inner.extra["token"]]
    return tok.head.i == outer.extra["token"] and (tok.dep_ == "xcomp" or _infinitive_under(tok, tok.head))


def _infinitive_under(tok: Token, head: Token) -> bool:
    """"vowed to fight" parsed as an adverbial clause: a bare to-infinitive right under `head`."""
    return tok.head.i == head.i and tok.dep_ == "advcl" and any(
        c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in tok.children
    )


def _retype(ev: Event, ontology: Ontology, event_type: str, mode: str | None, **fields) -> Event:
    cameo = ontology.default_cameo(event_type, mode)
    return replace(
        ev,
        event_type=event_type,
        mode=mode,
        cameo=cameo,
        quad_class=ontology.quad_class(event_type),
        goldstein=ontology.goldstein_for(event_type, mode, cameo),
        evidence=ev.evidence + f"; intent:{ev.event_type}" + (f"/{ev.mode}" if ev.mode else ""),
        **fields,
    )
