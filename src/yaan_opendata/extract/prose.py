"""Read money concepts from prose, one amount at a time.

A paragraph is a run of tokens: names of concepts (``lexicon/concepts.yml``),
amounts (``3351.34万元``, ``19.85%``) and words. Each amount is bound to the
concept named last before it — in the same clause, or earlier in the paragraph
when nothing else stands in between — and what stands between the name and the
amount says what the amount is (``phrases.yml``): 年初预算为 → a budget figure,
增加 → a change on the prior year, 占 → a share, 完成预算 → a completion rate, no
such word → the executed figure. When anything stands in between that the
lexicon does not know, the amount is not bound: it is left unread, with the
words that stopped it, and never guessed. Amounts inside a reason or purpose
(主要原因是…, 主要用于…) are not the concept's value.

The reader knows nothing of records or keys: it returns ``Reading``s, and
``figures.py`` turns them into figures and comparisons.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lexicon import Concept, lexicon
from ..model import Paragraph
from ..numbers import NUMBER

# Kinds of reading
VALUE, CHANGE, GROWTH, SHARE, COMPLETION = "value", "yoy_change", "growth_rate", "share", "completion_rate"
EXECUTED, BUDGETED = "executed", "budgeted"

# Amounts: money with its unit (not a threshold such as "单价50万元以上"), percentages.
MONEY = rf"(?<![\d.\-]){NUMBER}\s*(?:亿元|万元|千元|元)(?!\s*(?:[((]含[))])?以[上下])"
PERCENT = rf"(?<![\d.]){NUMBER}\s*%"
# What looks like an amount but is not one: "1942.1.7万元", "12a.3万元", "0.19美元".
MALFORMED = r"(?<![\d.])-?\d[\d.,A-Za-z]*\s*[^\W\d_]{0,2}元(?!\s*(?:[((]含[))])?以[上下])"
# A number printed without a unit, only where a sentence says "…为2278.17," (see BARE).
BARE = rf"(?<=为)\s*{NUMBER}(?=\s*(?:[,;。]|$))"
CLAUSE_BREAKS = ",;:。"
# "每人每月650元": a rate, not a sum of money spent
_PER_UNIT = re.compile(r"每[^\d,;。]{0,4}$|标准[为是]?$")
SENTENCE_END = re.compile(r"[。!?]")
# Punctuation, spaces, years and bracketed remarks without digits may stand anywhere.
# So may counts stated beside the money ("国内公务接待12批次,81人次,共计支出0.91万元").
_NEUTRAL = re.compile(
    r"\([^()\d]*\)|[\s,;:、。“”\"'‘’()]|\d{4}年度?"
    r"|\d+(?:批次|人次|台\(套\)|辆|台|套|次|人|个|批)"
)


@dataclass(frozen=True)
class Subject:
    """What a name in the text refers to: concepts of the lexicon, or a classification code."""

    concepts: tuple[Concept, ...] = ()
    code: str | None = None  # functional code, for 类/款/项 mentions
    names: tuple[str, ...] = ()  # the 类/款/项 names as printed

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.concepts) or (f"functional.{self.code}",)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    subject: Subject
    is_base: bool = False  # named after 占: the base of a share, not a new subject


@dataclass(frozen=True)
class Reading:
    """One amount of a paragraph and what it states about its subject."""

    kind: str
    subject: Subject
    paragraph: Paragraph
    amount: str  # as in the (normalized) text: "3351.34万元", "19.85%", "无", "2278.17"
    start: int
    end: int
    literal: str
    phase: str = EXECUTED
    negative: bool = False
    unchanged: bool = False
    base: str | None = None  # concept key a share is "of", where the text names it
    reason: str | None = None
    in_reason: bool = False  # stated inside a reason or purpose clause
    restated_as: str | None = None  # "listed" for "共计支出…" after a first statement
    none_stated: bool = False  # "无…支出": there was none
    all_of: bool = False  # "…万元,全部为财政拨款收入": the amount before, all of this concept


@dataclass(frozen=True)
class Carried:
    """A name a paragraph ends on, and the words after it, for the next paragraph."""

    subject: Subject
    words: str = ""


@dataclass(frozen=True)
class Unread:
    """An amount the reader did not bind, and why."""

    paragraph: Paragraph
    amount: str
    start: int
    reason: str


# --- the vocabulary, compiled once ------------------------------------------------


def _name_pattern(name: str) -> str:
    """A name as a pattern: quotation marks around it optional, either bracket width, and
    决算 allowed before 总计/合计 ("收入、支出决算总计", "本年收入决算合计")."""
    out = []
    for index, char in enumerate(name):
        if name.startswith(("总计", "合计"), index) and not name[:index].endswith("决算"):
            out.append("(?:决算)?")
        if char in "“”\"":
            out.append("[“”\"]?")
        elif char in "((":
            out.append("[((]")
        elif char in "))":
            out.append("[))]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


@functools.cache
def _phrases() -> dict[str, re.Pattern]:
    """Each kind of phrase (phrases.yml) as one pattern, longest wording first."""
    return {kind: re.compile(_alternation(words)) for kind, words in lexicon().phrases.items()}


@functools.cache
def _names(chapters: tuple[str, ...]) -> tuple[re.Pattern, dict[str, tuple[Concept, ...]]]:
    """The names of the chapters' concepts as one pattern, and the concepts each states."""
    by_name: dict[str, list[Concept]] = {}
    printed: set[str] = set()
    for chapter in chapters:
        for concept in lexicon().concepts_of(chapter):
            for name in concept.names:
                stated = by_name.setdefault(_canonical(name), [])
                if concept not in stated:
                    stated.append(concept)
                printed.add(name)
    pattern = re.compile("|".join(_name_pattern(n) for n in sorted(printed, key=len, reverse=True)))
    return pattern, {name: tuple(concepts) for name, concepts in by_name.items()}


