"""Provenance: outlets, attribution chains, text reuse and independent origins."""

from rawi.provenance.attribution import Attribution, extract_attributions
from rawi.provenance.outlet import Credit, detect_outlet, parse_credit_line, parse_dateline
from rawi.provenance.registry import Registry, SourceEntry, load_reliability

__all__ = [
    "Attribution",
    "Credit",
    "Registry",
    "SourceEntry",
    "detect_outlet",
    "extract_attributions",
    "load_reliability",
    "parse_credit_line",
    "parse_dateline",
]
