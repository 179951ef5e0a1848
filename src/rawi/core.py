"""The one object that owns the store, the models and the settings.

``Rawi`` is what the CLI, the web app and Python users all call: ``ingest``, ``search``, ``check``,
``stats`` and ``provenance``. It loads the stance model and the sources registry once, lazily, and
returns plain data (dicts following the JSON contract), so every surface shows the same thing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rawi import __version__
from rawi.embed import Encoder, load_encoder
from rawi.embed.cache import EmbeddingCache
from rawi.errors import ModelError, StoreError
from rawi.ingest import IngestOptions, list_files, read_paths
from rawi.ingest.prefetch import read_ahead
from rawi.pipeline import CheckOptions, check_claim
from rawi.provenance import (
    Registry,
    detect_outlet,
    load_reliability,
)
from rawi.provenance.fingerprint import WordHashes
from rawi.records import Article, Problem
from rawi.result import CheckResult
from rawi.retrieve import Retriever, SemanticIndex
from rawi.settings import Settings
from rawi.stance import StanceClassifier, load_default
from rawi.stance.analysis import AnalysisCache
from rawi.stance.base import StanceModel
from rawi.stance.evidence import StanceStage
from rawi.stance.stage import SemanticStage, load_semantic_stage
from rawi.store import open_corpus
from rawi.store.base import Corpus, WriteResult
from rawi.verdict import Calibration

WRITE_BATCH = 500
_MISSING = object()


@dataclass
class IngestReport:
    """What one ingest run did; ``problems`` name every file or record that could not be used."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # id this run gave -> id the same file's article was stored under before (another folder or path)
    already_stored: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def merge(self, result: WriteResult) -> None:
        self.added += result.added
        self.updated += result.updated
        self.unchanged += result.unchanged

    def to_json(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "already_stored": [{"id": new, "stored_as": old} for new, old in self.already_stored.items()],
            "problems": [{"source": p.source, "reason": p.reason, "code": p.code} for p in self.problems],
        }


