"""Which event leads a sentence (``forewarn.code.lead``) and where a person's phrase ends.

Each test names the rule it guards: an act embedded under another act's verb ranks below it; a
light verb hands the lead to its object; a later conjunct does not outrank the first; a
governor with no doer does not outrank an embedded act that has one; after a person's name,
"in/at <place>" says where the person was and stays out of the phrase.
"""

from forewarn.code.lead import rank_leads
from forewarn.code.syntax import role_span
from forewarn.evaluate._coding import top_event
from forewarn.models import Actor, Event, Evidence

_EXEMPT = frozenset({"launch", "carry", "say"})


def _event(doc, tok, confidence, actors=True):
    ev = Evidence(doc.text, 0, len(doc.text), tok.text, tok.idx, tok.idx + len(tok.text))
    who = [Actor(text="X", start=0, end=1)] if actors else []
    return Event(type="ASSAULT", mode=None, quad="4-material-conflict", status="reported", actors=who, recipients=[],
                 evidence=ev, article_id="t", confidence=confidence, rule="r")


def _tok(doc, text):
    return next(t for t in doc if t.text == text)


def test_an_act_embedded_under_another_acts_verb_ranks_below_it(nlp):
    doc = nlp("Prosecutors charged the commander for the bombing of the market.")
    verb, noun = _tok(doc, "charged"), _tok(doc, "bombing")
    pairs = [(verb, _event(doc, verb, 0.70)), (noun, _event(doc, noun, 0.85))]
    rank_leads(pairs, _EXEMPT)
    assert pairs[1][1].confidence < pairs[0][1].confidence
    assert top_event([e for _, e in pairs]).evidence.trigger == "charged"


def test_a_light_verb_hands_the_lead_to_its_object(nlp):
    doc = nlp("The rebels launched an attack on the convoy.")
    verb, noun = _tok(doc, "launched"), _tok(doc, "attack")
    pairs = [(verb, _event(doc, verb, 0.60)), (noun, _event(doc, noun, 0.85))]
    rank_leads(pairs, _EXEMPT)
    assert pairs[1][1].confidence == 0.85


def test_a_later_conjunct_does_not_outrank_the_first(nlp):
    doc = nlp("Gunmen stormed the hotel and burned the cars.")
    first, second = _tok(doc, "stormed"), _tok(doc, "burned")
    pairs = [(first, _event(doc, first, 0.70)), (second, _event(doc, second, 0.75))]
    rank_leads(pairs, _EXEMPT)
    assert pairs[1][1].confidence == 0.70
    assert top_event([e for _, e in pairs]).evidence.trigger == "stormed"


def test_a_governor_with_no_doer_does_not_outrank_an_embedded_act_with_one(nlp):
    doc = nlp("Ten people were killed when the militia attacked the village.")
    main, inner = _tok(doc, "killed"), _tok(doc, "attacked")
    pairs = [(main, _event(doc, main, 0.50, actors=False)), (inner, _event(doc, inner, 0.55))]
    rank_leads(pairs, _EXEMPT)
    assert pairs[1][1].confidence == 0.55


def test_the_coder_leads_with_the_main_verb_over_a_welcomed_act(code_text):
    events = code_text("The Egyptian foreign minister welcomed the visit by the Kenyan president.")
    top = top_event(events)
    assert top is not None and top.evidence.trigger == "welcomed"


def test_a_place_after_a_persons_name_stays_out_of_the_phrase(nlp):
    doc = nlp("Putin will meet German Chancellor Angela Merkel at Sochi for talks.")
    head = _tok(doc, "Merkel")
    assert head.ent_type_ == "PERSON"
    start, end = role_span(head)
    assert doc[start:end].text == "German Chancellor Angela Merkel"
