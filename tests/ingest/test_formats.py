"""Each input format yields the article, its metadata, and metadata fields that win over the text."""

from __future__ import annotations

import io
import json
from pathlib import Path

from kronika.ingest import article_from_text, count_inputs, read_paths
from kronika.records import Article

from .helpers import ARTICLE, assert_maps_back, one, read, write

BODY_START = "PORT ELLIS – Lakeland's Foreign Minister Ana Roth"


def test_plain_text_article(tmp_path: Path) -> None:
    article = one(write(tmp_path, "accord.txt", ARTICLE))
    assert article.fmt == "txt"
    assert article.source_file == "accord.txt"
    assert article.source_path == str(tmp_path / "accord.txt")
    assert article.raw_text == ARTICLE
    assert article.title == "Lakeland and Norvia sign fisheries accord"
    assert (article.published, article.date_precision) == ("2024-06-11", "day")
    assert article.author == "Tomas Varga"
    assert article.dateline == "Port Ellis"
    assert article.text.startswith(BODY_START)
    assert article.text.endswith("invited Roth to visit Norvia in the autumn.")
    for gone in ("By Tomas Varga", "June 11, 2024", "sign fisheries accord\n"):
        assert gone not in article.text
    assert_maps_back(article)


def test_markdown_article_loses_its_markup(tmp_path: Path) -> None:
    text = (
        "# Norvia recalls its ambassador\n\n"
        "By [Nordic Wire](#)\n\n"
        "March 3, 2023\n\n"
        "Norvia **recalled** its ambassador to Lakeland on Friday, the [foreign ministry](#) said.\n\n"
        "## Reaction\n\n"
        "Lakeland called the move *regrettable*.\n"
    )
    article = one(write(tmp_path, "recall.md", text))
    assert article.fmt == "md"
    assert article.title == "Norvia recalls its ambassador"
    assert article.author == "Nordic Wire"
    assert article.published == "2023-03-03"
    assert article.text == (
        "Norvia recalled its ambassador to Lakeland on Friday, the foreign ministry said.\n\n"
        "Reaction\n\n"
        "Lakeland called the move regrettable."
    )
    assert_maps_back(article)


HTML = """<!DOCTYPE html>
<html><head>
<title>Lakeland and Norvia sign fisheries accord | Lake Post</title>
<meta property="og:site_name" content="Lake Post">
<meta property="article:published_time" content="2024-06-11T09:30:00+02:00">
<meta name="author" content="Tomas Varga">
<link rel="canonical" href="https://lakepost.example/world/fisheries-accord">
<script>window.tracking = "Subscribe now";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Lakeland and Norvia sign fisheries accord</h1>
<figure><img src="roth.jpg">
<figcaption>Ana Roth in Port Ellis, May 2, 2024. (Photo: Lake Post)</figcaption></figure>
<p>PORT ELLIS – Lakeland's Foreign Minister Ana Roth and her Norvian counterpart Eli Sand signed
a fisheries accord on Tuesday, ending a two-year dispute over quotas.</p>
<p>Roth said the agreement <em>opens a new chapter</em> in relations between the two countries.</p>
</article>
<footer><p>Sign up for our newsletter</p><p>© 2024 Lake Post</p></footer>
</body></html>
"""


def test_html_main_text_and_meta_tags(tmp_path: Path) -> None:
    article = one(write(tmp_path, "accord.html", HTML))
    assert article.fmt == "html"
    assert article.title == "Lakeland and Norvia sign fisheries accord"
    assert (article.published, article.date_precision) == ("2024-06-11", "day")
    assert article.outlet == "Lake Post"
    assert article.author == "Tomas Varga"
    assert article.url == "https://lakepost.example/world/fisheries-accord"
    assert article.dateline == "Port Ellis"
    assert article.text == (
        "PORT ELLIS – Lakeland's Foreign Minister Ana Roth and her Norvian counterpart Eli Sand signed "
        "a fisheries accord on Tuesday, ending a two-year dispute over quotas.\n\n"
        "Roth said the agreement opens a new chapter in relations between the two countries."
    )
    # The raw text is the page's visible text: captions and footers stay there, scripts do not.
    assert "Ana Roth in Port Ellis" in article.raw_text
    assert "Sign up for our newsletter" in article.raw_text
    assert "tracking" not in article.raw_text
    assert_maps_back(article)


def test_html_title_without_h1_drops_the_site_name(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Norvia closes border crossing | Lake Post</title></head><body>"
        "<p>Norvia closed its main border crossing with Lakeland on Monday, citing security concerns.</p>"
        "</body></html>"
    )
    article = one(write(tmp_path, "border.htm", page))
    assert article.title == "Norvia closes border crossing"
    assert (
        article.text
        == "Norvia closed its main border crossing with Lakeland on Monday, citing security concerns."
    )


