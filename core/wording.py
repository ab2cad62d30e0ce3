"""Wording shared by summary lines (CLI, Neo4j export)."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """'1 paper', '0 papers', '2 papers': summary lines count in words a reader (and a grep) expects."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
