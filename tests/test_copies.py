from briefing.ingest.copies import link_copies
from briefing.records import Article, Paragraph
from briefing.textutil import sha256

WIRE = (
    "Rebels captured the town of Marib on Saturday after three days of heavy fighting with "
    "government troops, a spokesman said, adding that dozens of fighters were killed in the clashes. "
    "Residents fled north towards the capital as shelling continued through the night and into Sunday."
)
OTHER = (
    "The central bank raised interest rates by half a point on Thursday, saying inflation had "
    "proved more stubborn than expected. Markets had priced in a smaller move and the currency rose. "
    "Economists said further increases were likely before the summer as food prices keep climbing."
)


def _article(article_id: str, text: str, published: str | None = None) -> Article:
    paragraphs = tuple(Paragraph(i, p) for i, p in enumerate(text.split("\n\n"), start=1))
    return Article(
        article_id, f"{article_id}.txt", article_id, paragraphs, sha256(text), published=published
    )


def test_rewrite_shared_copy_and_families() -> None:
    articles = [
        _article("a", WIRE, "2024-01-02"),
        _article("b", WIRE.replace("Rebels", "Insurgents")),
        _article("c", WIRE + "\n\n" + OTHER + " " + OTHER.replace("bank", "lender"), "2024-01-03"),
        _article(
            "d",
            OTHER.replace("Thursday", "Friday") + " A new paragraph on jobs and wages follows.",
            "2024-01-01",
        ),
        _article(
            "e",
            "A bridge opened in the capital on Monday, the mayor said at a ceremony attended by hundreds.",
        ),
    ]
    linked = {a.id: a for a in link_copies(articles, rewrite_threshold=0.5, shared_threshold=0.2)}
    assert linked["b"].near_duplicate_of == "a"
    assert (linked["b"].published, linked["b"].published_inferred) == ("2024-01-02", True)
    assert "a" in linked["c"].shares_copy_with and "c" in linked["a"].shares_copy_with
    assert linked["a"].family == linked["b"].family == linked["c"].family == "d"
    assert linked["e"].family == "e" and linked["e"].near_duplicate_of is None
    assert not linked["e"].shares_copy_with


def test_a_shared_footer_does_not_tie_unrelated_stories() -> None:
    footer = (
        "Sign up for our newsletter to receive the latest news from the region every morning, "
        "and follow us on social media for live updates and analysis from our correspondents."
    )
    topics = [
        "rain",
        "trade",
        "football",
        "elections",
        "schools",
        "health",
        "roads",
        "film",
        "music",
        "farms",
        "banks",
        "ports",
    ]
    articles = [
        _article(
            f"n{i}",
            f"A story about {t} number {i} with its own facts and figures, reported on day {i}.\n\n{footer}",
        )
        for i, t in enumerate(topics)
    ]
    linked = link_copies(articles, rewrite_threshold=0.5, shared_threshold=0.2)
    assert all(not a.shares_copy_with and a.near_duplicate_of is None for a in linked)
    assert len({a.family for a in linked}) == len(topics)
