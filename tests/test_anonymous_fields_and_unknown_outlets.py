"""An anonymous source described by its field, and an outlet the registry does not know, on
hand-written English news (original text).

- "a person familiar with the ferry's maintenance records told Harbour Ledger" names no one: the
  source is anonymous, whatever the field that follows "familiar with".
- A digest that writes "according to Harbour Ledger, which cited a person familiar with ..." relays
  Harbour Ledger's own report: the two articles are one origin, although the registry does not know
  Harbour Ledger (the attribution reads an unknown name as a person's).
- A report that writes "Hooyo Ferries said in a statement ..." quotes a party to the story, not an
  outlet: it stays its own origin beside the company's statement, although the registry knows neither.
"""

from __future__ import annotations

import pytest

from _newsroom import ingested, write_articles
from rawi.provenance import Registry
from rawi.provenance.attribution import extract_attributions


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The ferry had a rudder fault on its previous crossing, a person familiar with the ferry's "
            "maintenance records told Harbour Ledger, speaking on condition of anonymity.",
            "a person familiar with the ferry's maintenance records",
        ),
        (
            "The ferry had a rudder fault, a person familiar with the logs said.",
            "a person familiar with the logs",
        ),
        (
            "A source close to the port director said the ferry would be withdrawn.",
            "A source close to the port director",
        ),
        (
            "The ferry was withdrawn, a source familiar with the matter told Reuters.",
            "a source familiar with the matter",
        ),
    ],
)
def test_an_anonymous_source_takes_its_field(registry: Registry, sentence: str, source: str) -> None:
    found = [
        (a.source, a.source_kind) for a in extract_attributions(sentence, language="en", registry=registry)
    ]
    assert (source, "anonymous") in found, found


def test_a_named_speaker_is_not_read_as_anonymous(registry: Registry) -> None:
    found = extract_attributions(
        "The ferry was withdrawn, Captain Idris Farah told Harbour Ledger.", language="en", registry=registry
    )
    assert all(a.source_kind != "anonymous" for a in found), found


FERRY = {
    "ferry/ledger.txt": """Berbera ferry had rudder fault on previous crossing, source says

Harbour Ledger — harbourledger.example — 14 May 2026

The Berbera ferry Hooyo Macaan that ran aground off Berbera on Tuesday had a rudder fault on its previous crossing two days earlier, a person familiar with the ferry's maintenance records told Harbour Ledger, speaking on condition of anonymity.

Harbour Ledger has not seen the records and could not independently confirm the account.
""",
    "ferry/digest.txt": """Digest: Berbera ferry had rudder fault days before grounding

Maritime Horn Weekly — maritimehorn.example — 15 May 2026

The Berbera ferry Hooyo Macaan that ran aground off Berbera on Tuesday had a rudder fault on its previous crossing two days earlier, according to Harbour Ledger, which cited a person familiar with the maintenance records.

The account has not been independently confirmed.
""",
    "ferry/agency.txt": """Ferry runs aground off Berbera, passengers brought ashore

Horn Wire — hornwire.example — 12 May 2026

The passenger ferry Hooyo Macaan ran aground on a sandbank off Berbera on Tuesday evening, and all 212 passengers were brought ashore by coast guard boats, the port authority said.
""",
}
CLAIM = "The Berbera ferry Hooyo Macaan had a rudder fault on its previous crossing before it ran aground"


def test_a_digest_citing_an_unknown_outlet_is_one_origin_with_its_report(tmp_path) -> None:
    with ingested(tmp_path, lambda root: write_articles(root, FERRY)) as wb:
        result = wb.check(CLAIM)
    origins = result["provenance"]["origins"]
    holding = [o for o in origins if {"ferry/ledger.txt", "ferry/digest.txt"} & set(o["articles"])]
    assert len(holding) == 1 and {"ferry/ledger.txt", "ferry/digest.txt"} <= set(holding[0]["articles"]), (
        origins
    )


STATEMENT = {
    "ferry/company.txt": """Statement on the Hooyo Macaan

Hooyo Ferries — hooyoferries.example — 16 May 2026

Hooyo Ferries denies that the Hooyo Macaan had a rudder fault on its previous crossing. The ferry passed its last inspection in April and its steering was checked before every crossing.
""",
    "ferry/report.txt": """Berbera ferry operator says vessel passed inspection

Horn Wire — hornwire.example — 16 May 2026

The operator of the Hooyo Macaan, the passenger ferry that ran aground off Berbera on Tuesday, said its steering was checked before every crossing. Hooyo Ferries said in a statement that the ferry passed its last inspection in April. Investigators from the port authority boarded the vessel on Wednesday.
""",
}


def test_a_report_quoting_a_company_is_not_the_company_statements_origin(tmp_path) -> None:
    with ingested(tmp_path, lambda root: write_articles(root, {**FERRY, **STATEMENT})) as wb:
        result = wb.check(CLAIM)
    origins = result["provenance"]["origins"]
    stances = {a["article_id"]: a["stance"] for a in result["evidence"]}
    assert {"ferry/company.txt", "ferry/report.txt"} <= set(stances), stances
    report = next(o for o in origins if "ferry/report.txt" in o["articles"])
    assert report["name"] == "Horn Wire", origins
    assert not [e for e in report["evidence"] if e.get("published_by") == "ferry/company.txt"], origins
