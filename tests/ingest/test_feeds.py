import datetime as dt
import gzip

from forewarn.ingest import iter_inputs, parse_feed
from forewarn.models import RawItem, Reject

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title><link>https://wire.example/</link>
<item>
  <title>Police arrest two men</title>
  <link>https://wire.example/arrests</link>
  <guid>wire-1</guid>
  <pubDate>Mon, 30 Dec 2019 10:00:00 GMT</pubDate>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>Police arrested <b>two men</b> in St Petersburg.</p>]]></content:encoded>
</item>
<item>
  <title>Summary only</title>
  <link>https://wire.example/summary</link>
  <description>&lt;p&gt;Only a summary here.&lt;/p&gt;</description>
</item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom wire</title><id>urn:wire</id><updated>2024-01-03T00:00:00Z</updated>
  <entry>
    <title>Talks in Geneva</title>
    <id>urn:wire:2</id>
    <link href="https://atom.example/talks"/>
    <updated>2024-01-02T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Delegations met in Geneva.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_rss_entries_become_items():
    items = list(parse_feed(RSS, "wire.rss"))
    assert [type(i) for i in items] == [RawItem, RawItem]
    first, second = items
    assert first.kind == "html" and first.url == "https://wire.example/arrests"
    assert first.title == "Police arrest two men" and first.id == "wire-1"
    assert first.published == dt.date(2019, 12, 30)
    assert b"Police arrested <b>two men</b>" in first.data  # full content preferred to summary
    assert first.origin.path == "wire.rss" and first.origin.record == "wire-1"
    assert first.origin.url == "https://wire.example/arrests"
    assert b"Only a summary here." in second.data and second.published is None
    assert second.id == "https://wire.example/summary"  # no guid: the link is the id


def test_atom_entry():
    (item,) = parse_feed(ATOM, "https://atom.example/feed")
    assert item.title == "Talks in Geneva" and item.id == "urn:wire:2"
    assert item.published == dt.date(2024, 1, 2) and b"Delegations met" in item.data
    assert item.origin.path == "https://atom.example/feed"


def test_html_page_and_broken_xml_are_bad_feeds():
    page = b"<!doctype html><html><head><title>Not a feed</title></head><body><p>Hi</p></body></html>"
    (reject,) = parse_feed(page, "page.rss")
    assert isinstance(reject, Reject) and reject.reason == "bad-feed" and reject.input == "page.rss"
    (broken,) = parse_feed(b"<?xml version='1.0'?><rss><channel><title>Cut</ti", "cut.xml")
    assert broken.reason == "bad-feed" and "not an RSS/Atom feed" in broken.detail


def test_malformed_feed_keeps_the_entries_feedparser_salvages():
    (item,) = parse_feed(b"<?xml version='1.0'?><rss><channel><item><title>Salvaged</title></ite", "cut.xml")
    assert isinstance(item, RawItem) and item.title == "Salvaged"


def test_empty_but_valid_feed_yields_nothing():
    assert list(parse_feed(b'<rss version="2.0"><channel><title>t</title></channel></rss>', "x")) == []


def test_iter_inputs_recognises_feeds_by_suffix_and_content(tmp_path):
    (tmp_path / "a.rss").write_bytes(RSS)
    (tmp_path / "b.xml").write_bytes(ATOM)               # .xml: sniffed as a feed
    (tmp_path / "c.txt").write_bytes(ATOM)               # any name: sniffed by its root element
    (tmp_path / "d.atom.gz").write_bytes(gzip.compress(ATOM))
    (tmp_path / "e.xml").write_bytes(b"<urlset><url>https://x.example/</url></urlset>")  # not a feed
    (tmp_path / "f.html").write_bytes(b"<html><body>See <rss> in text</body></html>")
    items = list(iter_inputs([str(tmp_path)]))
    names = [i.origin.path.rsplit("/", 1)[-1] for i in items]
    assert names == ["a.rss", "a.rss", "b.xml", "c.txt", "d.atom.gz", "e.xml", "f.html"]
    assert [i.title for i in items[2:5]] == ["Talks in Geneva"] * 3
    assert items[5].kind is None and items[6].kind is None  # ordinary files, one item each
