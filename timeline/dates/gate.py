"""The start gate: where in a text each scan rule can begin, found in one pass.

Running ~38 case-insensitive rule regexes over a whole article costs one engine
attempt per rule per character, although a rule can only begin where one of a few
words or characters stands (a month name, a digit, "awal", "the", ...). The gate
works out those "first atoms" of every rule from the rule's own compiled pattern
(so it follows the templates and the word lists in data/lang/ without a second copy),
finds where any atom stands in one pass over the lower-cased text, and the scan then
tries each rule only at the positions where one of its atoms stands.

Exactness: `Pattern.match(text, p)` at every position `p` where a match can start, in
text order, skipping positions inside the previous match, returns what `finditer`
returns (a search is a match tried at each position in turn). A match of a rule
begins with one of its first atoms, so skipping the other positions drops nothing.
Texts whose case-folding the lower-cased copy cannot mirror exactly (non-ASCII
letters that change under lower() or fold to ASCII ones, like "İ", "ſ", "K") take
the plain full scan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import alternation

try:  # the regex parser of the standard library; without it every rule runs in full
    from re import _constants as _c, _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python
    _c = _sre_parse = None

_PLACEHOLDER = 0xE000  # private-use characters stand for word-list tokens while parsing
_WORD_START = r"(?<![\w"  # every gated rule refuses to start right after a word character
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[a-z]", re.I)  # under re.I also "ſ", "K", "ı", "İ"


class _Unsupported(Exception):
    """A pattern construct the first-atom analysis does not follow: the rule runs in full."""


@dataclass(frozen=True)
class Gate:
    """The compiled start gate of one grammar."""

    # The finder matches after a non-word character the longest word of any word-list
    # atom (group 1), or else a one-character atom.
    finder: re.Pattern | None
    atoms: tuple[re.Pattern, ...]  # each atom alone
    single: tuple[bool, ...]  # the atom is a character class: the character alone decides
    rule_atoms: tuple[frozenset[int] | None, ...]  # per rule: its atoms, None = always run in full
    # per rule: the characters it refuses to start right after (its opening lookbehind), or None
    refuse_after: tuple[re.Pattern | None, ...] = ()
    _rules: dict = field(default_factory=dict, compare=False, repr=False)  # what the finder matched → rules

    def positions(self, text: str) -> list[tuple[int, list[int]]] | None:
        """Return, in text order, each position where some gated rule may start and those rules.

        None when `text` needs the full scan of every rule; rules the gate does not
        cover (`rule_atoms` None) are never listed: they run in full.
        """
        if self.finder is None:
            return None
        low = text.lower()
        if len(low) != len(text) or (not text.isascii() and not _mirrors(text, low)):
            return None
        out: list[tuple[int, list[int]]] = []
        search, known = self.finder.search, self._rules
        pos = 0
        while (m := search(low, pos)) is not None:
            p = m.start()
            # What the finder matched tells the rules: the longest list word standing
            # there (a one-letter list word always matches, so a lone character is no
            # word); the character before it, which of those refuse to start there.
            found = m.group()
            key = found, low[p - 1] if p else ""
            rules = known.get(key)
            if rules is None:
                rules = known[key] = self._rules_at(low[p], m.group(1), key[1])
            if rules:
                out.append((p, rules))
            # A match holding no non-word character hides no other start: every position
            # inside it follows a word character. Otherwise look again right after p.
            pos = m.end() if found.isalnum() else p + 1
        return out

    def _rules_at(self, char: str, word: str | None, before: str) -> list[int]:
        """Return the rules that may start at `char`, or at `word` (the longest list word standing
        there), right after `before` ("" at the start of the text)."""
        found = {i for i, a in enumerate(self.atoms) if self.single[i] and a.match(char)}
        if word is not None:
            # Every list word standing there is a prefix of the longest one, `word`.
            found |= {i for i, a in enumerate(self.atoms) if not self.single[i] and a.match(word)}
        refused = self.refuse_after or [None] * len(self.rule_atoms)
        return [r for r, a in enumerate(self.rule_atoms)
                if a is not None and a & found and not (before and refused[r] and refused[r].match(before))]


def _mirrors(text: str, low: str) -> bool:
    """Tell whether `low` differs from `text` only in ASCII letters, and no letter folds to ASCII."""
    outside = _NON_ASCII.findall(text)
    return outside == _NON_ASCII.findall(low) and not _ASCII_LETTER.search("".join(outside))


def build(templates: tuple[tuple[str, str], ...], tokens: dict[str, str], lists: dict[str, list[str]],
          skip: set[str]) -> Gate:
    """Return the gate of the rules `templates` (minus `skip`) filled with `tokens`.

    `lists` holds the words of the tokens that are word lists; the other tokens are
    followed into.
    """
    if _sre_parse is None:
        return Gate(None, (), (), ())
    index: dict = {}  # atom → its index
    words: list[str] = []  # the words of every atom that is a word list
    rule_atoms: list[frozenset[int] | None] = []
    refuse_after: list[re.Pattern | None] = []
    for name, template in templates:
        if name in skip:
            continue
        found = _first(template, tokens, lists) if template.startswith(_WORD_START) else None
        refuse_after.append(_refused(template) if found is not None else None)
        if found is None:
            rule_atoms.append(None)
            continue
        for atom in found:
            if atom not in index and isinstance(atom, tuple):
                words.extend(_words(atom, lists))
        rule_atoms.append(frozenset(index.setdefault(a, len(index)) for a in found))
    if not index:
        return Gate(None, (), (), tuple(rule_atoms), tuple(refuse_after))
    alts = [(alternation(_words(a, lists)) if a[0] == "" else tokens[a[0]]) if isinstance(a, tuple) else a
            for a in index]
    # Word lists are lower-cased already, so the gate runs without re.I on the
    # lower-cased text, where the engine can use its fast literal checks. The finder
    # lays all the words out as one trie: one pass finds every place an atom stands.
    flags = 0 if all(a.isascii() for a in alts) else re.I
    chars = [a for a in index if not isinstance(a, tuple)]
    finder = re.compile(r"(?<!\w)(?:(" + alternation(words) + ")|" + "|".join(chars or ["(?!x)x"]) + ")", flags)
    atoms = tuple(re.compile(a, flags) for a in alts)
    single = tuple(not isinstance(a, tuple) for a in index)
    return Gate(finder, atoms, single, tuple(rule_atoms), tuple(refuse_after))


def _refused(template: str) -> re.Pattern | None:
    """Return the characters `template`'s opening lookbehind refuses ("(?<![\\w/.,-])"), as they
    stand in the lower-cased text; None when it opens otherwise."""
    try:
        first = _sre_parse.parse(template)[0]
    except re.error:
        return None
    op, av = first
    if op is not _c.ASSERT_NOT or av[0] != -1 or len(av[1]) != 1 or av[1][0][0] is not _c.IN:
        return None
    try:
        return re.compile(_char_class(av[1][0][1]))
    except _Unsupported:
        return None


def _words(atom: tuple, lists: dict[str, list[str]]) -> list[str]:
    """Return the words of a word atom: a token's word list, or the words the template spells out."""
    return list(atom[1]) if atom[0] == "" else lists[atom[0]]


