"""The user's query string -> a small query tree.

Syntax: words separated by spaces must all occur (AND); ``"quoted phrases"``
must occur exactly; ``A OR B``; ``-word`` or ``NOT word`` excludes; round
brackets group. A word matches what Ctrl-F would find: a report containing the
string anywhere, whatever the word segmentation. What a Chinese keyboard types
works too: ``“中文引号”`` and ``「」`` around words, ``（括号）``, ``－词`` and
``or`` in any case; inside a word they are content (危及“三安全一稳定”,
第（六）项), as reports print them.

A query the grammar cannot read (an unbalanced quote or bracket, a bare
operator) is not an error: it is read again as plain words and the result
says so in a notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .synonyms import Synonyms
from .textnorm import match_form, normalize_text

MAX_QUERY_CHARS = 500
MAX_TERMS = 32


class QuerySyntaxError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Term:
    """A string the report must contain (match form), with the alternatives that also count."""

    text: str  # as typed (display form), for notices
    needle: str  # match form
    phrase: bool = False
    alternatives: tuple[str, ...] = ()  # synonyms, in match form

    @property
    def needles(self) -> tuple[str, ...]:
        return (self.needle, *self.alternatives)


@dataclass(frozen=True, slots=True)
class All:
    children: tuple["Node", ...]


@dataclass(frozen=True, slots=True)
class Any:
    children: tuple["Node", ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: "Node"


Node = Term | All | Any | Not


@dataclass
class ParsedQuery:
    root: Node | None  # None: no query, every report matches
    notices: list[str] = field(default_factory=list)
    rewritten: bool = False  # searched otherwise than typed (unreadable syntax, or split into words)

    def positive_terms(self) -> list[Term]:
        """Terms a matching report contains (not those under NOT): what ranking and snippets use."""
        out: list[Term] = []

        def walk(node: Node | None, negated: bool) -> None:
            if node is None:
                return
            if isinstance(node, Term):
                if not negated:
                    out.append(node)
            elif isinstance(node, Not):
                walk(node.child, not negated)
            else:
                for child in node.children:
                    walk(child, negated)

        walk(self.root, False)
        return out


# How people type operators on a Chinese keyboard: these act as their ASCII forms
# where an operator can stand (at the edge of a word), and stay content inside one
# (第（六）项, 2019－2020, 危及“三安全一稳定”).
_OPEN_QUOTES = {'"': '"', "“": "”", "「": "」"}
_OPEN_BRACKETS = "(（"
_MINUS = "-－"
_OR_WORDS = ("or", "|", "｜")


def _lex(text: str) -> list[tuple[str, str]]:
    """(kind, value) tokens: word, phrase, (, ), OR, NOT, -."""
    tokens: list[tuple[str, str]] = []
    pos, n = 0, len(text)
    depth = 0  # brackets opened as syntax, so that a word's closing ） can end a group
    while pos < n:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        if ch in _OPEN_QUOTES:
            end = text.find(_OPEN_QUOTES[ch], pos + 1)
            if end >= 0:
                tokens.append(("phrase", text[pos + 1:end]))
                pos = end + 1
                continue
            if ch == '"':
                raise QuerySyntaxError("unbalanced quote")
            # an unpaired Chinese quote is content
        elif ch in _OPEN_BRACKETS:
            tokens.append(("(", "("))
            depth += 1
            pos += 1
            continue
        elif ch in ")）":
            tokens.append((")", ")"))
            depth -= 1
            pos += 1
            continue
        word, pos, closes = _read_word(text, pos, depth)
        _word_tokens(word, tokens)
        if closes:
            tokens.append((")", ")"))
            depth -= 1
            pos += 1
    return tokens


def _read_word(text: str, pos: int, depth: int) -> tuple[str, int, bool]:
    """A word from `pos`: up to a space, an ASCII quote or bracket, or a ） that closes a group.

    A full-width bracket opened inside the word is content and so is its
    closing one (规定（试行）); a ） with no such partner closes a group when one
    is open. Returns (word, position after it, whether a group closes there).
    """
    start, inner = pos, 0
    while pos < len(text):
        ch = text[pos]
        if ch.isspace() or ch in '"()':
            break
        if ch == "（":
            inner += 1
        elif ch == "）":
            if inner:
                inner -= 1
            elif depth > 0:
                return text[start:pos], pos, True
        pos += 1
    return text[start:pos], pos, False


def _word_tokens(word: str, tokens: list[tuple[str, str]]) -> None:
    if not word:
        return
    if word.lower() in _OR_WORDS or word == "ＯＲ":
        tokens.append(("OR", word))
    elif word in ("AND", "&"):
        return
    elif word == "NOT":
        tokens.append(("NOT", word))
    elif word[0] in _MINUS and len(word) > 1:
        tokens.append(("NOT", "-"))
        tokens.append(("word", word[1:]))
    elif word in _MINUS:
        raise QuerySyntaxError("a bare '-'")
    else:
        tokens.append(("word", word))


MAX_NESTING = 16  # brackets inside brackets; deeper is no query a person wrote, and recursion must stay bounded


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], make_term):
        self.tokens = tokens
        self.i = 0
        self.depth = 0
        self.make_term = make_term

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def parse(self) -> Node | None:
        node = self.conjunction()
        if self.i != len(self.tokens):
            raise QuerySyntaxError("unexpected ')'")
        return node

    def conjunction(self) -> Node | None:
        items: list[Node] = []
        while self.peek() not in (None, ")"):
            node = self.disjunction()
            if node is not None:
                items.append(node)
        if not items:
            return None
        return items[0] if len(items) == 1 else All(tuple(items))

    def disjunction(self) -> Node | None:
        items = [self.unary()]
        while self.peek() == "OR":
            self.i += 1
            if self.peek() in (None, ")", "OR"):
                raise QuerySyntaxError("OR without a word after it")
            items.append(self.unary())
        items = [n for n in items if n is not None]
        if not items:
            return None
        return items[0] if len(items) == 1 else Any(tuple(items))

    def unary(self) -> Node | None:
        kind = self.peek()
        if kind == "NOT":
            self.i += 1
            if self.peek() in (None, ")", "OR", "NOT"):
                raise QuerySyntaxError("NOT without a word after it")
            child = self.unary()
            return Not(child) if child is not None else None
        if kind == "OR":
            raise QuerySyntaxError("OR without a word before it")
        if kind == "(":
            self.i += 1
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise QuerySyntaxError("brackets nested too deeply")
            node = self.conjunction()
            if self.peek() != ")":
                raise QuerySyntaxError("unbalanced bracket")
            self.i += 1
            self.depth -= 1
            return node
        if kind == ")":
            raise QuerySyntaxError("unbalanced bracket")
        _, value = self.tokens[self.i]
        self.i += 1
        return self.make_term(value, kind == "phrase")


def parse_query(text: str, synonyms: Synonyms | None = None, expand: bool = True) -> ParsedQuery:
    """Parse a query string; never raises for what a user may type."""
    notices: list[str] = []
    text = (text or "").replace("＂", '"')
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notices.append(f"查询超过 {MAX_QUERY_CHARS} 个字符，只搜索了前 {MAX_QUERY_CHARS} 个字符。")
    count = 0

    def make_term(value: str, phrase: bool) -> Term | None:
        nonlocal count
        display = normalize_text(value)
        needle = match_form(display)
        if not needle:
            return None
        count += 1
        if count > MAX_TERMS:
            return None
        alternatives = synonyms.alternatives(needle) if (expand and not phrase and synonyms) else ()
        return Term(display, needle, phrase, alternatives)

    try:
        root = _Parser(_lex(text), make_term).parse()
    except QuerySyntaxError as exc:
        count = 0
        plain = re.sub(r'["()]', " ", text)
        words = [w.strip("“”「」（）") for w in plain.split()]
        words = [w for w in words if w and w.lower() not in ("or", "not", "and", "-", "－", "|", "&")]
        words = [w.lstrip("-－") or w for w in words]
        terms = [t for w in words if (t := make_term(w, False)) is not None]
        root = None if not terms else terms[0] if len(terms) == 1 else All(tuple(terms))
        notices.append(f"查询语法有误（{_explain(exc)}），已按普通词语搜索：{' '.join(t.text for t in terms)}")
        rewritten = True
    else:
        rewritten = False
    if count > MAX_TERMS:
        notices.append(f"查询词超过 {MAX_TERMS} 个，只使用了前 {MAX_TERMS} 个。")
    return ParsedQuery(root, notices, rewritten)


def _explain(exc: QuerySyntaxError) -> str:
    return {
        "unbalanced quote": "引号不成对",
        "unbalanced bracket": "括号不成对",
        "brackets nested too deeply": f"括号嵌套超过 {MAX_NESTING} 层",
        "unexpected ')'": "括号不成对",
        "a bare '-'": "单独的减号",
        "OR without a word after it": "OR 后面缺少词语",
        "OR without a word before it": "OR 前面缺少词语",
        "NOT without a word after it": "NOT 后面缺少词语",
    }.get(str(exc), str(exc))



def split_terms(parsed: ParsedQuery, synonyms: Synonyms | None) -> ParsedQuery | None:
    """The query with each unquoted term of several words split into those words (AND).

    Used when a term as typed (舟山疫情) occurs in no report: the words
    (舟山, 疫情) may still occur apart. None when no term splits.
    """
    from .segment import query_words

    split_any = False
    parts: list[str] = []

    def split(node: Node) -> Node:
        nonlocal split_any
        if isinstance(node, Term):
            words = list(dict.fromkeys(query_words(node.text))) if not node.phrase else []
            if len(words) < 2:
                return node
            split_any = True
            parts.append("、".join(f"“{w}”" for w in words))
            return All(tuple(
                Term(w, w, False, synonyms.alternatives(w) if synonyms else ()) for w in words
            ))
        if isinstance(node, Not):
            return node
        return type(node)(tuple(split(c) for c in node.children))

    root = split(parsed.root) if parsed.root is not None else None
    if not split_any:
        return None
    notice = f"没有报告包含所查的完整词语，改为查找同时包含{'；'.join(parts)}的报告。"
    return ParsedQuery(root, [*parsed.notices, notice], rewritten=True)


def query_text(node: Node | None) -> str:
    """A query string that parses back to `node`: how a rewritten query is shown and linked."""
    if node is None:
        return ""
    if isinstance(node, Term):
        plain = node.text and not any(c.isspace() or c in '"()（）“”「」' for c in node.text)
        plain = plain and node.text.lower() not in ("or", "and", "not", "|", "&") and node.text[0] not in "-－"
        return node.text if plain and not node.phrase else '"' + node.text.replace('"', "") + '"'
    if isinstance(node, Not):
        inner = query_text(node.child)
        return "-" + inner if isinstance(node.child, Term) else f"NOT ({inner})"
    if isinstance(node, Any):
        return " OR ".join(f"({query_text(c)})" if isinstance(c, All) else query_text(c) for c in node.children)
    return " ".join(f"({query_text(c)})" if isinstance(c, Any) else query_text(c) for c in node.children)