@functools.cache
def _all_names() -> tuple[re.Pattern, dict[str, tuple[Concept, ...]]]:
    return _names(tuple(lexicon().chapters))


def _canonical(name: str) -> str:
    return re.sub(r"决算(?=总计|合计)", "", re.sub(r"[“”\"]", "", name)).replace("(", "(").replace(")", ")")


# --- reading a paragraph ------------------------------------------------------------


@dataclass
class _Token:
    start: int
    end: int
    kind: str  # money, percent, bare, unchanged, none, mention
    text: str
    mention: Mention | None = None


def read_paragraph(
    paragraph: Paragraph,
    chapters: Sequence[str],
    *,
    classify=None,
    reason_chapters: Sequence[str] = (),
    restated_as: dict[str, str] | None = None,
    carried: Carried | None = None,
) -> tuple[list[Reading], list[Unread], Carried | None]:
    """The readings of one paragraph, the amounts left unread and, when it ends on a name
    with no amount after it (a heading line "1.…(项)", or a line cut before its amount
    "…支出年初预算为"), that name and the words after it, for the next paragraph.

    ``chapters``: whose concept names are looked for; ``classify(text)`` (when given)
    returns the 类/款/项 mentions of the text as (start, end, Subject);
    ``reason_chapters``: whose concepts a reason may name with their change;
    ``carried``: what the paragraph before ended on, for a paragraph that goes on about
    it without naming it again ("年初预算为…万元").
    """
    text = paragraph.text
    mentions = _mentions(text, tuple(chapters), classify)
    reasons = _reason_spans(text, mentions)
    tokens = _tokens(text, mentions, reasons, tuple(chapters))
    readings: list[Reading] = []
    unread: list[Unread] = []
    subject: Subject | None = carried.subject if carried else None
    carried_words = carried.words if carried else ""
    named_at: int | None = None  # where the subject is named in this paragraph
    anchor = 0  # where the words before the next amount begin
    previous_end = 0  # where the amount before ends
    against_budget_at = -1  # where a comparison with the budget was stated: the rate after it is one too
    part_of: str | None = None  # the whole a name under 其中 is a part of, where it is not its income
    for index, token in enumerate(tokens):
        if token.kind == "mention":
            if not token.mention.is_base and not _inside(token.start, reasons):
                part_of = _income_part_of_other(text, subject, named_at, token) or _same_list(
                    text, part_of, named_at, token)
                subject, anchor, named_at = token.mention.subject, token.end, token.start
                against_budget_at = -1
            continue
        reason = _inside(token.start, reasons)
        if reason is not None:
            if token.kind in ("money", "percent"):
                found = _reason_change(paragraph, text, token, reason, reason_chapters)
                if found:
                    readings.append(found)
                elif token.kind == "money" and not _PER_UNIT.search(text[max(0, token.start - 6):token.start]):
                    readings.append(_explanatory(paragraph, subject, token, text, reason))
            continue
        if token.kind == "none":
            readings.append(_none_stated(paragraph, token))
            subject, anchor, named_at = token.mention.subject, token.end, token.start
            continue
        if token.kind == "malformed":
            unread.append(Unread(paragraph, token.text, token.start, f"'{token.text}' is not an amount this reader takes (a sign, a letter, two decimal points or an unknown unit)"))
            anchor = previous_end = token.end
            continue
        if subject is None:
            if token.kind in ("money", "bare"):
                unread.append(Unread(paragraph, token.text, token.start, "no concept is named before this amount"))
            anchor = token.end
            continue
        if part_of is not None:
            if token.kind in ("money", "bare"):
                unread.append(Unread(paragraph, token.text, token.start,
                                     f"a part of {part_of} under 其中, named as an income: no concept of this reader"))
            anchor = previous_end = token.end
            continue
        gap = _gap(text, anchor, token.start, reasons)
        if anchor == 0:
            gap = carried_words + gap
        if _phrases()["against_budget"].search(gap):
            against_budget_at = token.start
        elif against_budget_at >= 0 and SENTENCE_END.search(text, against_budget_at, token.start):
            against_budget_at = -1
        if against_budget_at >= 0 and token.kind == "percent":
            unread.append(Unread(paragraph, token.text, token.start, "a rate against the budget, not the prior year"))
            anchor = previous_end = token.end
            continue
        following = tokens[index + 1].start if index + 1 < len(tokens) else len(text)
        literal = _literal(text, named_at, previous_end, token, following)
        reading, why = _bind(paragraph, subject, token, gap, literal, restated_as or {})
        if reading is not None:
            readings.append(reading)
            if token.kind == "money" and (whole := _all_of(text, token, tokens[index + 1:], reading)):
                readings.append(whole)
        elif token.kind in ("money", "bare"):
            unread.append(Unread(paragraph, token.text, token.start, why))
            if why.startswith(_NOT_UNDERSTOOD):
                # words it does not know stand between the name and its amounts: what follows
                # ("…预算为8.00万元,支出决算为6.84万元") is not this name's either
                subject, named_at = None, None
        anchor = previous_end = token.end
    dangling = None
    if subject is not None and tokens and tokens[-1].kind == "mention" and not tokens[-1].mention.is_base:
        dangling = Carried(subject, "" if _inside(tokens[-1].start, reasons) else text[tokens[-1].end:])
    return _with_reasons(readings, text, reasons), unread, dangling


