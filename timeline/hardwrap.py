"""Join the lines of a hard-wrapped paragraph ("…Freeland resigned from\\ncabinet, hours before…").

Text and Markdown written in an editor that wraps at a fixed width break sentences at line
ends, and the extractor reads no sentence across a line (a line is a paragraph, a heading,
a dateline or a byline on the pages it reads). CommonMark would join every line of a
paragraph, but pasted news keeps one paragraph per line with no blank line between them,
and a headline above its byline ("UPDATE 2-…\\nBy …"): there a line end is a real break.
So only a paragraph that looks wrapped is joined: lines of even width, where the next
line's first word would not have fitted on the line above (one that would have, with room
to spare, was put below by hand), or a long line that stops mid-sentence with the sentence going on in lower
case; and the indented lines that continue a list item ("- **Jan 16** — … launches
his\n  leadership bid"). A newline becomes a space, so every character keeps its offset.
"""
from __future__ import annotations

import re

_BLOCK = re.compile(r"\s{0,3}(?:[-*+]\s|\d{1,3}[.)]\s|#|>|\||```|~~~|<)")  # a line opening a block of its own
_ITEM = re.compile(r"\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S")
_CONTINUED = re.compile(r"\s{2,}(?![-*+]\s|\d{1,3}[.)]\s)\S")  # an indented line that is no item of its own
_STOPS = re.compile(r"""(?:[.!?:;]["'”’)\]*_]*|\s\s|\\)$""")  # a sentence end, or a Markdown hard break
_LOWER = re.compile(r"\s*[a-z(]")
_WIDTH = 60  # a wrapped paragraph's widest line is at least this long
_EVEN = 0.8  # and each of its lines but the last is at least this share of it
_FITS = 0.9  # a first word that would have fitted above, short of this share of the widest: a hand break
_LINES = 3  # a paragraph with fewer lines is joined only where its sentence goes on in lower case


def unwrap(text: str) -> tuple[str, int]:
    """Return `text` with the soft line breaks of wrapped paragraphs made spaces, and how many.

    >>> unwrap("- **Jan 16** — Carney launches his\\n  leadership bid.\\n- **Jan 17** — Next.")[0]
    '- **Jan 16** — Carney launches his   leadership bid.\\n- **Jan 17** — Next.'
    """
    chars = list(text)
    joined = 0
    for block in _paragraphs(text):
        for at in _soft_breaks(text, block):
            chars[at] = " "
            joined += 1
    return ("".join(chars), joined) if joined else (text, 0)


def _paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """Return the (start, end) of each line, grouped by runs of non-blank lines outside code fences."""
    out: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    fenced = False
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            run = []
        elif fenced or not line.strip():
            if run:
                out.append(run)
            run = []
        else:
            run.append((start, end))
        start = end + 1
    if run:
        out.append(run)
    return out


def _soft_breaks(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """Return the offsets of the newlines of one paragraph that are soft breaks."""
    widths = [b - a for a, b in lines]
    even = (len(lines) >= _LINES and max(widths) >= _WIDTH
            and all(w >= _EVEN * max(widths) for w in widths[:-1]))
    width = max(widths)
    out = []
    item = False
    for (a, b), (c, d) in zip(lines, lines[1:]):
        line, below = text[a:b], text[c:d]
        item = bool(_ITEM.match(line)) or item and bool(_CONTINUED.match(line))
        if _STOPS.search(line) or line.lstrip().startswith(("#", "|", "<")):
            continue
        if item and _CONTINUED.match(below):
            out.append(b)
        elif not _BLOCK.match(below) and not _CONTINUED.match(below) and (
                even and b - a + 1 + len(below.split()[0]) > _FITS * width
                or b - a >= _WIDTH and _LOWER.match(below)):
            out.append(b)
    return out