def _first(template: str, tokens: dict[str, str], lists: dict[str, list[str]]) -> set | None:
    """Return the atoms one of which stands where any match of `template` starts, or None.

    An atom is ("NAME",) for a word-list token, ("", words) for the words the template
    spells out ("the" in "(?:the\\s+)?", "1q".."4q" in "[1-4]Q": only where they stand,
    not at every "t" or digit), or a regex for a character class.
    """
    names = sorted(lists)
    marks = {name: chr(_PLACEHOLDER + i) for i, name in enumerate(names)}
    pattern = template
    for _ in range(4):  # tokens may hold tokens (<WDPRE> holds <DAYW>)
        pattern = re.sub(r"<([A-Z]+)>", lambda m: marks.get(m.group(1)) or tokens[m.group(1)], pattern)
    by_mark = {ord(marks[n]): (n,) for n in names}
    try:
        found, nullable = _first_seq(_sre_parse.parse(pattern), by_mark)
    except (_Unsupported, re.error):
        return None
    return None if nullable else found


def _first_seq(items, by_mark: dict[int, tuple]) -> tuple[set, bool]:
    """Return (first atoms, can match empty) of a sequence of parsed regex items."""
    out: set[str] = set()
    items = list(items)
    for i, (op, av) in enumerate(items):
        spelt = _spelt(items, i, by_mark)
        if spelt:
            return out | {("", spelt)}, False
        found, nullable = _first_op(op, av, by_mark)
        out |= found
        if not nullable:
            return out, False
    return out, True