def test_json_object_fields_win_over_the_text(tmp_path: Path) -> None:
    record = {
        "title": "Fisheries accord signed",
        "published": "2024-06-12",
        "url": "https://example.org/accord",
        "outlet": "Norvia Today",
        "author": "Ida Lund",
        "text": ARTICLE,
    }
    article = one(write(tmp_path, "accord.json", json.dumps(record)))
    assert article.fmt == "json"
    assert article.title == "Fisheries accord signed"
    assert (article.published, article.date_precision) == ("2024-06-12", "day")
    assert article.url == "https://example.org/accord"
    assert article.outlet == "Norvia Today"
    assert article.author == "Ida Lund"
    assert article.record is None
    # The text's own headline differs from the given title, so it is kept rather than lost.
    assert article.text.startswith("Lakeland and Norvia sign fisheries accord\n\n" + BODY_START)


def test_json_array_gives_one_article_per_object(tmp_path: Path) -> None:
    records = [
        {"body": "Lakeland expelled two Norvian diplomats on Monday.", "published": "2024-05"},
        {"content": "Norvia protested the expulsion of its diplomats.", "published": 2024},
    ]
    articles, problems = read(write(tmp_path, "batch.json", json.dumps(records, indent=2)))
    assert problems == []
    assert [a.text for a in articles] == [r.get("body") or r.get("content") for r in records]
    assert [(a.published, a.date_precision) for a in articles] == [("2024-05", "month"), ("2024", "year")]
    assert [a.record for a in articles] == [2, 6]  # the line each object starts on


