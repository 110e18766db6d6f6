"""Process-wide memos of what pages repeat (menu lines, path steps): bounded, because a
crawl of many sites meets millions of distinct keys and a memo must not grow with it."""
from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

# Entries a memo holds at most; when full it starts again empty (cheaper than an LRU's
# bookkeeping on every hit, and pages repeat within themselves far more than across).
KEPT = 1 << 16


def remember(memo: dict[K, V], key: K, value: V) -> V:
    """`value` kept under `key`, the memo emptied first when full; returns `value`."""
    if len(memo) >= KEPT:
        memo.clear()
    memo[key] = value
    return value
