"""Word patterns over search keys, shared by the emergency rules and the keyword reasons.

A pattern is a tuple of word groups; it matches where a word of every group occurs within `window`
words of a word of the first group. A word ending in «*» is a prefix.
"""

Pattern = tuple[tuple[str, ...], ...]


def word_matches(key: str, word: str) -> bool:
    return key.startswith(word[:-1]) if word.endswith("*") else key == word


def has_any(keys: list[str], words: tuple[str, ...]) -> bool:
    return any(word_matches(key, word) for key in keys for word in words)


def find(keys: list[str], pattern: Pattern, window: int) -> tuple[int, int] | None:
    """The span (first, last word index) where the pattern matches, or None."""
    for start, key in enumerate(keys):
        if not any(word_matches(key, w) for w in pattern[0]):
            continue
        lo, hi, end, ok = max(0, start - window), min(len(keys), start + window + 1), start, True
        for group in pattern[1:]:
            found = [i for i in range(lo, hi) if i != start and any(word_matches(keys[i], w) for w in group)]
            if not found:
                ok = False
                break
            end = max(end, min(found, key=lambda i: abs(i - start)))
        if ok:
            return min(start, end), max(start, end)
    return None
