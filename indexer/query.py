"""The user's query string -> a small query tree.

Syntax: words separated by spaces must all occur (AND); ``"quoted phrases"``
must occur exactly; ``A OR B``; ``-word`` or ``NOT word`` excludes; round
brackets group. A word matches what Ctrl-F would find: a report containing the
string anywhere, whatever the word segmentation. Chinese quotation marks
(“”) are content, not syntax, because reports quote terms such as
“三安全一稳定”.

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


_TOKEN = re.compile(r'\s*(?:(")|(\()|(\))|([^\s"()]+))')


def _lex(text: str) -> list[tuple[str, str]]:
    """(kind, value) tokens: word, phrase, (, ), OR, NOT, -."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        if m.group(1):
            end = text.find('"', pos)
            if end < 0:
                raise QuerySyntaxError("unbalanced quote")
            tokens.append(("phrase", text[pos:end]))
            pos = end + 1
        elif m.group(2):
            tokens.append(("(", "("))
        elif m.group(3):
            tokens.append((")", ")"))
        else:
            word = m.group(4)
            if word in ("OR", "|"):
                tokens.append(("OR", word))
            elif word in ("AND", "&"):
                continue
            elif word == "NOT":
                tokens.append(("NOT", word))
            elif word.startswith("-") and len(word) > 1:
                tokens.append(("NOT", "-"))
                tokens.append(("word", word[1:]))
            elif word == "-":
                raise QuerySyntaxError("a bare '-'")
            else:
                tokens.append(("word", word))
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], make_term):
        self.tokens = tokens
        self.i = 0
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
            node = self.conjunction()
            if self.peek() != ")":
                raise QuerySyntaxError("unbalanced bracket")
            self.i += 1
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
        words = [w for w in plain.split() if w not in ("OR", "NOT", "AND", "-", "|", "&")]
        words = [w.lstrip("-") or w for w in words]
        terms = [t for w in words if (t := make_term(w, False)) is not None]
        root = None if not terms else terms[0] if len(terms) == 1 else All(tuple(terms))
        notices.append(f"查询语法有误（{_explain(exc)}），已按普通词语搜索：{' '.join(t.text for t in terms)}")
    if count > MAX_TERMS:
        notices.append(f"查询词超过 {MAX_TERMS} 个，只使用了前 {MAX_TERMS} 个。")
    return ParsedQuery(root, notices)


def _explain(exc: QuerySyntaxError) -> str:
    return {
        "unbalanced quote": "引号不成对",
        "unbalanced bracket": "括号不成对",
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
    return ParsedQuery(root, [*parsed.notices, notice])
