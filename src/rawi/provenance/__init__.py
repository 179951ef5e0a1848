"""Provenance: outlets, attribution chains, text reuse and independent origins.

- :class:`Registry` / :class:`SourceEntry`: who is who (``data/sources.yaml`` plus user files).
- :func:`detect_outlet`: an article's outlet from metadata, dateline or credit line.
- :func:`extract_attributions`: who a sentence says said what (asserts / reports / denies).
- :func:`find_reuse` / :class:`ReuseIndex`: articles sharing text (near-duplicates).
- :func:`find_passages` / :class:`Passage`: passages repeated inside otherwise different text.
- :func:`group_origins`, :func:`party_denials`, :func:`analyze_provenance`: per-claim provenance.
"""

from rawi.provenance.analysis import (
    ProvenanceResult,
    analyze_provenance,
    article_attributions,
    describe_articles,
)
from rawi.provenance.attribution import Attribution, extract_attributions
from rawi.provenance.origins import (
    ArticleAttribution,
    EvidenceArticle,
    Origin,
    group_origins,
    root_sources,
)
from rawi.provenance.outlet import Credit, detect_outlet, parse_credit_line, parse_dateline
from rawi.provenance.parties import party_denials
from rawi.provenance.passages import Passage, find_passages, passage_links
from rawi.provenance.registry import Registry, SourceEntry, load_reliability
from rawi.provenance.reuse import ReuseIndex, ReuseLink, find_reuse

__all__ = [
    "ArticleAttribution",
    "Attribution",
    "Credit",
    "EvidenceArticle",
    "Origin",
    "Passage",
    "ProvenanceResult",
    "Registry",
    "ReuseIndex",
    "ReuseLink",
    "SourceEntry",
    "analyze_provenance",
    "article_attributions",
    "describe_articles",
    "detect_outlet",
    "extract_attributions",
    "find_passages",
    "find_reuse",
    "group_origins",
    "load_reliability",
    "parse_credit_line",
    "parse_dateline",
    "party_denials",
    "passage_links",
    "root_sources",
]
