import gzip
import json

from forewarn.evaluate import evaluate

STORY = ["The city council approved a new budget for public transport on Tuesday after a long debate.",
         "The plan adds three bus lines and extends the tram network to the northern suburbs by next year.",
         "Opposition members said the fares would rise too quickly and voted against the proposal."]


def _page(title, paragraphs):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title} | City Paper</title></head><body><nav><a href='/'>Home</a>"
            f"<a href='/news'>News</a></nav><article><h1>{title}</h1>{body}</article>"
            "<footer>Subscribe to the City Paper newsletter for daily updates.</footer></body></html>")


def test_wcxb_scorer_on_a_tiny_set(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "ground-truth").mkdir()
    for n, title in enumerate(["Council approves transport budget", "Transport budget passes"], 1):
        (tmp_path / "html" / f"{n:04}.html.gz").write_bytes(gzip.compress(_page(title, STORY).encode()))
        gt = {"url": f"https://city.example/{n}", "ground_truth": {
            "title": title, "publish_date": None, "main_content": "\n\n".join(STORY)}}
        (tmp_path / "ground-truth" / f"{n:04}.json").write_text(json.dumps(gt))
    result = evaluate("wcxb", tmp_path).to_dict()
    assert result["dataset"] == "wcxb" and result["items"] == 2
    assert result["headline"]["name"] == "body_f1" and result["headline"]["value"] > 0.8
    metrics = result["metrics"]
    assert set(metrics["body"]) == {"forewarn-html", "forewarn-text", "all-lines", "trafilatura"}
    assert metrics["body"]["all-lines"]["precision"] < 1.0
    assert metrics["date"]["forewarn-html"]["spurious"] == 0
    assert metrics["title_exact"]["forewarn-html"] == 1.0
    assert metrics["flagged_not_an_article"]["forewarn-html"] == 0
    assert metrics["cpu_pages_per_second"]["forewarn-html"] > 0