class Rawi:
    """A fact-checking workbench over one corpus.

    Parameters
    ----------
    db : SQLite file path (default ``rawi.db``) or a database URL.
    settings : tuning; see :class:`rawi.settings.Settings`.
    readonly : open the store read-only (for check, search and serve).
    stance_model : a fitted stance model to use instead of the shipped one.
    semantic_stage : a trained semantic stance stage to use instead of the shipped one.
    calibration : verdict confidence calibration to use instead of the shipped one.

    Examples
    --------
    >>> wb = Rawi("rawi.db")                                   # doctest: +SKIP
    >>> wb.ingest(["examples/corpus"]).to_json()["added"]      # doctest: +SKIP
    >>> wb.check("انهار سد في مدينة درنة")["verdict"]["label"]  # doctest: +SKIP
    """

    def __init__(
        self,
        db: str | Path = "rawi.db",
        settings: Settings | None = None,
        *,
        readonly: bool = False,
        stance_model: StanceModel | None = None,
        semantic_stage: SemanticStage | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.db = str(db)
        self.settings = settings or Settings()
        self.readonly = readonly
        self._stance_model = stance_model
        self._semantic_stage = semantic_stage
        self.calibration = calibration
        self._loaded: dict[str, Any] = {}
        self._lock = threading.RLock()
        # Text analyses remembered across checks (words, claims, articles): this workbench's own,
        # never shared with another workbench in the process; safe for a server's threads.
        self.analyses = AnalysisCache()
        self.word_hashes = WordHashes()  # provenance's shingle word hashes, likewise

    # -- owned resources, loaded once (under a lock: a server's threads share one workbench) --------
    def _once(self, name: str, load: Callable[[], Any]) -> Any:
        found = self._loaded.get(name, _MISSING)
        if found is _MISSING:
            with self._lock:
                found = self._loaded.get(name, _MISSING)
                if found is _MISSING:
                    found = self._loaded[name] = load()
        return found

    @property
    def corpus(self) -> Corpus:
        return self._once("corpus", lambda: open_corpus(self.db, readonly=self.readonly))

    @property
    def stance_model(self) -> StanceModel:
        if self._stance_model is None:
            self._stance_model = self._once("stance_model", load_default)
        return self._stance_model

    @property
    def encoder(self) -> Encoder | None:
        """The sentence encoder of the semantic layer (None: lexical-only; see rawi.embed)."""
        return self._once("encoder", lambda: load_encoder(self.settings.encoder))

    @property
    def semantic(self) -> SemanticIndex | None:
        def load() -> SemanticIndex | None:
            encoder = self.encoder
            return SemanticIndex(self.corpus, encoder, EmbeddingCache(encoder)) if encoder else None

        return self._once("semantic", load)

    @property
    def stance(self) -> StanceStage:
        """The check's stance stage: lexical scores, evidence sentences and the claim's frame."""
        encoder, semantic = self.encoder, self.semantic
        stage = self._semantic_stage or (load_semantic_stage(encoder.key) if encoder else None)
        vectors = semantic.vectors if semantic and stage else None
        model = self.stance_model
        lexical = model.reading_into(self.analyses) if isinstance(model, StanceClassifier) else model
        return StanceStage(lexical, stage, vectors, encoder.key if encoder else "use", self.analyses)

    @property
    def registry(self) -> Registry:
        return self.registry_for(())

    def registry_for(self, extra_files: Sequence[Path] = ()) -> Registry:
        """The sources registry, with ``extra_files`` on top of the settings' (each set loaded once)."""
        files = tuple(self.settings.sources_files) + tuple(Path(f) for f in extra_files)
        return self._once(f"registry:{files!r}", lambda: Registry.load(extra_files=list(files)))

    @property
    def reliability(self) -> dict[str, float]:
        path = self.settings.reliability_file
        return self._once("reliability", lambda: load_reliability(path) if path else {})

    def warm(self) -> None:
        """Load everything a check needs now (a server does this once, before its first request)."""
        self.corpus  # noqa: B018
        self.stance_model  # noqa: B018
        self.registry  # noqa: B018
        self.reliability  # noqa: B018
        semantic = self.semantic
        if semantic is not None and self.encoder is not None:
            load_semantic_stage(self.encoder.key)
            semantic.search(semantic.vectors(["rawi"])[0], 1)  # the encoder's weights, the matrix

    def close(self) -> None:
        with self._lock:
            corpus = self._loaded.pop("corpus", None)
            self._loaded.pop("semantic", None)
        if corpus is not None:
            corpus.close()

    def __enter__(self) -> Rawi:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest -----------------------------------------------------------------------------------
    def ingest(
        self, paths: Sequence[str | Path], *, on_file: Callable[[str], None] | None = None
    ) -> IngestReport:
        """Read files and folders into the corpus; bad input is reported, never fatal.

        Articles are written in batches, each its own transaction, so a failure later in the run
        never loses what was already stored.
        """
        options = IngestOptions(max_bytes=self.settings.max_file_bytes, **_fields(self.settings.field_map))
        self.corpus  # noqa: B018 - a store that cannot be opened stops here, before any file is read
        report = IngestReport()
        batch: list[Article] = []
        last_source: str | None = None
        # Files are read (and outlets detected) in a background thread while a batch is analyzed
        # and written, so reading never leaves the analysis worker idle.
        for item in read_ahead(self._read_with_outlets(paths, options), depth=2 * WRITE_BATCH):
            if isinstance(item, Problem):
                report.problems.append(item)
                source = item.source.split("#", 1)[0]
            else:
                batch.append(item)
                source = item.source_path or item.id
                if len(batch) >= WRITE_BATCH:
                    self._write(batch, report)
                    batch = []
            if on_file and source != last_source:
                on_file(source)
                last_source = source
        if batch:
            self._write(batch, report)
        if self.semantic is not None and self.settings.embed_at_ingest:
            # Articles stored earlier without a vector (an older corpus, or a failed batch above).
            try:
                self.semantic.fill_missing()
            except (StoreError, ModelError) as e:
                report.problems.append(Problem(self.db, f"semantic index not completed: {e.message}", e.code))
        return report

    def _read_with_outlets(
        self, paths: Sequence[str | Path], options: IngestOptions
    ) -> Iterator[Article | Problem]:
        """What ingest writes: articles with their outlet detected, and the problems met reading."""
        registry = self.registry
        for item in read_paths(paths, options):
            if isinstance(item, Article):
                try:
                    item.outlet = detect_outlet(item, registry)
                except Exception as e:  # the article is kept without an outlet, and the failure named
                    yield Problem(
                        item.source_path or item.id,
                        f"{item.id!r} stored without an outlet: detecting it failed "
                        f"({type(e).__name__}: {e!s:.200})",
                        "E109",
                    )
                    item.outlet = None
            yield item

    def _index(self, batch: list[Article], result: WriteResult) -> None:
        """Article vectors of the semantic index for what a write added or changed."""
        if self.semantic is not None and self.settings.embed_at_ingest:
            changed = set(result.added) | set(result.updated)
            self.semantic.index([a for a in batch if a.id in changed])

    def _keep_stored_ids(self, batch: list[Article], report: IngestReport) -> None:
        """An article whose file was stored before through another folder or path (``rawi ingest
        news`` then ``rawi ingest news/sub``) takes the id it was stored under, instead of being
        stored twice. Matched by the file's real path, never by content: two files with the same text
        are two articles (copies of one report are evidence)."""
        keys = {a.id: key for a in batch if (key := _file_key(a)) is not None}
        stored = self.corpus.ids_of_files(list(set(keys.values()))) if keys else {}
        taken = {a.id for a in batch}
        for a in batch:
            known = stored.get(keys.get(a.id))  # type: ignore[arg-type]
            if known is not None and known != a.id and known not in taken:
                report.already_stored[a.id] = known
                a.meta = {"id_given": a.id, **a.meta}  # an id_given noted earlier (E110) is kept
                a.id = known
                taken.add(known)

    def _write(self, batch: list[Article], report: IngestReport) -> None:
        """Write one batch; when the store refuses it, each article is tried on its own, so only the
        articles the store cannot take are named as problems, and the run goes on."""
        self._keep_stored_ids(batch, report)
        try:
            result = self.corpus.write(batch)
            report.merge(result)
            self._index(batch, result)
            return
        except StoreError as e:
            if e.code == "E306":  # a damaged file: stop writing, keep what earlier batches stored
                raise
            partial = getattr(e, "result", None)
            done: set[str] = set()
            if isinstance(partial, WriteResult):
                report.merge(partial)
                done = {*partial.added, *partial.updated, *partial.unchanged}
            if len(batch) == 1 or "locked" in e.message:  # one article, or a lock that outlasted retries
                first, last = batch[0].id, batch[-1].id
                where = first if len(batch) == 1 else f"{first} … {last}"
                report.problems.append(Problem(where, f"not stored: {e.message}", e.code))
                return
        for article in batch:
            if article.id not in done:
                self._write([article], report)

    def count_files(self, paths: Sequence[str | Path]) -> int:
        return len(list_files(paths))

    # -- search -----------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 10) -> list[dict[str, Any]]:
        """Articles ranked for a query, with their best-matching sentences."""
        retriever = Retriever(self.corpus, top_k=limit)
        return [
            {
                "article_id": r.article_id,
                "title": r.article.title,
                "outlet": r.article.outlet,
                "published": r.article.published,
                "score": round(r.score, 4),
                "sentences": [
                    {
                        "sentence_index": i,
                        "text": r.sentences[i].text,
                        "score": round(r.sentence_scores[i], 4),
                    }
                    for i in r.best_sentences(2)
                ],
            }
            for r in retriever.retrieve(query)
        ]

    # -- check ------------------------------------------------------------------------------------
    def check(self, claim: str, options: CheckOptions | None = None) -> dict[str, Any]:
        """Check one claim against the corpus: the result object of the JSON contract."""
        return self.check_result(claim, options).to_json()

    def check_result(self, claim: str, options: CheckOptions | None = None) -> CheckResult:
        """Check one claim against the corpus: the typed result (see :mod:`rawi.pipeline`)."""
        return check_claim(self, claim, options)

    @property
    def model_name(self) -> str:
        return str(getattr(self.stance_model, "name", type(self.stance_model).__name__))

    @property
    def model_version(self) -> str:
        return str(getattr(self.stance_model, "version", __version__))

    def encoder_info(self) -> dict[str, Any]:
        """Which sentence encoder the semantic layer runs on, or why there is none."""
        encoder = self.encoder
        if encoder is None:
            return {"name": None, "note": "no sentence encoder installed or selected: lexical-only"}
        info: dict[str, Any] = {
            "key": encoder.key,
            "name": encoder.name,
            "package": encoder.package,
            "version": encoder.version,
            "stance_stage": load_semantic_stage(encoder.key) is not None,
        }
        if encoder.fallback_from:
            info["note"] = (
                f"the {encoder.fallback_from!r} encoder is not installed here; fell back to {encoder.key!r}"
            )
        return info

    # -- corpus views -----------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        info = self.encoder_info()
        semantic: dict[str, Any] = {
            "encoder": f"{info['name']} ({info['package']} {info['version']})" if info["name"] else "none",
        }
        if "note" in info:
            semantic["note"] = info["note"]
        if self.semantic is not None:
            semantic["articles_with_vectors"] = self.corpus.vector_count(self.semantic.tag)
        stats = self.corpus.stats()
        # Outlets by their display names, never the registry's internal keys.
        names = self.registry.display_names()
        outlets = stats.get("outlets")
        if isinstance(outlets, dict):
            shown: dict[str, int] = {}
            for key, count in outlets.items():
                shown[names.get(key, key)] = shown.get(names.get(key, key), 0) + count
            stats["outlets"] = shown
        return {"store": self.corpus.url, **stats, "semantic": semantic}

    def provenance(self, article_ids: Sequence[str]) -> dict[str, Any]:
        """Attributions and text reuse of the given articles (unknown ids listed under ``missing``)."""
        from rawi.provenance import describe_articles

        return describe_articles(self.corpus, list(article_ids), self.registry)


def _file_key(article: Article) -> tuple[str, str] | None:
    """(real path of the article's file, its id after the file's id base), from what ingest noted."""
    file, part = article.meta.get("file"), article.meta.get("file_part")
    return (file, part) if isinstance(file, str) and isinstance(part, str) else None


def _fields(field_map: dict[str, str]) -> dict[str, Any]:
    return {"fields": field_map} if field_map else {}