def _mentions(text: str, chapters: tuple[str, ...], classify) -> list[_Token]:
    """The names of concepts (and 类/款/项) in ``text``, leftmost and longest first."""
    names, concepts_by_name = _names(chapters)
    tokens: list[_Token] = []
    if classify is not None:
        for start, end, subject in classify(text):
            tokens.append(_Token(start, end, "mention", text[start:end], Mention(start, end, subject)))
    for match in names.finditer(text):
        if _overlaps(match.span(), tokens):
            continue
        subject = Subject(concepts_by_name[_canonical(match.group(0))])
        base = _after_share_word(text, match.start())
        tokens.append(_Token(match.start(), match.end(), "mention", match.group(0),
                             Mention(match.start(), match.end(), subject, is_base=base)))
    tokens += _elided_expenditure(text, tokens, concepts_by_name)
    return sorted(tokens, key=lambda t: t.start)


def _elided_expenditure(text: str, mentions: list[_Token], by_name: dict) -> list[_Token]:
    """"政府性基金预算财政拨款收入1,482.30万元,支出1,482.30万元": the 支出 after a 收入 of the
    same sentence, with the words they share left out, names that concept's expenditure."""
    found = []
    for mention in mentions:
        if not mention.text.endswith("收入"):
            continue
        name = _canonical(mention.text[:-2] + "支出")
        if name not in by_name:
            continue
        sentence_end = SENTENCE_END.search(text, mention.end)
        limit = sentence_end.start() if sentence_end else len(text)
        for match in re.finditer(r"(?<=[,;、])\s*(支出)(?=\s*\d)", text[:limit]):
            if match.start(1) > mention.end and not _overlaps(match.span(1), mentions + found):
                found.append(_Token(match.start(1), match.end(1), "mention", "支出",
                                    Mention(match.start(1), match.end(1), Subject(by_name[name]))))
    return found


