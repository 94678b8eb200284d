import pytest

from forewarn.evaluate.metrics import MeanPR, overlap_pr, prf_by_class


def test_overlap_pr():
    gold = "the minister said the talks would resume on monday in geneva"
    assert overlap_pr(gold, gold) == (1.0, 1.0)
    p, r = overlap_pr(gold + " subscribe to our newsletter for more news today", gold)
    assert r == 1.0 and 0.4 < p < 0.7
    assert overlap_pr("", gold) == (0.0, 0.0)
    assert overlap_pr("", "") == (1.0, 1.0)


def test_mean_pr_is_f1_of_means():
    m = MeanPR()
    m.add(1.0, 0.5)
    m.add(0.5, 1.0)
    assert m.result() == {"precision": 0.75, "recall": 0.75, "f1": 0.75}


def test_prf_by_class():
    out = prf_by_class(["A", "A", "B", None], ["A", "B", "B", "A"])
    assert out["A"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert out["B"]["recall"] == 1.0 and out["B"]["precision"] == 0.5
    assert out["macro"]["f1"] == pytest.approx((0.5 + 2 / 3) / 2, abs=1e-4)
