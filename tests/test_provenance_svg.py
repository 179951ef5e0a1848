"""The provenance SVG: escaped names, polarity colours, dashed reuse links, no scripts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from rawi.report.svg import POLARITY_COLOURS, render_provenance_svg

EVIL = '<script>alert("x")</script> & Co'


def _provenance() -> dict:
    return {
        "attributions": [
            {
                "article_id": "a1",
                "sentence_index": 0,
                "source": EVIL,
                "source_key": "evil",
                "polarity": "denies",
                "verb": "نفى",
            },
            {
                "article_id": "a2",
                "sentence_index": 1,
                "source": "وكالة سانا",
                "source_key": "sana",
                "polarity": "reports",
                "verb": None,
            },
            {
                "article_id": "a2",
                "sentence_index": 2,
                "source": "المرصد",
                "source_key": "sohr",
                "polarity": "asserts",
                "verb": "قال",
            },
        ],
        "reuse": [{"a": "a1", "b": "a2", "similarity": 0.8, "shared_passages": [EVIL]}],
        "origins": [{"key": "sana", "articles": ["a1", "a2"]}],
    }


def test_names_are_escaped_and_there_is_no_script() -> None:
    svg = render_provenance_svg(_provenance(), {"a1": {"outlet": "A & B <i>", "title": EVIL}, "a2": {}})
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg and "&amp; Co" in svg and "A &amp; B &lt;i&gt;" in svg
    assert "href" not in svg and "http://www.w3.org/2000/svg" in svg  # only the SVG namespace
    ET.fromstring(svg)  # well-formed XML


def test_edges_are_coloured_by_polarity_and_reuse_is_dashed() -> None:
    svg = render_provenance_svg(_provenance(), {"a1": {"outlet": "x"}, "a2": {"outlet": "y"}})
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    edge_colours = {
        g.find(f"{ns}line").get("stroke") for g in root.iter(f"{ns}g") if "edge" in g.get("class", "")
    }
    assert edge_colours == set(POLARITY_COLOURS.values())
    reuse = [g for g in root.iter(f"{ns}g") if g.get("class") == "reuse"]
    assert reuse and reuse[0].find(f"{ns}path").get("stroke-dasharray")


def test_layout_is_deterministic() -> None:
    arts = {"a1": {"outlet": "x"}, "a2": {"outlet": "y"}}
    assert render_provenance_svg(_provenance(), arts) == render_provenance_svg(_provenance(), arts)


def test_empty_provenance_renders() -> None:
    svg = render_provenance_svg({"attributions": [], "reuse": [], "origins": []}, {})
    ET.fromstring(svg)