def _overlaps(span: tuple[int, int], tokens: Iterable[_Token]) -> bool:
    return any(t.start < span[1] and span[0] < t.end for t in tokens)


def _tokens(text: str, mentions: list[_Token], reasons, chapters: tuple[str, ...]) -> list[_Token]:
    """Mentions, amounts, 持平 and none-statements (无…支出), in the order of the text."""
    tokens = list(mentions)
    for kind, pattern in (("money", MONEY), ("percent", PERCENT), ("bare", BARE), ("malformed", MALFORMED)):
        for match in re.finditer(pattern, text):
            if not _overlaps(match.span(), tokens):
                tokens.append(_Token(match.start(), match.end(), kind, match.group(0).strip()))
    phrases = _phrases()
    for match in phrases["unchanged"].finditer(text):
        if not _overlaps(match.span(), tokens):
            tokens.append(_Token(match.start(), match.end(), "unchanged", match.group(0)))
    covered = set()
    for match in phrases["none"].finditer(text):
        if _inside(match.start(), reasons) is not None:
            continue
        for stated in _none_subjects(text, match.end(), mentions, chapters):
            tokens.append(_Token(stated.start, stated.end, "none", text[match.start():stated.end], stated))
            covered.add(stated.start)
    # a none-statement stands for the mention it covers
    tokens = [t for t in tokens if not (t.kind == "mention" and t.start in covered)]
    return sorted(tokens, key=lambda t: (t.start, t.kind != "none"))


def _after_share_word(text: str, start: int) -> bool:
    """Whether a name at ``start`` follows 占 (…占本年支出合计的21.01%): it is the share's base."""
    before = text[max(0, start - 4):start]
    return bool(re.search(r"占(?:全部|全年)?$", before))


_LIST_SEPARATOR = re.compile(r"\s*(?:以及|、|和|及|与|或)\s*")


def _none_subjects(text: str, start: int, tokens: list[_Token], chapters: tuple[str, ...]) -> list[Mention]:
    """The mentions a none-word (无, 没有) applies to: a name within a few characters after it,
    with no punctuation in between ("无政府性基金预算财政拨款收入和支出"), and the names listed
    with it ("无上级补助收入、经营收入和附属单位上缴收入"), also where the list leaves out the
    words they share ("无政府性基金预算财政拨款收入、支出及年末结转和结余"). The list must end
    its clause, or go on with words no concept is called by ("…、支出及结转和结余,故本表无数据")."""
    mentions = [t for t in tokens if t.kind == "mention" and t.start >= start]
    if not mentions or mentions[0].start > start + 10 or re.search(r"[,;:。\d]", text[start:mentions[0].start]):
        return []
    first = mentions[0]
    listed = [first.mention]
    prefix = re.sub(r"(?:收入|支出|收支)$", "", first.text)
    _, by_name = _names(chapters)
    position = first.end
    while (separator := _LIST_SEPARATOR.match(text, position)) is not None:
        following = next((t for t in mentions if t.start == separator.end()), None)
        if following is not None:
            listed.append(following.mention)
            position = following.end
            continue
        elided = _elided_name(text, separator.end(), prefix, by_name)
        if elided is None:
            break
        name, end = elided
        listed.append(Mention(separator.end(), end, Subject(by_name[name])))
        position = end
    after = text[position:position + 6]
    if not re.match(r"(?:支出|费用|经费|的?情况)?(?:[,;:。(]|$)", after) and not _LIST_SEPARATOR.match(after):
        return []
    return listed


def _elided_name(text: str, position: int, prefix: str, by_name: dict) -> tuple[str, int] | None:
    """A list item that leaves out the words it shares with the first ("…收入、支出"): the name
    the prefix and the item make, and where the item ends."""
    best = None
    for name in by_name:
        if name.startswith(prefix) and len(name) > len(prefix):
            rest = name[len(prefix):]
            if text.startswith(rest, position) and (best is None or len(rest) > len(best[0][len(prefix):])):
                best = name, position + len(rest)
    return best


