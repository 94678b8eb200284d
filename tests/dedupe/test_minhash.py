import datetime as dt

from forewarn.dedupe import band_keys, jaccard, signature
from forewarn.models import Article, Origin
from forewarn.store import Store

STORY = ("The port authority said on Tuesday that container traffic would resume at three terminals after "
         "a week-long strike ended with an agreement on pay. Union leaders told members to return to work "
         "on Wednesday morning, and shipping lines began routing vessels back to the harbour. Officials "
         "estimated the stoppage had delayed more than two hundred ships and cost exporters heavily.")


def test_similar_bodies_have_similar_signatures():
    copy = STORY.replace("Tuesday", "Tuesday evening") + " Reporting by the wire desk."
    other = "Heavy rain flooded several districts of the capital, and schools were closed for two days."
    assert jaccard(signature(STORY), signature(copy)) >= 0.7
    assert jaccard(signature(STORY), signature(other)) < 0.2
    assert len(band_keys(signature(STORY))) == 9


def test_store_finds_a_near_copy_and_not_a_stranger():
    sig = signature(STORY)
    with Store.open(":memory:") as store:
        article = Article(id="first", body=STORY, origin=Origin(path="a"), raw_sha256="x",
                          published=dt.date(2024, 1, 2))
        store.add(article, [], sig=sig)
        assert store.near_duplicate(signature(STORY + " Copyright the wire.")) == "first"
        assert store.near_duplicate(signature("Unrelated text about a football match in Lyon.")) is None
