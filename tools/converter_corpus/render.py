"""A ``Report`` as the HTML page a publisher would put online.

The three standard tables keep the template's merged cells (rowspan/colspan as the official
template draws them); narrative, section headings and the title are ``<p>`` paragraphs. A
``Style`` chosen per page varies what real pages vary and converters redraw differently: how a
blank cell is written, what wraps the text inside a cell, headers broken by ``<br>``, labels
and numbers cut into adjacent ``<span>``s, a long label over two paragraphs, a title over two
paragraphs. Every label comes from the library's edition specs: labels are facts of the
template, not of this script.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from govinfo_report import Report, flatten
from govinfo_report.model.editions import (
    APPLICANTS,
    APPLICATION_COLUMNS,
    APPLICATION_NOTE,
    DISCLOSURE_HEADER,
    EDITIONS,
    LEGAL_PERSONS,
    LITIGATION,
    OUTCOMES_PART,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    join_key,
)
from govinfo_report.model.keys import Value
from govinfo_report.model.numerals import to_chinese
from govinfo_report.model.report import Block, GenericTable, Paragraph, TableSlot

TITLE_TAIL = "政府信息公开工作年度报告"
DISCLOSURE_WIDTH = 4  # 信息内容 + at most three value columns: narrower items span the rest


@dataclass(frozen=True)
class Style:
    """How one page writes its cells; each field is a way real pages differ."""

    blank: str = "nbsp"  # "nbsp": &nbsp; in the cell; "empty": nothing at all; "slash": /
    wrap: str = "p"  # cell text inside "p", "span", "p-span" (<p><span>…) or "bare"
    header_br: bool = False  # long headers broken by <br>: 本年新<br>制作数量
    header_two_p: bool = False  # table 三's legal-person headers as two <p>: 商业 / 企业
    label_spans: bool = False  # long labels cut into two adjacent <span>s
    number_spans: bool = False  # numbers of two digits or more cut into adjacent <span>s
    wrap_labels: bool = False  # labels over 20 characters as two lines
    label_break: str = "p"  # how a wrapped label's lines are split: "p" (two <p>) or "br"
    title_split: bool = False  # …2022年 / 政府信息公开工作年度报告 as two <p>
    amount_unit: bool = False  # 采购总金额 written with its unit: 251000.00<span>元</span>
    border: bool = True
    pretty: bool = False  # source indented, each cell on its own line (else cells touch)
    plus_sign: bool = False  # a rise in 本年增/减 written with its sign: +14

    @staticmethod
    def draw(rng: random.Random) -> Style:
        """A style with each variation drawn independently from ``rng``."""
        return Style(
            blank=rng.choice(("nbsp", "nbsp", "empty", "empty", "slash")),
            wrap=rng.choice(("p", "span", "p-span", "bare")),
            header_br=rng.random() < 0.6,
            header_two_p=rng.random() < 0.3,
            label_spans=rng.random() < 0.4,
            number_spans=rng.random() < 0.4,
            wrap_labels=rng.random() < 0.4,
            label_break=rng.choice(("p", "br")),
            title_split=rng.random() < 0.4,
            amount_unit=rng.random() < 0.3,
            border=rng.random() < 0.8,
            pretty=rng.random() < 0.4,
            plus_sign=rng.random() < 0.4,
        )


def number_text(value: int | Decimal) -> str:
    """A cell value as a publisher prints it: amounts in fixed point, never 1E+3."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