def _reason_spans(text: str, mentions: list[_Token]) -> list[tuple[int, int]]:
    """(start, end) of every reason (to the end of its sentence or a semicolon) and every
    purpose (the same, but ending where a concept or a 类/款/项 is named)."""
    phrases = _phrases()
    lead_ins = [m.span() for m in phrases["lead_in"].finditer(text)]
    found = [(m, "reason") for m in phrases["reason"].finditer(text)]
    found += [(m, "purpose") for m in phrases["purpose"].finditer(text) if not _within(m.start(), lead_ins)]
    spans: list[tuple[int, int]] = []
    for match, kind in sorted(found, key=lambda f: f[0].start()):
        if spans and match.start() < spans[-1][1] or _overlaps(match.span(), mentions):
            continue  # inside a reason already, or words of a name ("车辆购置税用于农村公路建设支出")
        end = match.end() + re.search(r"[;。]|$", text[match.end():]).start()
        if kind == "purpose":
            end = min([end] + [t.start for t in mentions if match.end() <= t.start < end])
        spans.append((match.start(), end))
    return spans


def _within(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _inside(position: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next((s for s in spans if s[0] <= position < s[1]), None)


def _gap(text: str, start: int, end: int, reasons) -> str:
    """The words between a name (or the amount before) and an amount, reasons cut out."""
    pieces, position = [], start
    for s, e in reasons:
        if e <= start or s >= end:
            continue
        pieces.append(text[position:max(position, s)])
        position = max(position, e)
    pieces.append(text[position:end])
    return "".join(pieces)


@dataclass
class _Gap:
    """What the words of a gap say."""

    budget: bool = False
    executed: bool = False
    increase: bool = False
    decrease: bool = False
    either: bool = False
    share: bool = False
    completion: bool = False
    compared: bool = False
    against_budget: bool = False
    base: str | None = None
    restated_as: str | None = None
    left: str = ""


def _understand(gap: str, restated_as: dict[str, str]) -> _Gap:
    """Take the known words out of a gap; what is ``left`` was not understood."""
    found = _Gap()
    phrases = _phrases()
    text = gap
    if (match := phrases["against_budget"].search(text)):
        found.against_budget = True
        text = text[:match.start()] + text[match.end():]
    if phrases["compared"].search(text):  # "比2019年", "与上年相比": the year is part of the phrase
        found.compared = True
        text = phrases["compared"].sub(" ", text)
    text = re.sub(r"\d{4}年度?", " ", text)  # any other year stands anywhere (before 年度 is taken as a word)
    for word, tag in sorted(restated_as.items(), key=lambda item: -len(item[0])):
        if word in text:
            found.restated_as = tag
            break
    # the base of a share: "占本年支出合计的" names a concept of any chapter
    if (share := phrases["share"].search(text)):
        names, by_name = _all_names()
        base = names.search(text, share.end())
        if base:  # the fact the name states: 本年支出合计 is 三's total, whichever chapter restates it
            concept = by_name[_canonical(base.group(0))][0]
            found.base = concept.same_as or concept.key
            text = text[:base.start()] + text[base.end():]
    for kind in ("either", "completion", "budget", "executed", "increase", "decrease", "share"):
        pattern = phrases[kind]
        if pattern.search(text):
            setattr(found, kind, True)
            text = pattern.sub(" ", text)
    text = phrases["lead_in"].sub(" ", text)
    text = phrases["filler"].sub(" ", text)
    found.left = _NEUTRAL.sub("", text).strip()
    return found


def _bind(paragraph, subject: Subject, token: _Token, gap_text: str, literal: str, restated_as) -> tuple[Reading | None, str]:
    gap = _understand(gap_text, restated_as)
    if gap.left:
        return None, f"{_NOT_UNDERSTOOD}: '{gap.left}'"
    if "支出" in gap_text and subject.concepts and all(c.flow == "revenue" for c in subject.concepts):
        # "一般公共预算财政拨款支出29391.46万元": a budget type's spending, not its income
        return None, "支出 after the name of an income"
    if gap.against_budget:
        return None, "a change against the budget, not the prior year"
    common = {"subject": subject, "paragraph": paragraph, "amount": token.text, "start": token.start, "end": token.end, "literal": literal}
    if token.kind == "unchanged":
        if gap.budget or gap.executed and "预算" in gap_text:
            return None, "unchanged against the budget"
        return Reading(kind=CHANGE, unchanged=True, **common), ""
    if gap.either and not _zero(token.text):
        return None, f"a change printed with both directions ({gap_text.strip()}) for a non-zero value"
    if token.kind == "percent":
        if gap.increase or gap.decrease or gap.either:
            return Reading(kind=GROWTH, negative=gap.decrease, **common), ""
        if gap.share:
            return Reading(kind=SHARE, base=gap.base, **common), ""
        if gap.completion:
            return Reading(kind=COMPLETION, **common), ""
        return None, "a percentage with no word saying what it is"
    if gap.share or gap.completion:
        return None, "an amount after 占/完成"
    if gap.increase or gap.decrease or gap.either:
        if gap.budget and not gap.compared:
            return None, "a change against the budget, not the prior year"
        return Reading(kind=CHANGE, negative=gap.decrease and not gap.increase, **common), ""
    phase = BUDGETED if gap.budget and not gap.executed else EXECUTED
    if token.kind == "bare" and not re.fullmatch(r"0+(?:\.0+)?", token.text) and "." not in token.text:
        return None, "a number without a unit"
    return Reading(kind=VALUE, phase=phase, restated_as=gap.restated_as, **common), ""


_NOT_UNDERSTOOD = "words between the name and the amount not understood"
_INCOME_CATEGORIES = ("income_by_source", "income_total")


def _same_list(text: str, part_of: str | None, named_at: int | None, token) -> str | None:
    """The whole of the list a name goes on ("…,政府性基金预算财政拨款1180万元" after its
    一般公共预算 part), in the same sentence."""
    if part_of is None or named_at is None or SENTENCE_END.search(text[named_at:token.start]):
        return None
    parts = token.mention.subject.concepts
    return part_of if parts and all(c.category == "income_by_source" for c in parts) else None


def _income_part_of_other(text: str, whole: Subject | None, named_at: int | None, token) -> str | None:
    """The key of the whole a name is a part of, when the sentence names that whole, then
    其中, then an income by budget ("年初财政拨款结转和结余1180万元,其中:一般公共预算财政拨款0万元"):
    the budget's share of the balance, not its income. None otherwise."""
    if whole is None or named_at is None or not whole.concepts:
        return None
    between = text[named_at:token.start]
    if "其中" not in between or SENTENCE_END.search(between):
        return None
    parts = token.mention.subject.concepts
    if parts and all(c.category == "income_by_source" for c in parts) and not any(
            c.category in _INCOME_CATEGORIES or c.flow == "revenue" and c.category == "grand_total"
            for c in whole.concepts):
        return whole.keys[0]
    return None
# "本年收入合计32106.45万元,全部为财政拨款收入" / "财政拨款收入17,611.34万元,占98.92%(均为一般公共预算
# 财政拨款收入)": the amount before is all of the concept named next.
_ALL_OF = re.compile(r"[,(]?\s*(?:均为|全部为|全部是|全为|均是|全部来源于|均来源于)\s*$")


def _all_of(text: str, token: _Token, following: list[_Token], reading: Reading) -> Reading | None:
    """A statement that the amount just read is all of another concept, named right after it
    (with at most a share between): that concept's reading, with the same amount."""
    if reading.kind != VALUE or reading.phase != EXECUTED:
        return None
    for later in following:
        if later.kind == "percent" and SHARE_WORD.search(text, token.end, later.start):
            continue
        if later.kind != "mention" or SENTENCE_END.search(text, token.end, later.start):
            return None
        between = re.sub(r"[,;]?\s*占\s*[\d.]+\s*%\s*", "", text[token.end:later.start])
        concepts = later.mention.subject.concepts
        if not (_ALL_OF.search(between) or not concepts and later.mention.subject.code and _IS_ITEM.fullmatch(between)):
            return None
        if concepts and all(c.flow == "revenue" for c in concepts) and text.startswith("支出", later.end):
            return None  # "全部为一般公共预算财政拨款支出": the budget type's spending, not its income
        literal = text[token.start:later.end]
        return Reading(kind=VALUE, subject=later.mention.subject, paragraph=reading.paragraph,
                       amount=token.text, start=token.start, end=token.end, literal=literal, all_of=True)
    return None


# "政府性基金预算财政拨款支出198.50万元,为其他支出(类)彩票公益金安排的支出(款)用于教育事业的彩票公益金
# 支出(项)": the amount is that 类/款/项's (said with 为 only of a classification, never of a concept)
_IS_ITEM = re.compile(r"[,]\s*为\s*")
SHARE_WORD = re.compile(r"占")


def _zero(amount: str) -> bool:
    number = re.match(NUMBER, amount)
    return bool(number) and not re.search(r"[1-9]", number.group(0))


def _none_stated(paragraph: Paragraph, token: _Token) -> Reading:
    literal = _literal(paragraph.text, None, 0, token)
    return Reading(kind=VALUE, subject=token.mention.subject, paragraph=paragraph, amount="无",
                   start=token.start, end=token.end, literal=literal, none_stated=True)


def _reason_change(paragraph, text: str, token: _Token, reason: tuple[int, int], chapters) -> Reading | None:
    """'主要原因是基本支出增加52.22万元': a change of a concept named in the reason."""
    if not chapters or token.kind != "money":
        return None
    names, by_name = _names(tuple(chapters))
    named = [m for m in names.finditer(text, reason[0], token.start)]
    if not named:
        return None
    name = named[-1]
    gap = _understand(text[name.end():token.start], {})
    if gap.left or not (gap.increase or gap.decrease) or gap.budget:
        return None
    return Reading(
        kind=CHANGE, subject=Subject(by_name[_canonical(name.group(0))]), paragraph=paragraph,
        amount=token.text, start=token.start, end=token.end, literal=text[name.start():token.end],
        negative=gap.decrease, in_reason=True,
    )


def _explanatory(paragraph, subject: Subject | None, token: _Token, text: str, reason) -> Reading:
    return Reading(
        kind=VALUE, subject=subject or Subject(), paragraph=paragraph, amount=token.text,
        start=token.start, end=token.end, literal=_reason_text(text, reason), phase=BUDGETED, in_reason=True,
    )


def _with_reasons(readings: list[Reading], text: str, reasons) -> list[Reading]:
    """Changes, growth and completion rates with the reason that explains them: the reason
    stated in their sentence after them ("完成预算76.98%,决算数小于预算数的主要原因是…"),
    or in the sentence right after theirs ("…增长19.85%。主要变动原因是…")."""
    sentences = [0] + [m.end() for m in SENTENCE_END.finditer(text)]

    def sentence_of(position: int) -> int:
        return max(i for i, start in enumerate(sentences) if start <= position)

    explained: dict[int, str] = {}
    kinds = (CHANGE, GROWTH, COMPLETION)
    for span in reasons:
        sentence = sentence_of(span[0])
        same = [i for i, r in enumerate(readings)
                if r.kind in kinds and not r.in_reason and r.end <= span[0] and sentence_of(r.start) == sentence]
        if not same and sentence > 0:
            same = [i for i, r in enumerate(readings)
                    if r.kind in kinds and not r.in_reason and sentence_of(r.start) == sentence - 1]
        for i in same:
            explained.setdefault(i, _reason_text(text, span))
    return [_replace(r, reason=explained[i]) if i in explained else r for i, r in enumerate(readings)]


def _reason_text(text: str, span: tuple[int, int]) -> str:
    start = span[0]
    # "决算数小于预算数的主要原因是…": the comparison that the reason explains belongs to it
    lead = re.search(r"决算数?[大小等]于预算数?的?$", text[:start])
    if lead:
        start = lead.start()
    return text[start:span[1]].strip()


def _replace(reading: Reading, **changes) -> Reading:
    from dataclasses import replace

    return replace(reading, **changes)


def _literal(text: str, named_at: int | None, previous_end: int, token: _Token, following: int | None = None) -> str:
    """The clause of an amount (between the punctuation marks around it), from the clause
    where its subject is named when that is earlier in the same sentence; never reaching
    back over the amount before it."""
    def clause_start(position: int) -> int:
        while position > 0 and text[position - 1] not in CLAUSE_BREAKS:
            position -= 1
        return position

    left = clause_start(token.start)
    if named_at is not None and named_at < left and not SENTENCE_END.search(text, named_at, token.start):
        left = clause_start(named_at)
    left = max(left, previous_end)
    right = token.end
    limit = len(text) if following is None else max(following, token.end)
    while right < limit and text[right] not in CLAUSE_BREAKS:
        right += 1
    return text[left:right].strip(" 、,;:")
