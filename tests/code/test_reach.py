"""Recipients found deeper under the trigger when the parse hangs them elsewhere (code/reach.py).

The parses are built by hand, each the shape a misparse of news text takes, so the tests do not
hang on what the tagger makes of one sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc

from forewarn.code.reach import reach_heads


LEMMAS = {"soldiers": "soldier", "refugees": "refugee", "factions": "faction", "said": "say",
          "granted": "grant", "condemned": "condemn", "fails": "fail", "agrees": "agree", "holed": "hole",
          "watched": "watch", "vowed": "vow", "villages": "village", "yields": "yield"}


def build(nlp, rows):
    """``rows``: (word, head index, dep, pos, entity label or "") → a parsed Doc (lemmas from
    ``LEMMAS``, else the word lower-cased)."""
    words = [r[0] for r in rows]
    ents, prev = [], ""
    for r in rows:
        ents.append("O" if not r[4] else ("I-" if prev == r[4] else "B-") + r[4])
        prev = r[4]
    return Doc(nlp.vocab, words=words, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], lemmas=[LEMMAS.get(r[0], r[0].lower()) for r in rows], ents=ents,
               sent_starts=[True] + [False] * (len(rows) - 1))


def heads(doc, trigger, coder):
    tok = next(t for t in doc if t.text == trigger)
    return [t.text for t, _ in reach_heads(tok, coder.cues, coder.is_actor)]


def test_object_of_a_preposition_parsed_as_a_clause_subject(nlp, coder):
    # "to" left without an object: "soldiers" hangs as the subject of "holed"
    doc = build(nlp, [("Ghana", 1, "nsubj", "PROPN", "GPE"), ("granted", 1, "ROOT", "VERB", ""),
                      ("asylum", 1, "dobj", "NOUN", ""), ("to", 1, "prep", "ADP", ""),
                      ("four", 6, "nummod", "NUM", "CARDINAL"), ("Togolese", 6, "amod", "ADJ", "NORP"),
                      ("soldiers", 7, "nsubj", "NOUN", ""), ("holed", 1, "advcl", "VERB", ""),
                      ("up", 7, "prt", "ADP", ""), ("in", 7, "prep", "ADP", ""),
                      ("an", 11, "det", "DET", ""), ("embassy", 9, "pobj", "NOUN", ""), (".", 1, "punct", "PUNCT", "")])
    assert heads(doc, "granted", coder)[:1] == ["soldiers"]


def test_no_orphan_when_the_preposition_has_its_object(nlp, coder):
    doc = build(nlp, [("Ghana", 1, "nsubj", "PROPN", "GPE"), ("granted", 1, "ROOT", "VERB", ""),
                      ("asylum", 1, "dobj", "NOUN", ""), ("to", 1, "prep", "ADP", ""),
                      ("refugees", 3, "pobj", "NOUN", ""), ("while", 7, "mark", "SCONJ", ""),
                      ("soldiers", 7, "nsubj", "NOUN", ""), ("watched", 1, "advcl", "VERB", ""),
                      (".", 1, "punct", "PUNCT", "")])
    assert heads(doc, "granted", coder) == ["refugees"]


def test_object_moved_after_an_as_phrase(nlp, coder):
    # "condemned as a provocation Turkey's seizure": the object parsed as the apposition of "provocation"
    doc = build(nlp, [("Greece", 1, "nsubj", "PROPN", "GPE"), ("condemned", 1, "ROOT", "VERB", ""),
                      ("as", 1, "prep", "ADP", ""), ("a", 4, "det", "DET", ""),
                      ("provocation", 2, "pobj", "NOUN", ""), ("Turkey", 7, "poss", "PROPN", "GPE"),
                      ("'s", 5, "case", "PART", ""), ("seizure", 4, "appos", "NOUN", ""),
                      (".", 1, "punct", "PUNCT", "")])
    assert heads(doc, "condemned", coder) == ["Turkey"]


def test_closing_attribution_is_no_recipient(nlp, coder):
    # ", Minister Jonas Berg said" with "Berg" misparsed as the subject of the condition's verb
    doc = build(nlp, [("Norway", 2, "nsubj", "PROPN", "GPE"), ("may", 2, "aux", "AUX", ""),
                      ("suspend", 13, "ccomp", "VERB", ""), ("aid", 2, "dobj", "NOUN", ""),
                      ("to", 2, "prep", "ADP", ""), ("Sudan", 6, "poss", "PROPN", "GPE"),
                      ("factions", 4, "pobj", "NOUN", ""), ("if", 12, "mark", "SCONJ", ""),
                      (",", 13, "punct", "PUNCT", ""), ("Minister", 11, "compound", "PROPN", ""),
                      ("Jonas", 11, "compound", "PROPN", "PERSON"), ("Berg", 12, "nsubj", "PROPN", "PERSON"),
                      ("fails", 2, "advcl", "VERB", ""), ("said", 13, "ROOT", "VERB", ""),
                      (".", 13, "punct", "PUNCT", "")])
    found = heads(doc, "suspend", coder)
    assert "Sudan" in found and "Berg" not in found


def test_a_condition_before_the_attribution_is_still_read(nlp, coder):
    doc = build(nlp, [("Norway", 2, "nsubj", "PROPN", "GPE"), ("may", 2, "aux", "AUX", ""),
                      ("suspend", 10, "ccomp", "VERB", ""), ("aid", 2, "dobj", "NOUN", ""),
                      ("unless", 6, "mark", "SCONJ", ""), ("Sudan", 6, "nsubj", "PROPN", "GPE"),
                      ("agrees", 2, "advcl", "VERB", ""), (",", 10, "punct", "PUNCT", ""),
                      ("the", 9, "det", "DET", ""), ("ministry", 10, "nsubj", "NOUN", ""),
                      ("said", 10, "ROOT", "VERB", ""), (".", 10, "punct", "PUNCT", "")])
    assert heads(doc, "suspend", coder) == ["Sudan"]


def test_condition_hung_on_the_verb_of_intent_belongs_to_the_act(nlp, coder):
    # "vowed to fight until they take the villages near Kosovo": "until" parsed under "vowed"
    doc = build(nlp, [("Rebels", 1, "nsubj", "NOUN", ""), ("vowed", 1, "ROOT", "VERB", ""),
                      ("to", 3, "aux", "PART", ""), ("fight", 1, "advcl", "VERB", ""),
                      ("until", 6, "mark", "SCONJ", ""), ("they", 6, "nsubj", "PRON", ""),
                      ("take", 1, "advcl", "VERB", ""), ("the", 8, "det", "DET", ""),
                      ("villages", 6, "dobj", "NOUN", ""), ("near", 8, "prep", "ADP", ""),
                      ("Kosovo", 9, "pobj", "PROPN", "GPE"), (".", 1, "punct", "PUNCT", "")])
    assert [t.text for t, _ in reach_heads(doc[3], coder.cues, coder.is_actor)] == ["Kosovo"]


def test_conditions_before_the_act_stay_with_their_verb(nlp, coder):
    doc = build(nlp, [("Unless", 2, "mark", "SCONJ", ""), ("Kosovo", 2, "nsubj", "PROPN", "GPE"),
                      ("yields", 4, "advcl", "VERB", ""), ("rebels", 4, "nsubj", "NOUN", ""),
                      ("vowed", 4, "ROOT", "VERB", ""), ("to", 6, "aux", "PART", ""),
                      ("fight", 4, "xcomp", "VERB", ""), (".", 4, "punct", "PUNCT", "")])
    assert reach_heads(doc[6], coder.cues, coder.is_actor) == []
