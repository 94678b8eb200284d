"""Confidence: a logistic score of the evidence, in (0, 1), ordered as its features say."""

from forewarn.code.confidence import WEIGHTS, features, score


def _feats(**over):
    base = {"specificity": 0.5, "actor": 1.0, "recipient": 1.0, "resolved": 0.5, "depth": 0.0,
            "noun": 0.0, "unrealised": 0.0}
    base.update(over)
    return base


def test_score_is_a_probability():
    for f in (_feats(), _feats(actor=0.0, depth=1.0, unrealised=1.0), _feats(noun=1.0)):
        assert 0.0 < score(f) < 1.0


def test_weights_cover_every_feature():
    assert set(_feats()) <= set(WEIGHTS) - {"bias"}


def test_embedded_and_unrealised_acts_score_lower():
    assert score(_feats(depth=1.0)) < score(_feats())
    assert score(_feats(unrealised=1.0)) < score(_feats())
    assert score(_feats(actor=0.0)) < score(_feats())


def test_event_confidence_comes_from_its_features(code_text, coder, nlp):
    text = "Police arrested twelve protesters in the capital on Monday."
    events = [e for e in code_text(text) if e.type == "COERCE"]
    assert events
    e = events[0]
    doc = nlp(text)
    tok = next(t for t in doc if t.idx == e.evidence.trigger_start)
    pattern = next(p for p in coder.patterns if p.id == e.rule)
    assert e.confidence == round(score(features(pattern, tok, e.actors, e.recipients, e.status)), 2)


def test_a_planned_act_is_less_sure_than_the_same_act_done(code_text):
    done = [e for e in code_text("Police arrested the two suspects on Monday.") if e.type == "COERCE"]
    planned = [e for e in code_text("Police will arrest the two suspects on Monday.")
               if e.type in ("COERCE", "THREATEN")]
    assert done and planned
    assert max(e.confidence for e in planned) <= max(e.confidence for e in done)