def _first_op(op, av, by_mark: dict[int, tuple]) -> tuple[set, bool]:
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True  # zero-width: the next item starts the match
    if op is _c.SUBPATTERN:
        return _first_seq(av[-1], by_mark)
    if op is _c.BRANCH:
        out: set[str] = set()
        any_nullable = False
        for branch in av[1]:
            found, nullable = _first_seq(branch, by_mark)
            out |= found
            any_nullable = any_nullable or nullable
        return out, any_nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, _, sub = av
        found, nullable = _first_seq(sub, by_mark)
        return found, nullable or lo == 0
    if op is _c.LITERAL:
        if av in by_mark:
            return {by_mark[av]}, False
        return {_char(av)}, False
    if op is _c.IN:
        # The parser folds "<A>|<B>" of one-character placeholders into a class.
        marks = {by_mark[a] for o, a in av if o is _c.LITERAL and a in by_mark}
        rest = [(o, a) for o, a in av if not (o is _c.LITERAL and a in by_mark)]
        return marks | ({_char_class(rest)} if rest else set()), False
    raise _Unsupported(op)


_SPELT_MAX = 32  # words a spelt-out start may stand for ("[1-4]Q": four)


def _spelt(items, i: int, by_mark: dict[int, tuple]) -> tuple[str, ...]:
    """Return the words items `i`, `i`+1, ... spell out, lower-cased: a run of at least two
    characters each a literal or a small class of them ("the", "[1-4]q"); () if none."""
    words = [""]
    for op, av in items[i:]:
        choice = _choice(op, av, by_mark)
        if choice is None or len(words) * len(choice) > _SPELT_MAX:
            break
        words = [w + ch for w in words for ch in choice]
    return tuple(sorted(words)) if len(words[0]) > 1 else ()


def _choice(op, av, by_mark: dict[int, tuple]) -> list[str] | None:
    """Return the characters one item stands for, lower-cased, if it is one literal or a small
    class of them (no space, no category, no placeholder); else None."""
    if op is _c.SUBPATTERN and not (av[1] or av[2]) and len(av[-1]) == 1:  # a group, no local flags
        return _choice(*av[-1][0], by_mark)
    if op is _c.LITERAL:
        codes = [av]
    elif op is _c.IN and all(o in (_c.LITERAL, _c.RANGE) for o, _ in av):
        codes = [c for o, a in av for c in ([a] if o is _c.LITERAL else range(a[0], a[1] + 1))]
    else:
        return None
    if len(codes) > _SPELT_MAX or any(c in by_mark or chr(c).isspace() for c in codes):
        return None
    try:
        return sorted({_char(c) and chr(c).lower() for c in codes})
    except _Unsupported:  # a letter whose case folds in ways lower() does not show
        return None


def _char(code: int) -> str:
    """Return a regex for one literal character as it stands in the lower-cased text."""
    ch = chr(code)
    if not ch.isascii() and (ch.lower() != ch or ch.upper() != ch):
        raise _Unsupported(ch)  # a cased non-ASCII letter may fold in ways lower() does not show
    return re.escape(ch.lower())


def _char_class(items) -> str:
    """Return a regex for a character class as it stands in the lower-cased text."""
    parts = []
    for op, av in items:
        if op is _c.LITERAL:
            parts.append(_char(av))
        elif op is _c.RANGE and all(chr(c).lower() == chr(c) == chr(c).upper() for c in range(av[0], av[1] + 1)):
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is _c.CATEGORY and av in (_c.CATEGORY_DIGIT, _c.CATEGORY_SPACE, _c.CATEGORY_WORD):
            parts.append({_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}[av])
        else:
            raise _Unsupported(op)
    return "[" + "".join(parts) + "]"
