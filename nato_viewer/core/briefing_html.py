"""A Briefing as HTML: the subset QTextDocument lays out (for the PDF and the print preview), or a
standalone page for a browser (`nato-viewer brief --format html`).

Every string that comes from a document or the user goes through `html.escape`; the CSS keeps to
what QTextDocument supports (no floats, no flexbox, borders on tables and cells only).
"""

from __future__ import annotations

import base64
from html import escape

from nato_viewer.core.briefing import Briefing, BriefingEvent, SourceRef, quotation
from nato_viewer.core.i18n import _, ngettext, use_language

NAVY = "#14284b"
INK = "#1e1e1e"
MUTED = "#5c6370"
RULE = "#c5cad3"
SHADE = "#eef1f5"
ACCENT = "#a8232d"  # a thin red line under the masthead, as on many ministry letterheads

FONTS = "'Liberation Sans', Arial, Helvetica, 'Nimbus Sans', 'DejaVu Sans', sans-serif"

STYLE = f"""
body {{ font-family: {FONTS}; font-size: 9.5pt; color: {INK}; }}
p {{ margin-top: 0; margin-bottom: 0; }}
.masthead {{ font-size: 8pt; color: {MUTED}; }}
.masthead-l {{ font-weight: bold; color: {NAVY}; }}
h1 {{ font-size: 17pt; font-weight: bold; color: {NAVY}; margin-top: 10px; margin-bottom: 8px; }}
h2 {{ font-size: 11.5pt; font-weight: bold; color: {NAVY}; margin-top: 16px; margin-bottom: 2px; }}
.meta {{ border-collapse: collapse; margin-bottom: 8px; }}
.meta td {{ padding: 3px 8px 3px 8px; vertical-align: top; background-color: {SHADE}; }}
.meta-k {{ color: {MUTED}; }}
.figure {{ margin-top: 6px; }}
.caption {{ font-size: 8pt; color: {MUTED}; margin-top: 2px; margin-bottom: 4px; }}
.ev-rule {{ margin-top: 10px; margin-bottom: 0; }}
.ev-head {{ margin-top: 4px; margin-bottom: 0; font-size: 10pt; font-weight: normal; }}
.ev-date {{ font-size: 10pt; font-weight: bold; color: {NAVY}; }}
.ev-kind {{ font-size: 8pt; color: {MUTED}; text-transform: uppercase; }}
.ev-ref {{ font-size: 8pt; color: {MUTED}; }}
.ev-source {{ font-size: 7.5pt; color: {MUTED}; margin-top: 5px; }}
.headline {{ font-size: 10pt; margin-top: 3px; margin-bottom: 2px; }}
.headline-title {{ font-size: 10pt; font-weight: bold; margin-top: 3px; margin-bottom: 2px; }}
.summary {{ color: #3a3f47; margin-bottom: 2px; }}
.label {{ font-size: 8pt; font-weight: bold; color: {MUTED}; text-transform: uppercase;
          margin-top: 7px; margin-bottom: 3px; }}
.grid {{ border-collapse: collapse; }}
.grid th {{ background-color: {SHADE}; color: {NAVY}; font-size: 8pt; font-weight: bold; text-align: left;
            padding: 3px 6px; border-bottom: 1px solid {RULE}; border-top: 1px solid {RULE}; }}
.grid td {{ padding: 3px 6px; border-bottom: 1px solid {RULE}; vertical-align: top; }}
.value {{ font-weight: bold; white-space: nowrap; }}
.written {{ color: {MUTED}; font-style: italic; }}
.quote {{ font-style: italic; margin-left: 14px; margin-top: 2px; }}
.speaker {{ color: {MUTED}; font-size: 8.5pt; margin-left: 14px; margin-bottom: 3px; }}
.countries {{ margin-top: 1px; }}
.src td {{ padding: 2px 6px 2px 0px; vertical-align: top; font-size: 8.5pt; }}
.src-n {{ color: {NAVY}; font-weight: bold; }}
.src-file {{ color: {MUTED}; }}
.empty {{ color: {MUTED}; font-style: italic; margin-top: 8px; }}
"""

# A browser gets the same look plus what only browsers understand.
BROWSER_STYLE = """
body { max-width: 180mm; margin: 16mm auto; line-height: 1.35; }
table { border-collapse: collapse; }
.grid, .meta, .src { width: 100%; }
@page { margin: 18mm 20mm 20mm 20mm; }
@media print { body { margin: 0; max-width: none; } }
"""


def e(text: object) -> str:
    return escape(str(text), quote=True)


def tag(name: str, text: str, cls: str | None = None) -> str:
    """One element holding escaped text."""
    attr = f' class="{cls}"' if cls else ""
    return f"<{name}{attr}>{e(text)}</{name}>"


def _header_row(*labels: str) -> str:
    return "<thead><tr>" + "".join(tag("th", label) for label in labels) + "</tr></thead>"


def quoted(text: str, lang: str) -> str:
    return quotation(e(text), lang)


def render_html(
    briefing: Briefing,
    image_src: str | None = None,
    image_size: tuple[int, int] = (640, 170),
    standalone: bool = False,
) -> str:
    """The briefing as one HTML string; `image_src` is the timeline figure's URL (resource or data: URI)."""
    with use_language(briefing.lang):
        parts = [_head(briefing, standalone)]
        parts.append(_masthead(briefing))
        parts.append(f"<h1>{e(briefing.title)}</h1>")
        parts.append(_meta(briefing))
        if image_src and briefing.events:
            w, h = image_size
            alt = e(_("Timeline of the events covered"))
            parts.append(
                f'<p class="figure"><img src="{e(image_src)}" width="{int(w)}" height="{int(h)}" alt="{alt}"></p>'
            )
            parts.append(tag("p", _("Timeline of the events covered, by kind."), "caption"))
        parts.append(tag("h2", _("Events")))
        if not briefing.events:
            parts.append(tag("p", _("No event matches this selection."), "empty"))
        sources = {s.number: s for s in briefing.sources}
        for event in briefing.events:
            parts.append(_event(event, sources.get(event.source), briefing.lang))
        parts.append(_sources(briefing))
        parts.append("</body></html>")
        return "\n".join(parts)