class _Page:
    """The renderer for one report in one style."""

    def __init__(self, report: Report, style: Style) -> None:
        self.report = report
        self.style = style
        self.flat = flatten(report)
        self.spec = EDITIONS[report.edition]

    # --- cells ---------------------------------------------------------------------------

    def wrap(self, inner: str) -> str:
        how = self.style.wrap
        if how == "p":
            return f"<p>{inner}</p>"
        if how == "span":
            return f"<span>{inner}</span>"
        if how == "p-span":
            return f"<p><span>{inner}</span></p>"
        return inner

    def td(self, inner: str, colspan: int = 1, rowspan: int = 1) -> str:
        span = (f' colspan="{colspan}"' if colspan > 1 else "") + (
            f' rowspan="{rowspan}"' if rowspan > 1 else ""
        )
        return f'<td valign="middle"{span}>{inner}</td>'

    def label(self, text: str, colspan: int = 1, rowspan: int = 1) -> str:
        """A label cell: wrapped over two paragraphs or cut into spans, as the style says."""
        if self.style.wrap_labels and len(text) > 20:
            head, tail = escape(text[:20]), escape(text[20:])
            if self.style.label_break == "br":
                return self.td(self.wrap(f"{head}<br>{tail}"), colspan, rowspan)
            return self.td(f"<p>{head}</p><p>{tail}</p>", colspan, rowspan)
        if self.style.label_spans and len(text) > 6:
            cut = len(text) // 2
            inner = f"<span>{escape(text[:cut])}</span><span>{escape(text[cut:])}</span>"
        else:
            inner = escape(text)
        return self.td(self.wrap(inner), colspan, rowspan)

    def header(self, text: str, colspan: int = 1, rowspan: int = 1) -> str:
        """A column header: broken by <br> in its middle when the style says so."""
        if self.style.header_br and len(text) > 3:
            cut = len(text) // 2
            inner = f"{escape(text[:cut])}<br>{escape(text[cut:])}"
            return self.td(self.wrap(inner), colspan, rowspan)
        return self.td(self.wrap(escape(text)), colspan, rowspan)

    def value(self, key: str, colspan: int = 1) -> str:
        """The cell of ``key``: its number, or a blank written the style's way."""
        value: Value = self.flat[key]
        if value is None:
            inner = {"nbsp": "&nbsp;", "slash": "/"}.get(self.style.blank, "")
            return self.td(self.wrap(inner) if inner or self.style.wrap != "bare" else "", colspan)
        text = number_text(value)
        if self.style.plus_sign and key.endswith(".change") and value > 0:
            text = f"+{text}"
        if self.style.number_spans and len(text) > 1:
            cut = len(text) // 2
            inner = f"<span>{text[:cut]}</span><span>{text[cut:]}</span>"
        else:
            inner = text
        if self.style.amount_unit and key == "active_disclosure.procurement.amount":
            inner += "<span>元</span>"
        return self.td(self.wrap(inner), colspan)

    # --- tables --------------------------------------------------------------------------

    def table(self, rows: list[str]) -> str:
        border = ' border="1"' if self.style.border else ""
        if self.style.pretty:
            rows = [row.replace("</td><td", "</td>\n  <td") for row in rows]
            body = "\n".join(f"<tr>\n  {row}\n</tr>" for row in rows)
        else:
            body = "\n".join(f"<tr>{row}</tr>" for row in rows)
        return f'<table{border} cellspacing="0" cellpadding="0">\n{body}\n</table>'

    def disclosure(self) -> str:
        rows: list[str] = []
        for item in self.spec.items:
            spare = DISCLOSURE_WIDTH - 1 - len(item.columns)
            rows.append(self.label(item.caption, colspan=DISCLOSURE_WIDTH))
            heads = [self.label(DISCLOSURE_HEADER)]
            for index, column in enumerate(item.columns):
                last = index == len(item.columns) - 1
                heads.append(self.header(column.label, colspan=1 + spare if last else 1))
            rows.append("".join(heads))
            for row in item.rows:
                cells = [self.label(row.label)]
                for index, column in enumerate(item.columns):
                    last = index == len(item.columns) - 1
                    key = join_key("active_disclosure", row.key, column.key)
                    cells.append(self.value(key, colspan=1 + spare if last else 1))
                rows.append("".join(cells))
        return self.table(rows)

    def legal_person_header(self, text: str) -> str:
        if self.style.header_two_p and len(text) > 2:
            return self.td(f"<p>{escape(text[:2])}</p><p>{escape(text[2:])}</p>")
        return self.header(text)

    def applications(self) -> str:
        width = len(APPLICATION_COLUMNS)
        natural, *legal, total = APPLICATION_COLUMNS
        rows = [
            self.label(APPLICATION_NOTE, colspan=3, rowspan=3)
            + self.label(APPLICANTS, colspan=width),
            self.header(natural.label, rowspan=2)
            + self.label(LEGAL_PERSONS, colspan=len(legal))
            + self.header(total.label, rowspan=2),
            "".join(self.legal_person_header(column.label) for column in legal),
        ]
        outcome_rows = [r for r in self.spec.application_rows if r.part == OUTCOMES_PART]
        group_sizes: dict[str, int] = {}
        for row in outcome_rows:
            if row.group:
                group_sizes[row.group] = group_sizes.get(row.group, 0) + 1
        seen: set[str] = set()
        for row in self.spec.application_rows:
            cells = ""
            if row.part != OUTCOMES_PART:
                cells += self.label(row.label, colspan=3)
            else:
                if row is outcome_rows[0]:
                    cells += self.label(OUTCOMES_PART, rowspan=len(outcome_rows))
                if not row.group:
                    cells += self.label(row.label, colspan=2)
                else:
                    if row.group not in seen:
                        seen.add(row.group)
                        cells += self.label(row.group, rowspan=group_sizes[row.group])
                    cells += self.label(row.label)
            cells += "".join(
                self.value(join_key("applications", row.key, column.key))
                for column in APPLICATION_COLUMNS
            )
            rows.append(cells)
        return self.table(rows)

    def review(self) -> str:
        leaves = len(REVIEW_LEAVES)
        first, *litigation = REVIEW_GROUPS
        rows = [
            self.label(first.label, colspan=leaves)
            + self.label(LITIGATION, colspan=leaves * len(litigation)),
            "".join(self.header(leaf.label, rowspan=2) for leaf in REVIEW_LEAVES)
            + "".join(self.label(group.label, colspan=leaves) for group in litigation),
            "".join(self.header(leaf.label) for _ in litigation for leaf in REVIEW_LEAVES),
            "".join(
                self.value(join_key("review_litigation", group.key, leaf.key))
                for group in REVIEW_GROUPS
                for leaf in REVIEW_LEAVES
            ),
        ]
        return self.table(rows)

    def generic(self, table: GenericTable) -> str:
        rows = [
            self.label(row.label) + "".join(self.td(self.wrap(escape(c))) for c in row.cells)
            for row in table.rows
        ]
        return self.table(rows)

    # --- the page ------------------------------------------------------------------------

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return f"<p>{escape(block.text)}</p>"
        if isinstance(block, TableSlot):
            make = {
                "active_disclosure": self.disclosure,
                "applications": self.applications,
                "review_litigation": self.review,
            }[block.table]
            return make()
        return self.generic(block)

    def title(self) -> list[str]:
        title = self.report.title
        if title is None:
            return []
        if self.style.title_split and title.endswith(TITLE_TAIL) and title != TITLE_TAIL:
            head = title.removesuffix(TITLE_TAIL)
            return [f"<p>{escape(head)}</p>", f"<p>{TITLE_TAIL}</p>"]
        return [f"<p>{escape(title)}</p>"]

    def html(self) -> str:
        parts = [f"<p>{escape(line)}</p>" for line in self.report.front_matter]
        parts += self.title()
        parts += [self.block(block) for block in self.report.intro]
        for section in self.report.sections:
            parts.append(f"<p>{to_chinese(section.number)}、{escape(section.title)}</p>")
            parts += [self.block(block) for block in section.body]
        head = escape(self.report.title or "政府信息公开")
        body = "\n".join(parts)
        return (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{head}</title></head>\n<body>\n{body}\n</body></html>\n"
        )


def render(report: Report, style: Style) -> str:
    """The HTML page of ``report`` written in ``style``."""
    return _Page(report, style).html()
