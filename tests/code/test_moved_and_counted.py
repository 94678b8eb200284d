"""What a giving act moves is not its recipient; a title marks an untagged name as a participant;
a counted object's own phrases are the trigger's ("returned dozens of artifacts to Peru").

The parses are built by hand (the shapes the small model gives such news text), so the tests do
not hang on what the tagger makes of one sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc

from forewarn.code.coder import _within_moved
from forewarn.code.patterns import Requirement
from forewarn.code.syntax import neighbourhood, requirement_holds

LEMMAS = {"sent": "send", "vehicles": "vehicle", "paratroopers": "paratrooper", "returned": "return",
          "dozens": "dozen", "artifacts": "artifact", "released": "release", "soldiers": "soldier",
          "trained": "train"}


def build(nlp, rows):
    """``rows``: (word, head index, dep, pos, entity label or "") → a parsed Doc."""
    ents, prev = [], ""
    for r in rows:
        ents.append("O" if not r[4] else ("I-" if prev == r[4] else "B-") + r[4])
        prev = r[4]
    return Doc(nlp.vocab, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], lemmas=[LEMMAS.get(r[0], r[0].lower()) for r in rows], ents=ents,
               sent_starts=[True] + [False] * (len(rows) - 1))


def test_a_modifier_or_of_phrase_of_what_is_sent_is_moved_too(nlp):
    # "Britain sent 100 patrol vehicles and a team of paratroopers to Lebanon" ("to" misattached)
    doc = build(nlp, [("Britain", 1, "nsubj", "PROPN", "GPE"), ("sent", 1, "ROOT", "VERB", ""),
                      ("100", 4, "nummod", "NUM", "CARDINAL"), ("patrol", 4, "compound", "NOUN", ""),
                      ("vehicles", 1, "dobj", "NOUN", ""), ("and", 4, "cc", "CCONJ", ""),
                      ("team", 4, "conj", "NOUN", ""), ("of", 6, "prep", "ADP", ""),
                      ("paratroopers", 7, "pobj", "NOUN", ""), ("to", 8, "prep", "ADP", ""),
                      ("Lebanon", 9, "pobj", "PROPN", "GPE")])
    moved = {4, 6}
    assert _within_moved(doc[3], moved)  # "patrol"
    assert _within_moved(doc[8], moved)  # "paratroopers"
    assert not _within_moved(doc[10], moved)  # "Lebanon": where it goes


def test_whose_soldiers_are_trained_is_not_moved(nlp):
    # "trained Nigerian soldiers": the adjective may name the recipient
    doc = build(nlp, [("Americans", 1, "nsubj", "PROPN", "NORP"), ("trained", 1, "ROOT", "VERB", ""),
                      ("Nigerian", 3, "amod", "ADJ", "NORP"), ("soldiers", 1, "dobj", "NOUN", "")])
    assert not _within_moved(doc[2], {3})


def test_a_titled_name_the_tagger_missed_is_an_actor(nlp, coder):
    # "Rebels released the Colombian Sergeant Pablo Moncayo": no PERSON entity on the name
    doc = build(nlp, [("Rebels", 1, "nsubj", "NOUN", ""), ("released", 1, "ROOT", "VERB", ""),
                      ("the", 5, "det", "DET", ""), ("Colombian", 5, "compound", "PROPN", "NORP"),
                      ("Sergeant", 5, "compound", "PROPN", ""), ("Moncayo", 1, "dobj", "PROPN", "")])
    req = Requirement("object", (), frozenset(), actor=True)
    assert requirement_holds(req, doc[1], coder.is_actor)
    plain = build(nlp, [("Rebels", 1, "nsubj", "NOUN", ""), ("released", 1, "ROOT", "VERB", ""),
                        ("the", 3, "det", "DET", ""), ("Moncayo", 1, "dobj", "PROPN", "")])
    assert not requirement_holds(req, plain[1], coder.is_actor)


def test_a_counted_objects_phrases_belong_to_the_trigger(nlp):
    # "returned dozens of artifacts to Peru": "to" hangs on "artifacts"
    doc = build(nlp, [("ICE", 1, "nsubj", "PROPN", "ORG"), ("returned", 1, "ROOT", "VERB", ""),
                      ("dozens", 1, "dobj", "NOUN", ""), ("of", 2, "prep", "ADP", ""),
                      ("artifacts", 3, "pobj", "NOUN", ""), ("to", 4, "prep", "ADP", ""),
                      ("Peru", 5, "pobj", "PROPN", "GPE")])
    assert ("to", doc[6]) in neighbourhood(doc[1])
    # not for an object that counts nothing: "returned a portrait of a girl from Peru"
    doc = build(nlp, [("ICE", 1, "nsubj", "PROPN", "ORG"), ("returned", 1, "ROOT", "VERB", ""),
                      ("portrait", 1, "dobj", "NOUN", ""), ("of", 2, "prep", "ADP", ""),
                      ("girl", 3, "pobj", "NOUN", ""), ("from", 4, "prep", "ADP", ""),
                      ("Peru", 5, "pobj", "PROPN", "GPE")])
    assert ("from", doc[6]) not in neighbourhood(doc[1])


def test_a_sum_in_aid_stands_for_the_aid(nlp, coder):
    # "Japan announced $5 million in aid": "aid" hangs off the sum; the verb governs it, its
    # subject gives it
    from forewarn.code.syntax import governor, subjects

    doc = build(nlp, [("Japan", 1, "nsubj", "PROPN", "GPE"), ("announced", 1, "ROOT", "VERB", ""),
                      ("$", 4, "quantmod", "SYM", "MONEY"), ("5", 4, "compound", "NUM", "MONEY"),
                      ("million", 1, "dobj", "NUM", "MONEY"), ("in", 4, "prep", "ADP", ""),
                      ("aid", 5, "pobj", "NOUN", "")])
    assert governor(doc[6]).text == "announced"
    assert [t.text for t in subjects(doc[6], coder.cues)] == ["Japan"]
    # not a count of people: "killed 5 in the attack" keeps its own head
    doc = build(nlp, [("Gunmen", 1, "nsubj", "NOUN", ""), ("killed", 1, "ROOT", "VERB", ""),
                      ("5", 1, "dobj", "NUM", "CARDINAL"), ("in", 2, "prep", "ADP", ""),
                      ("attack", 3, "pobj", "NOUN", "")])
    assert governor(doc[4]).text == "5"


def test_defending_an_actors_involvement_is_support(code_text):
    events = code_text("President Putin on Thursday defended Russia's involvement in the Syrian energy sector.")
    assert any(e.type == "SUPPORT" and e.rule == "support-defend-stance" for e in events)


def test_meetings_held_for_talks_keep_their_participants(nlp):
    # "held meetings with officials for talks": the talks are what the meetings are for
    from forewarn.code.nesting import purpose_of as _purpose_of

    doc = build(nlp, [("Minister", 1, "nsubj", "NOUN", ""), ("held", 1, "ROOT", "VERB", ""),
                      ("meetings", 1, "dobj", "NOUN", ""), ("with", 2, "prep", "ADP", ""),
                      ("officials", 3, "pobj", "NOUN", ""), ("for", 2, "prep", "ADP", ""),
                      ("talks", 5, "pobj", "NOUN", "")])
    assert _purpose_of(doc[6], doc[2])
    assert not _purpose_of(doc[2], doc[6])
    assert not _purpose_of(doc[6], doc[1])  # a verb's "for" phrase is not covered


def test_meetings_for_talks_code_one_meeting_with_both_sides(code_text):
    events = code_text("The Iranian deputy foreign minister has held meetings with senior Syrian officials "
                       "for talks on bilateral ties.")
    consult = [e for e in events if e.type == "CONSULT" and e.actors and e.recipients]
    assert consult and "Syrian officials" in consult[0].recipients[0].text
