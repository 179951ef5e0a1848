"""Union-find over string keys: the one way rawi joins items into groups (origins from shared text
and sources, copies of one report, stories in the benchmarks)."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Disjoint sets of keys; a group's root is its smallest key (stable, order-independent)."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def roots(self) -> dict[str, str]:
        """Every key seen, with the root of its group."""
        return {x: self.find(x) for x in list(self.parent)}

    def groups(self) -> list[list[str]]:
        """The groups, each in the order its keys were first seen."""
        out: dict[str, list[str]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())
