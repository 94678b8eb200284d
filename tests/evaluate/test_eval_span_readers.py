"""CoNLL, BRAT and MUC readers and the span matching, on tiny fixtures written here."""

import json

from forewarn.evaluate import muc4, polnear
from forewarn.evaluate._conll import char_spans, detokenize, read_conll
from forewarn.evaluate._measures import Counts, bio_spans, match_spans, trim
from forewarn.evaluate.conflibert_roles import gold_roles


def test_read_conll_and_bio_spans(tmp_path):
    path = tmp_path / "roles.txt"
    path.write_text("Zembla B-S\nand O\nRuritania B-R\nsigned O\n\n\nThe B-T\nold I-T\nfort I-T\nfell O\n"
                    "stray I-S\n")
    sentences = list(read_conll(path))
    assert [len(t) for t, _ in sentences] == [4, 5]
    assert bio_spans(sentences[0][1]) == [(0, 1, "S"), (2, 3, "R")]
    assert bio_spans(sentences[1][1]) == [(0, 3, "T"), (4, 5, "S")]
    assert list(read_conll(path, limit=1)) == sentences[:1]
    tabbed = tmp_path / "ner.txt"
    tabbed.write_text("General\tB-Person\nSmith\tI-Person\n")
    assert list(read_conll(tabbed)) == [(["General", "Smith"], ["B-Person", "I-Person"])]


def test_detokenize_offsets():
    tokens = ["The", "group", "'s", "leader", "(", "Smith", ")", "said", '"', "no", '"', "."]
    text, offsets = detokenize(tokens)
    assert text == "The group's leader (Smith) said \"no\"."
    assert all(text[s:e] == t for t, (s, e) in zip(tokens, offsets))
    assert char_spans([(0, 2, "X")], offsets) == [(0, 9, "X")]


def test_reciprocal_gold_is_source_and_target():
    tokens, tags = ["Zembla", "and", "Ruritania", "met"], ["B-S", "O", "B-R", "O"]
    text, offsets = detokenize(tokens)
    assert sorted(gold_roles(tags, offsets, text)) == [(0, 6, "source"), (11, 20, "source"), (11, 20, "target")]


def test_match_spans_exact_overlap_and_trim():
    gold = [(0, 10, "source"), (20, 30, "target")]
    predicted = [(0, 10, "source"), (22, 35, "target"), (40, 45, "target")]
    exact, overlap = Counts(), Counts()
    match_spans(gold, predicted, exact)
    match_spans(gold, predicted, overlap, overlap=True)
    assert exact.result()["source"]["f1"] == 1.0 and exact.result()["target"]["recall"] == 0.0
    assert overlap.result()["target"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    assert overlap.result()["micro"]["precision"] == round(2 / 3, 4)
    text = '"The senator," '
    assert text[slice(*trim(text, 0, len(text)))] == "senator"


def test_counts_sets():
    c = Counts(["A", "B"])
    c.add_sets({"A"}, {"A", "B"})
    c.add_sets({"B"}, set())
    r = c.result()
    assert r["A"]["f1"] == 1.0 and r["B"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}


ANN = """T1\tSource 0 7\tThe aide
T2\tCue 8 12\tsaid
T3\tContent 13 30\tthe plan would pass
T4\tAttribution 8 12\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tSource 40 45;50 55\tsplit source
#1\tAnnotatorNotes T1\ta note
"""


def test_polnear_brat_and_layout(tmp_path):
    spans, relations = polnear.parse_ann(ANN)
    assert spans["T1"] == ("Source", 0, 7) and spans["T5"] == ("Source", 40, 55)
    assert relations == [{"Attribution": "T4", "Content": "T3", "Cue": "T2", "Source": "T1"}]
    split = tmp_path / "polnear-x"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "story.txt").write_text("A text.")
    (split / "attributions" / "story_ab12.ann").write_text("first")
    (split / "attributions" / "story_cd34.ann").write_text("second")
    (split / "attributions" / "orphan_ab12.ann").write_text("no text")
    assert list(polnear.documents(split)) == [("A text.", "first")]
    assert list(polnear.documents(tmp_path)) == [("A text.", "first")]


def test_muc4_reader_and_matching(tmp_path):
    path = tmp_path / "muc.json"
    path.write_text(json.dumps({"D1": {"doc": "URBAN GUERRILLAS BOMBED\nA BANK.\n\nNO ONE DIED.", "roles": {
        "perp_individual_id": [["URBAN GUERRILLAS", "GUERRILLAS"]], "perp_organization_id": [["THE FRONT"]],
        "phys_tgt_id": [["A BANK"]], "hum_tgt_name": [], "incident_instrument_id": [["BOMB"]]}}}))
    ((doc_id, text, gold),) = muc4.read(path)
    assert text == "URBAN GUERRILLAS BOMBED A BANK.\n\nNO ONE DIED."
    assert gold["perpetrator"] == [["URBAN GUERRILLAS", "GUERRILLAS"], ["THE FRONT"]]
    assert gold["target"] == [["A BANK"]]
    assert muc4.norm("the Bank, ") == "BANK" and muc4.head("members of the Front") == "MEMBER"
    assert muc4.matches(["the guerrilla"], gold["perpetrator"][0])
    counts = Counts(["perpetrator"])
    muc4.score_doc(gold["perpetrator"], [["Guerrillas"], ["guerrillas"], ["the army"]], counts, "perpetrator")
    assert (counts.tp["perpetrator"], counts.fp["perpetrator"], counts.fn["perpetrator"]) == (1, 1, 1)


def test_polnear_scores_every_role(tmp_path):
    text = "Police arrested two men, the ministry said."
    ann = ("T1\tSource 25 37\tthe ministry\nT2\tCue 38 42\tsaid\nT3\tContent 0 23\tPolice arrested two men\n"
           "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    gold = polnear.gold_spans(text, ann)
    assert gold["source"] == [(29, 37, "source")] and gold["cue"] == [(38, 42, "cue")]
    split = tmp_path / "polnear-x"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text(text)
    (split / "attributions" / "a_0a0a.ann").write_text(ann)
    result = polnear.score(split)
    assert result.metrics["source_f1_exact"] == 1.0 and result.metrics["cue_f1_overlap"] == 1.0