def render_standalone_html(briefing: Briefing, timeline_png: bytes | None = None,
                           image_size: tuple[int, int] = (640, 170)) -> str:
    """A self-contained page (the figure inlined as a data: URI), for `--format html`."""
    src = "data:image/png;base64," + base64.b64encode(timeline_png).decode("ascii") if timeline_png else None
    return render_html(briefing, src, image_size, standalone=True)


def _head(briefing: Briefing, standalone: bool) -> str:
    style = STYLE + (BROWSER_STYLE if standalone else "")
    return (
        f'<!DOCTYPE html><html lang="{e(briefing.lang)}"><head><meta charset="utf-8">'
        f"<title>{e(briefing.title)}</title><style>{style}</style></head><body>"
    )


def _masthead(briefing: Briefing) -> str:
    rule = f"padding-bottom: 4px; border-bottom: 2px solid {ACCENT};"
    left, right = e(_("BRIEFING NOTE")), e(_("NATO and defence news"))
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" class="masthead" '
        'style="border-collapse: collapse;">'
        f'<tr><td class="masthead-l" style="{rule}">{left}</td>'
        f'<td align="right" style="{rule}">{right}</td></tr></table>'
    )


def _meta(briefing: Briefing) -> str:
    rows = [
        (_("Period covered"), briefing.period_text),
        (_("Selection"), briefing.query_text),
        (_("Printed on"), briefing.printed_text),
        (_("Contents"), briefing.counts_text()),
    ]
    cells = "".join(
        f'<tr><td class="meta-k" width="22%">{e(k)}</td><td>{e(v)}</td></tr>' for k, v in rows
    )
    return f'<table class="meta" width="100%" cellspacing="0" cellpadding="0">{cells}</table>'


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _event(event: BriefingEvent, source: SourceRef | None, lang: str) -> str:
    out = [
        f'<hr class="ev-rule" style="background-color: {RULE};">',  # QTextDocument draws a rule in that colour
        f'<h3 class="ev-head"><span class="ev-date">{e(_capitalised(event.date_text))}</span>&nbsp;&nbsp; '
        f'<span class="ev-kind">{e(event.kind_text)}</span>&nbsp;&nbsp; '
        f'<span class="ev-ref">[{event.source}]</span></h3>',
        # a real title is set in bold; a sentence read from the text stays in roman, like a quotation of it
        f'<p class="{"headline-title" if event.summary else "headline"}">{e(event.headline)}</p>',
    ]
    if event.summary:
        out.append(f'<p class="summary">{e(event.summary)}</p>')
    if event.figures:
        out.append(tag("h4", _("Key figures"), "label"))
        out.append(_grid(_("Figure"), _("As written in the source"), [
            (e(f.value_text), f'<span class="written">{quoted(f.as_written, lang)}</span>') for f in event.figures
        ]))
    if event.quotes:
        out.append(tag("h4", ngettext("Quote", "Quotes", len(event.quotes)), "label"))
        for q in event.quotes:
            out.append(f'<p class="quote">{quoted(q.text, lang)}</p>')
            who = ", ".join(x for x in (q.speaker, q.role) if x) or _("speaker not named")
            out.append(f'<p class="speaker">— {e(who)}</p>')
    if event.pledges:
        out.append(tag("h4", _("Pledging countries"), "label"))
        out.append(_grid(_("Country"), _("What it pledged"), [
            (e(p.country), e("; ".join(p.pledged)) if p.pledged else _unstated()) for p in event.pledges
        ]))
    if event.countries:
        names = ", ".join(
            f"{e(c.country)} <span class=\"written\">({e(', '.join(c.roles))})</span>" if c.roles else e(c.country)
            for c in event.countries
        )
        out.append(tag("h4", _("Countries named"), "label") + f'<p class="countries">{names}</p>')
    if source is not None:
        title = source.title if len(source.title) <= 90 else source.title[:89].rstrip() + "…"
        ref = _("Source [{n}]: {title} — {file}, {date}").format(
            n=source.number, title=title or source.file_name, file=source.file_name, date=source.date_text)
        out.append(f'<p class="ev-source">{e(ref)}</p>')
    return "\n".join(out)


def _grid(left: str, right: str, rows: list[tuple[str, str]]) -> str:
    """A two-column table with a header row; cells are HTML already escaped by the caller."""
    body = "".join(f'<tr><td class="value" width="34%">{a}</td><td>{b}</td></tr>' for a, b in rows)
    return (
        '<table class="grid" width="100%" cellspacing="0" cellpadding="0">'
        + _header_row(left, right)
        + f"{body}</table>"
    )


def _unstated() -> str:
    return tag("span", _("not stated in the source"), "written")


def _sources(briefing: Briefing) -> str:
    if not briefing.sources:
        return ""
    rows = "".join(
        f'<tr><td class="src-n" width="6%">[{s.number}]</td>'
        f'<td>{e(s.title or s.file_name)}<br><span class="src-file">{e(s.file_name)} · {e(s.date_text)}</span>'
        f"</td></tr>"
        for s in briefing.sources
    )
    return (
        tag("h2", _("Sources"))
        + f'<table class="src" width="100%" cellspacing="0" cellpadding="0">{rows}</table>'
    )
