"""The write stage on hand-built records: escaping, links to cited paragraphs, the
wording of what resolve decided, the export, and keeping the output folder in sync."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import frontmatter
import pytest

from briefing.errors import OutputError
from briefing.records import (
    Alias,
    Article,
    Briefing,
    Citation,
    Corpus,
    Day,
    Entity,
    Event,
    Figure,
    FigureClaim,
    FigureTopic,
    Paragraph,
    ResolvedQuote,
    Statement,
)
from briefing.write import OUTSIDE_NAV, Tiles, write
from briefing.write.export import export, export_json, json_text
from briefing.write.links import SECTION, TOP, Links, Site, source_labels
from briefing.write.pagedata import copies, speakers, unattributed
from briefing.write.pages import MIN_CHART_DAYS
from briefing.write.quotepages import QUOTES_PER_SPEAKER
from briefing.write.sync import MARKER_FILE, sync

TEMPLATES = Path(__file__).resolve().parents[1] / "docs_templates"
DAY = "2024-11-29"
HOSTILE = "Rebels <script>alert(1)</script> took [x](javascript:alert(1)) {{ 7*7 }} Aleppo."
ALEPPO = HOSTILE.index("Aleppo")


def _article(id: str, text: str) -> Article:
    return Article(
        id=id,
        file=f"{id}.txt",
        title=f"<b>{id}</b> headline",
        paragraphs=(Paragraph(1, "Intro."), Paragraph(2, text)),
        content_hash=id,
        outlet="Wire & Co",
        published=DAY,
    )


def _entity(id: str, group: str, kind: str, name: str) -> Entity:
    return Entity(id, group, kind, name, (Alias(name, 1, Citation("a1", 2)),), ("rule",),
                  ("a1",), 1)  # fmt: skip


def _briefing(articles: tuple[str, ...] = ("a1", "a2")) -> Briefing:
    said = Statement(
        text=HOSTILE,
        citations=(Citation("a1", 2),),
        entities=("aleppo", "army"),
        spans=((ALEPPO, ALEPPO + 6, "aleppo"),),
        date=DAY,
        date_evidence="on Friday",
        claim_cue="claimed",
    )
    event = Event("e1", DAY, "battle", "Battle", "took", said, (said,), 1,
                  roles=(("army", "agent"), ("aleppo", "place")), claimed_by="army",
                  claimed_by_party=True)  # fmt: skip
    quote = ResolvedQuote("q1", "<i>We</i> won", "direct", "army", "the <army>", "said",
                          Citation("a1", 2), DAY, "on Friday", "named")  # fmt: skip
    return Briefing(
        title="Test <briefing>",
        corpus=Corpus(tuple(_article(a, HOSTILE) for a in articles), ()),
        entities=(
            _entity("aleppo", "place", "city", "Aleppo"),
            _entity("army", "actor", "military", "Syrian Army [1]"),
        ),
        statements=(said,),
        days=(Day(DAY, (said,), articles, (event,), salience=0.7, key=True, summary=(said,)),),
        quotes=(quote,),
        extractions=(),
        events=(event,),
    )


def _page(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def test_untrusted_text_is_escaped_in_pages_and_kept_verbatim_in_the_export(
    tmp_path: Path,
) -> None:
    write(_briefing(), tmp_path, TEMPLATES)
    for page in tmp_path.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for literal in ("<script>", "<b>", "<i>", "](javascript:", "{{ 7*7 }}", "<army>"):
            assert literal not in text, (page, literal)
    post = frontmatter.loads(_page(tmp_path, "articles/a1.md"))
    assert post.metadata["title"] == "&lt;b&gt;a1&lt;/b&gt; headline"  # MkDocs prints it raw
    assert "&#91;1&#93;" in _page(tmp_path, "actors/army.md")  # brackets in a name
    export = json.loads(_page(tmp_path, "data/briefing.json"))
    assert export["events"][0]["summary"] == HOSTILE
    assert export["quotes"][0]["speaker_text"] == "the <army>"


def test_the_export_written_a_record_at_a_time_is_the_export_written_whole(
    tmp_path: Path,
) -> None:
    base = _briefing()
    for briefing in (base, replace(base, quotes=(), title="Grève — 🌊")):  # an empty list
        written = export_json(briefing)
        assert written == json_text(export(briefing)).encode("utf-8")
        assert json.loads(written)["quotes"] == [
            json.loads(json.dumps(q)) for q in export(briefing)["quotes"]
        ]
    write(base, tmp_path, TEMPLATES)
    assert (tmp_path / "data" / "briefing.json").read_bytes() == export_json(base)


def test_a_day_page_links_each_sentence_to_the_paragraph_it_came_from(tmp_path: Path) -> None:
    write(_briefing(), tmp_path, TEMPLATES)
    day = _page(tmp_path, f"days/{DAY}.md")
    assert "[\\[Wire &#38; Co 29 Nov a ¶2\\]](../articles/a1.md#p2)" in day
    assert "[Aleppo](../places/aleppo.md)" in day  # the sentence's names link their pages
    article = _page(tmp_path, "articles/a1.md")
    assert "{: #p2 }" in article and "[¶2](#p2)" in article
    # What a citation's preview names after the paragraph, on a line of its own.
    source = '\n<div class="briefing-source" hidden data-search-exclude>Wire &amp; Co, Friday'
    assert source in article


def test_pages_word_what_resolve_decided(tmp_path: Path) -> None:
    write(_briefing(), tmp_path, TEMPLATES)
    day = _page(tmp_path, f"days/{DAY}.md")
    army = "[Syrian Army &#91;1&#93;](../actors/army.md)"
    assert f"· *claimed by {army} (a party to the conflict): “claimed”*" in day
    assert f"*Who:* {army} took." in day and "*1 independent source; dated by “on Friday”.*" in day
    entity = _page(tmp_path, "places/aleppo.md")
    assert "**Battle** (where it happened)" in entity and "**Aleppo**" in entity
    timeline = _page(tmp_path, "timeline.md")
    assert "(actors/army.md)" in timeline and "*Who:*" not in timeline  # brief, top level
    quotes = _page(tmp_path, "quotes.md")
    assert "“&#60;i&#62;We&#60;/i&#62; won”" in quotes
    export = json.loads(_page(tmp_path, "data/briefing.json"))
    assert export["days"][0]["salience"] == 0.7 and export["days"][0]["key"]
    assert export["events"][0]["claimed_by_party"]


def test_the_timeline_shows_the_key_days_and_the_days_index_all(tmp_path: Path) -> None:
    briefing = _briefing()
    minor = replace(briefing.days[0], date="2024-11-28", key=False, salience=0.1)
    write(replace(briefing, days=(minor, briefing.days[0])), tmp_path, TEMPLATES)
    timeline = _page(tmp_path, "timeline.md")
    assert "(days/2024-11-29.md)" in timeline and "2024-11-28" not in timeline
    assert "1 more with events" in timeline and "(days/index.md)" in timeline
    assert "Thursday 28 November 2024" in _page(tmp_path, "days/index.md")
    front = _page(tmp_path, "index.md")
    assert "## Latest: [Friday 29 November 2024](days/2024-11-29.md)" in front
    # the minor day is no key day, and the one key day is already the latest
    assert "## Key days" not in front
    assert "**Since [Thursday 28 November 2024](days/2024-11-28.md):** the event is new." in front


def test_stale_pages_are_removed_and_unchanged_ones_left_alone(tmp_path: Path) -> None:
    first = write(_briefing(), tmp_path, TEMPLATES)
    assert first.removed == 0 and first.unchanged == 0 and (tmp_path / MARKER_FILE).exists()
    assert first.pages["articles"] == 3  # two articles and their index
    again = write(_briefing(), tmp_path, TEMPLATES)
    assert again.written == 0 and again.unchanged == first.written
    fewer = write(_briefing(("a1",)), tmp_path, TEMPLATES)
    assert not (tmp_path / "articles" / "a2.md").exists()
    assert fewer.removed == 1 and fewer.written > 0


def test_a_folder_briefing_did_not_write_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("precious")
    with pytest.raises(OutputError, match="not written by briefing"):
        write(_briefing(), tmp_path, TEMPLATES)
    assert (tmp_path / "notes.md").read_text() == "precious"


def test_a_missing_template_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="not found"):
        write(_briefing(), tmp_path / "out", tmp_path)


def test_a_template_names_its_page(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    about = templates / "about.md.j2"
    about.write_text(about.read_text().replace('page_title = "About"', 'page_title = "<Us>"'))
    write(_briefing(), tmp_path / "out", templates)
    assert frontmatter.loads(_page(tmp_path, "out/about.md")).metadata["title"] == "&lt;Us&gt;"
    about.write_text("# About\n")
    with pytest.raises(OutputError, match="sets no page_title"):
        write(_briefing(), tmp_path / "out", templates)


def _claim(id: str, value: str, low: int | None) -> FigureClaim:
    return FigureClaim(id, "killed", "killed", value, low, None, "", False, DAY, "on Friday",
                       None, None, "Wire & Co", False, None, f"{value} died.",
                       (Citation("a1", 2),), 1)  # fmt: skip


def test_generated_lines_read_as_english_and_lists_stay_lists(tmp_path: Path) -> None:
    briefing = _briefing()
    # one figure read twice from its sentence (two offsets), and no agent
    twice = tuple(Figure("dozens", None, None, "killed", "killed", at=n) for n in (1, 5))
    said = replace(briefing.events[0].summary, figures=twice)
    event = replace(briefing.events[0], summary=said, statements=(said,),
                    roles=(("aleppo", "target"),), claimed_by=None,
                    claimed_by_party=False)  # fmt: skip
    day = replace(briefing.days[0], events=(event,))
    claims = (_claim("f1", "dozens", None), _claim("f2", "12", 12))
    topics = (FigureTopic("killed", "killed", False),)
    write(replace(briefing, days=(day,), events=(event,), claims=claims, figure_topics=topics),
          tmp_path, TEMPLATES)  # fmt: skip
    page = _page(tmp_path, f"days/{DAY}.md")
    assert "*On the receiving end:* [Aleppo](../places/aleppo.md)." in page  # no "someone"
    assert "*Figures:* dozens killed." in page  # once, and no "of" before a participle
    assert "claimed: “claimed”" not in page
    figures = _page(tmp_path, "figures/killed.md").split("## Single incidents", 1)[1]
    assert len([line for line in figures.splitlines() if line.startswith("- ")]) == 2  # D1
    entity = _page(tmp_path, "places/aleppo.md")
    assert "1 time in 1 article" in entity and "article(s)" not in entity  # D18


def test_citation_labels_are_unique_and_say_the_outlet_then_the_day() -> None:
    def article(id, outlet, day):
        return replace(_article(id, "x"), outlet=outlet, published=day)

    labels = source_labels(
        [
            article("a", "AFP", "2024-11-29"),
            article("b", "AFP", "2024-11-29"),
            article("c", "AFP", "2024-11-30"),
            article("d", "AP", "2024-11-30"),
            article("e", None, None),
        ]
    )
    assert labels == {
        "a": "AFP 29 Nov a",
        "b": "AFP 29 Nov b",
        "c": "AFP 30 Nov",
        "d": "AP",
        "e": "Source",
    }


def test_links_know_how_deep_their_page_is() -> None:
    site = Site.of(_briefing())
    cite = Citation("a1", 2)
    shown = Links(site, TOP).cite(cite)
    assert shown == "[\\[Wire &#38; Co 29 Nov a ¶2\\]](articles/a1.md#p2)"  # no copy of ¶2
    briefing = _briefing()
    hostile = replace(briefing.corpus.articles[0], outlet='</div><script>"x"</script>')
    corpus = Corpus((hostile, *briefing.corpus.articles[1:]), ())
    line = Links(Site.of(replace(briefing, corpus=corpus)), TOP).source_line("a1")
    assert "<script>" not in line and line.count("</div>") == 1 and line.endswith("</div>")
    assert Links(site, SECTION).entity_link("aleppo") == "[Aleppo](../places/aleppo.md)"
    assert Links(site, SECTION).day_link("2024-11-01") == "Friday 1 November 2024"  # no page
    assert Links(site, TOP).safe_url("javascript:alert(1)") is None
    linked = Links(site, SECTION).linked(HOSTILE, ((ALEPPO, ALEPPO + 6, "aleppo"),), "aleppo")
    assert linked.endswith("**Aleppo**.") and "<script>" not in linked


def test_a_day_without_events_says_so_in_its_own_words(tmp_path: Path) -> None:
    briefing = _briefing()
    quiet = replace(briefing.days[0], events=(), statements=())
    write(replace(briefing, days=(quiet,), events=()), tmp_path, TEMPLATES)
    day = _page(tmp_path, f"days/{DAY}.md")
    assert "## Events" not in day and "No other sentence is dated to this day." in day


def test_the_write_stage_imports_no_other_stage() -> None:
    code = "import json, sys, briefing.write; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    stages = ("briefing.resolve", "briefing.extract", "briefing.ingest")
    assert not [m for m in loaded if m.startswith(stages)] and "spacy" not in loaded


def test_quotes_page_groups_entity_speakers_and_lists_the_rest_by_article() -> None:
    def quote(n: int, speaker: str | None, written: str | None, article: str, text: str = "words"):
        return ResolvedQuote(
            f"q{n}", text, "indirect", speaker, written, "said", Citation(article, n), "2024-11-30"
        )

    quotes = [
        quote(1, None, "a monitor", "b"),
        quote(2, "sana", "SANA", "a"),
        quote(3, None, "SANA state agency", "a"),
        quote(4, None, None, "b", "other words"),
        quote(5, "sana", "SANA", "a", "more"),
    ]
    assert [(s.entity, [q.id for q in s.quotes]) for s in speakers(quotes)] == [
        ("sana", ["q2", "q5"])
    ]
    # No heading for a speaker as written or a pronoun: the rest is per article, in order.
    assert [(a, [q.id for q in qs]) for a, qs in unattributed(quotes)] == [
        ("b", ["q1", "q4"]),
        ("a", ["q3"]),
    ]


def test_an_entity_named_too_often_for_one_page_has_a_page_for_each_month(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = _briefing()
    said = base.statements[0]
    later = replace(
        said, text="Aleppo fell in December.", spans=((0, 6, "aleppo"),), date="2024-12-02"
    )
    earlier = replace(later, text="Aleppo was sieged then.", date=None, background="2016")
    briefing = replace(base, statements=(said, later, earlier))
    write(briefing, tmp_path, TEMPLATES)  # under the limit: the days on the page itself
    assert "fell in December" in _page(tmp_path, "places/aleppo.md")
    assert not (tmp_path / "places" / "aleppo").exists()
    monkeypatch.setattr("briefing.write.pages.ENTITY_LINES_ON_PAGE", 2)
    write(briefing, tmp_path, TEMPLATES)
    page = _page(tmp_path, "places/aleppo.md")
    assert "fell in December" not in page and "sieged" not in page
    assert "- [November 2024](../places/aleppo/2024-11.md): 1 day: 1 event\n" in page
    assert "- [December 2024](../places/aleppo/2024-12.md): 1 day: 1 sentence\n" in page
    assert "- [Background and undated](../places/aleppo/other.md): 1 sentence\n" in page
    december = _page(tmp_path, "places/aleppo/2024-12.md")
    assert "fell in December" in december and "[Aleppo](../../places/aleppo.md)" in december
    assert "(../../days/2024-12-02.md)" not in december  # no page for that day: written out
    assert "[← November 2024](../../places/aleppo/2024-11.md)" in december
    assert "[Background and undated →](../../places/aleppo/other.md)" in december
    assert "[\\[Wire &#38; Co 29 Nov a ¶2\\]](../../articles/a1.md#p2)" in december
    assert "sieged" in _page(tmp_path, "places/aleppo/other.md")
    assert "title: Aleppo, December 2024" in december


def test_every_page_is_in_the_navigation_or_declared_outside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.config import load_config
    from mkdocs.config.config_options import PathSpec

    monkeypatch.setattr("briefing.write.pages.ENTITY_LINES_ON_PAGE", 0)  # month pages too
    base = _briefing()
    loose = replace(base.quotes[0], id="u1", speaker=None)
    write(replace(base, quotes=(*base.quotes, loose)), tmp_path, TEMPLATES)
    nav = load_config(str(TEMPLATES.parent / "mkdocs.yml"), docs_dir=str(tmp_path))["nav"]
    listed = {next(iter(item.values())) for item in nav}
    outside = PathSpec().run_validation("\n".join(OUTSIDE_NAV))
    pages = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")}
    assert {"quotes/2024-11.md", "places/aleppo/2024-11.md"} <= pages
    assert not {p for p in pages - listed if not outside.match_file(p)}


def test_the_packaged_mkdocs_yml_lists_the_pages_outside_the_navigation() -> None:
    """For a plain ``mkdocs build`` of the pages, which does not add them itself."""
    import yaml

    settings = yaml.safe_load((TEMPLATES.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    assert sorted(settings["not_in_nav"].split()) == sorted(OUTSIDE_NAV)


def test_unattributed_quotes_are_on_a_page_for_each_month_of_their_articles(
    tmp_path: Path,
) -> None:
    base = _briefing(("a1", "a2", "a3"))
    published = {"a1": "2024-10-31", "a2": "2024-11-02", "a3": None}
    articles = tuple(replace(a, published=published[a.id]) for a in base.corpus.articles)
    loose = tuple(
        replace(
            base.quotes[0], id=f"u{n}", speaker=None, text=f"Loose {n}", citation=Citation(a, 2)
        )
        for n, a in enumerate(published)
    )
    corpus = replace(base.corpus, articles=articles)
    write(replace(base, corpus=corpus, quotes=(*base.quotes, *loose)), tmp_path, TEMPLATES)
    quotes = _page(tmp_path, "quotes.md")
    assert "Loose" not in quotes and "We&#60;/i&#62; won" in quotes  # the named speaker's stay
    assert "- [October 2024](quotes/2024-10.md): 1 quote in 1 article\n" in quotes
    assert "- [Articles of unknown date](quotes/undated.md): 1 quote in 1 article\n" in quotes
    october, november = _page(tmp_path, "quotes/2024-10.md"), _page(tmp_path, "quotes/2024-11.md")
    assert "Loose 0" in october and "(../articles/a1.md)" in october and "Loose 1" not in october
    assert "Loose 1" in november and "[quotes page](../quotes.md)" in november
    assert "Loose 2" in _page(tmp_path, "quotes/undated.md")
    assert sorted(p.name for p in (tmp_path / "quotes").iterdir()) == [
        "2024-10.md",
        "2024-11.md",
        "undated.md",
    ]


def test_the_quotes_page_names_the_speakers_past_the_first_without_their_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("briefing.write.quotepages.SPEAKERS_SHOWN", 1)
    base = _briefing()
    town = tuple(
        replace(base.quotes[0], id=f"t{n}", speaker="aleppo", text=f"Town {n}") for n in (1, 2)
    )
    write(replace(base, quotes=(*base.quotes, *town)), tmp_path, TEMPLATES)
    quotes = _page(tmp_path, "quotes.md")
    assert "Town 1" in quotes and "We&#60;/i&#62; won" not in quotes  # the most quoted first
    assert (
        "- [Syrian Army &#91;1&#93;](actors/army.md): [1 quote](actors/army.md#all-quotes)"
        in quotes
    )


def test_a_quote_carried_by_two_articles_is_listed_once_citing_both() -> None:
    def quote(n: int, article: str, text: str) -> ResolvedQuote:
        return ResolvedQuote(
            f"q{n}", text, "direct", "x", "X", "said", Citation(article, n), "2024-11-30"
        )

    quotes = [
        quote(1, "a", "It is strange."),
        quote(2, "b", "It is  strange."),
        quote(3, "b", "No."),
    ]
    assert [q.id for q in speakers(quotes)[0].quotes] == ["q1", "q3"]
    assert copies(quotes) == {"q1": (Citation("b", 2),)}


def test_also_told_in_groups_citations_by_outlet() -> None:
    briefing = _briefing(("a1", "a2", "a3"))
    other = replace(_article("a3", HOSTILE), outlet="AP")
    briefing = replace(briefing, corpus=Corpus((*briefing.corpus.articles[:2], other), ()))
    links = Links(Site.of(briefing), TOP)
    grouped = links.cites_by_outlet((Citation("a1", 2), Citation("a3", 1), Citation("a2", 2)))
    wire, ap = grouped.split("; **")
    assert wire.startswith("**Wire &#38; Co** [\\[29 Nov a ¶2\\]](articles/a1.md#p2)")
    assert "[\\[29 Nov b ¶2\\]](articles/a2.md#p2)" in wire  # the outlet's second, same day
    assert ap.startswith("AP** [\\[¶1\\]](articles/a3.md#p1)")  # its only article


def test_an_entity_summary_gives_its_days_and_its_best_told_events() -> None:
    from briefing.write.pagedata import EntityDay, entity_summary

    said = _briefing().statements[0]
    one = Event("e1", "2024-11-29", "battle", "Battle", "took", said, (said,), 1)
    two = replace(one, id="e2", date="2024-11-30", sources=3)
    days = [
        EntityDay("2024-11-29", [(one, "agent")], [said]),
        EntityDay("2024-11-30", [(two, "target")], []),
        EntityDay("~2016", [], [said]),  # background: on no day
    ]
    summary = entity_summary("aleppo", days, 1)
    assert (summary.first_day, summary.last_day) == ("2024-11-29", "2024-11-30")
    assert summary.key_events == [(two, "target")]  # told by the most sources
    assert summary.per_day == {"2024-11-29": 2, "2024-11-30": 1}


def test_an_interactive_map_only_when_a_tile_source_is_configured(tmp_path: Path) -> None:
    briefing = _briefing()
    located = replace(briefing.entities[0], lat=36.2, lon=37.16)
    briefing = replace(briefing, entities=(located, *briefing.entities[1:]))
    write(briefing, tmp_path / "plain", TEMPLATES)
    assert "briefing-tilemap" not in _page(tmp_path / "plain", "index.md")
    tiles = Tiles("https://tiles.example.org/{z}/{x}/{y}.png", "© <Tiles> & co")
    write(briefing, tmp_path / "tiled", TEMPLATES, tiles)
    home = _page(tmp_path / "tiled", "index.md")
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in home
    assert "&quot;href&quot;: &quot;places/aleppo/&quot;" in home  # markers as data
    assert "© &lt;Tiles&gt; &amp; co" in home and "<Tiles>" not in home


def _named_on(days: int) -> Briefing:
    """The sample briefing with one more sentence naming the army on each of ``days``
    days after the first."""
    base = _briefing()
    extra = [
        Statement(
            text=f"The army moved on day {n}.",
            citations=(Citation("a1", 2),),
            entities=("army",),
            spans=(),
            date=f"2024-12-{n:02d}",
            date_evidence="published",
        )
        for n in range(1, days)
    ]
    found = (*base.days, *(Day(s.date, (s,), ("a1",), ()) for s in extra))
    return replace(base, statements=(*base.statements, *extra), days=found)


def test_an_entity_named_on_a_few_days_has_no_chart_and_one_named_on_more_has(
    tmp_path: Path,
) -> None:
    few, more = MIN_CHART_DAYS - 1, MIN_CHART_DAYS
    write(_named_on(few), tmp_path / "few", TEMPLATES)
    write(_named_on(more), tmp_path / "more", TEMPLATES)
    assert "<svg" not in _page(tmp_path / "few", "actors/army.md")
    assert "**Mentioned:**" in _page(tmp_path / "few", "actors/army.md")
    chart = _page(tmp_path / "more", "actors/army.md")
    assert "<svg" in chart and chart.count("<rect") == more
    assert chart.count("<figure data-search-exclude>") == chart.count("<figure") == 1


def test_an_entity_pages_sentences_are_left_out_of_search_and_its_names_are_not(
    tmp_path: Path,
) -> None:
    """Each sentence is indexed on its article's page; on the page of every entity it
    names it would only repeat the hit."""
    write(_briefing(), tmp_path, TEMPLATES)
    page = _page(tmp_path, "actors/army.md")
    by_day = page.split("## By day")[1].split("## Names")[0]
    assert by_day.count("<details") == by_day.count("data-search-exclude") > 0
    names = page.split("## Names")[1]
    assert "<details" in names and "data-search-exclude" not in names


def test_a_page_path_given_twice_is_refused_and_the_folder_left_as_it_was(
    tmp_path: Path,
) -> None:
    write(_briefing(), tmp_path, TEMPLATES)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    twice = iter([("index.md", "one\n"), ("about.md", "two\n"), ("index.md", "three\n")])
    with pytest.raises(OutputError, match="two files at one path"):
        sync(twice, tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_the_quotes_page_shows_each_speakers_first_quotes_and_links_the_rest(
    tmp_path: Path,
) -> None:
    base = _briefing()
    more = tuple(replace(base.quotes[0], id=f"q{n}", text=f"We hold line {n}") for n in range(2, 6))
    write(replace(base, quotes=(*base.quotes, *more)), tmp_path, TEMPLATES)
    quotes, army = _page(tmp_path, "quotes.md"), _page(tmp_path, "actors/army.md")
    shown = QUOTES_PER_SPEAKER
    assert sum(f"We hold line {n}" in quotes for n in range(2, 6)) == shown - 1
    assert f"[{5 - shown} more quotes on the speaker's page](actors/army.md#all-quotes)" in quotes
    fold = army.split('<details markdown="1" id="all-quotes"')[1].split("</details>")[0]
    assert all(f"We hold line {n}" in fold for n in range(2, 6))  # the link opens this fold