def test_jsonl_one_article_per_line(tmp_path: Path) -> None:
    lines = [
        {"text": "Lakeland expelled two Norvian diplomats on Monday.", "outlet": "Lake Post"},
        {
            "text": "Norvia protested the expulsion.",
            "title": "Norvia protests",
            "author": ["A. Berg", "I. Lund"],
        },
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    articles, problems = read(path)
    assert problems == []
    assert [a.record for a in articles] == [1, 2]
    assert articles[0].outlet == "Lake Post"
    assert (articles[1].title, articles[1].author) == ("Norvia protests", "A. Berg, I. Lund")
    assert all(a.fmt == "jsonl" for a in articles)


def test_csv_rows_with_metadata_columns(tmp_path: Path) -> None:
    content = (
        "title,published,url,outlet,author,text\n"
        'Accord signed,11 June 2024,https://example.org/a,Lake Post,Ida Lund,"Lakeland and Norvia signed '
        'an accord.\n\nBoth sides praised it."\n'
        ",,,,,Norvia recalled its ambassador on Friday.\n"
    )
    articles, problems = read(write(tmp_path, "batch.csv", content))
    assert problems == []
    first, second = articles
    assert (first.title, first.published, first.outlet, first.author, first.url) == (
        "Accord signed",
        "2024-06-11",
        "Lake Post",
        "Ida Lund",
        "https://example.org/a",
    )
    assert first.text == "Lakeland and Norvia signed an accord.\n\nBoth sides praised it."
    assert (first.record, second.record) == (2, 5)
    assert second.title is None  # a one-sentence body with a full stop is not a headline
    assert second.text == "Norvia recalled its ambassador on Friday."


def test_csv_semicolon_delimiter(tmp_path: Path) -> None:
    content = "Title;Body\nAccord signed;Lakeland and Norvia signed an accord, officials said.\n"
    article = one(write(tmp_path, "semi.csv", content))
    assert (article.title, article.text) == (
        "Accord signed",
        "Lakeland and Norvia signed an accord, officials said.",
    )


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    write(tmp_path, "b/two.txt", "Norvia recalled its ambassador on Friday.")
    write(tmp_path, "a.md", "Lakeland expelled two diplomats on Monday.")
    write(tmp_path, ".hidden/three.txt", "Hidden folder text.")
    write(tmp_path, "b/.draft.txt", "Hidden file text.")
    articles, problems = read(tmp_path)
    assert problems == []
    assert [a.source_file for a in articles] == ["a.md", "two.txt"]
    assert count_inputs([str(tmp_path)]) == 2


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    jsonl = '{"text": "Lakeland expelled two diplomats."}\n{"text": "Norvia protested."}\n'
    articles, problems = read(write(tmp_path, "export.dat", jsonl), write(tmp_path, "story", ARTICLE))
    assert problems == []
    assert [a.fmt for a in articles] == ["jsonl", "jsonl", "txt"]


def test_stdin_text_and_jsonl() -> None:
    items = list(read_paths(["-"], stdin=io.StringIO(ARTICLE)))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert (items[0].source_file, items[0].title) == ("<stdin>", "Lakeland and Norvia sign fisheries accord")
    jsonl = '{"text": "Lakeland expelled two diplomats."}\n{"text": "Norvia protested."}\n'
    items = list(read_paths(["-"], stdin=io.StringIO(jsonl)))
    assert [getattr(a, "text", None) for a in items] == [
        "Lakeland expelled two diplomats.",
        "Norvia protested.",
    ]


def test_article_from_text_with_metadata() -> None:
    article = article_from_text(
        ARTICLE,
        source_file="x.txt",
        source_path="in/x.txt",
        meta={"title": "Lakeland and Norvia sign fisheries accord", "published": "2024-06", "outlet": None},
    )
    assert (article.published, article.date_precision) == ("2024-06", "month")
    assert article.text.startswith(BODY_START)  # the given title is found in the text and removed


def test_headline_only_text_is_kept_as_body(tmp_path: Path) -> None:
    article = one(write(tmp_path, "flash.txt", "Norvia recalls ambassador from Lakeland\n"))
    assert article.title == "Norvia recalls ambassador from Lakeland"
    assert article.text == "Norvia recalls ambassador from Lakeland"


PLAIN_PAGE = """<html><head><title>Norvia and Lakeland agree on border - Lake Post</title>
<meta property="og:site_name" content="Lake Post">
<meta property="article:published_time" content="1694678400">
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2023-09-14",
 "author": [{"@type": "Person", "name": "Ida Lund"}], "publisher": {"name": "Lake Post Media"}}]}</script>
</head><body>
<div class="topbar"><ul><li><a href="/">Home</a></li><li><a href="/n">Norvia</a></li>
<li><a href="/politics">Politics</a></li></ul></div>
<div class="story">
<h2>Norvia and Lakeland agree on border</h2>
<div class="img"><img src="x.jpg"><span>Ana Roth in Vale, Sept. 1, 2023. Photo: Lake Post</span></div>
<p>Norvia and Lakeland agreed on Thursday to demarcate their disputed border along the Vale river,
ending a dispute that had soured relations for a decade.</p>
<p>The agreement was announced after a meeting of the two foreign ministers, Ana Roth and Eli Sand,
who said a joint commission would start work next month.</p>
<p>Opposition parties in Norvia criticised the deal, saying the government had given up too much.</p>
</div>
<div class="related"><h3>Related</h3><ul><li><a href="/a">Lakeland votes on budget</a></li></ul></div>
<div class="foot">© 2023 Lake Post Media. All rights reserved.</div>
</body></html>
"""


def test_html_without_article_markup_uses_json_ld(tmp_path: Path) -> None:
    article = one(write(tmp_path, "border.html", PLAIN_PAGE))
    assert article.title == "Norvia and Lakeland agree on border"
    assert (article.published, article.author, article.outlet) == ("2023-09-14", "Ida Lund", "Lake Post")
    paragraphs = article.text.split("\n\n")
    assert [p.split()[0] for p in paragraphs] == ["Norvia", "The", "Opposition"]
    for chrome in ("Politics", "Photo: Lake Post", "Related", "budget", "All rights reserved"):
        assert chrome not in article.text
    assert_maps_back(article)


def test_json_text_field_holding_a_web_page(tmp_path: Path) -> None:
    record = {"content": PLAIN_PAGE, "url": "https://lakepost.example/2023/09/14/border", "outlet": "LP"}
    article = one(write(tmp_path, "scraped.json", json.dumps(record)))
    assert (article.fmt, article.outlet, article.url) == ("json", "LP", record["url"])
    assert article.author == "Ida Lund"  # from the page, since the record does not say
    assert article.text.startswith("Norvia and Lakeland agreed on Thursday")


def test_json_text_as_a_list_of_paragraphs(tmp_path: Path) -> None:
    record = {"body": ["Lakeland expelled two diplomats.", "Norvia protested."], "headline": "Expulsions"}
    article = one(write(tmp_path, "paras.json", json.dumps(record)))
    assert (article.title, article.text) == (
        "Expulsions",
        "Lakeland expelled two diplomats.\n\nNorvia protested.",
    )


def test_count_inputs_counts_files_stdin_and_missing_paths(tmp_path: Path) -> None:
    write(tmp_path, "in/a.txt", "A.")
    write(tmp_path, "in/sub/b.json", "{}")
    assert count_inputs([str(tmp_path / "in"), "-", str(tmp_path / "missing.txt")]) == 4


def test_section_label_above_the_headline_is_not_the_title(tmp_path: Path) -> None:
    article = one(
        write(tmp_path, "label.txt", "Politics\n\nNorvia recalls its ambassador\n\nNorvia acted on Friday.\n")
    )
    assert article.title == "Norvia recalls its ambassador"
    assert article.text == "Politics\n\nNorvia acted on Friday."  # kept: when in doubt, text stays


def test_html_article_header_gives_the_headline(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Site</title></head><body><header><h1>Lake Post</h1></header><article><header>"
        "<h1>Roth visits Vale</h1><time datetime='2024-02-01'>1 Feb</time></header>"
        "<p>Lakeland's foreign minister Ana Roth visited the border town of Vale on Thursday.</p>"
        "</article></body></html>"
    )
    article = one(write(tmp_path, "visit.html", page))
    assert (article.title, article.published) == ("Roth visits Vale", "2024-02-01")
    assert article.text == "Lakeland's foreign minister Ana Roth visited the border town of Vale on Thursday."
