"""Charts as inline SVG, drawn on the server: no script, no web font, no CDN — they print and work on an offline LAN.

Each function returns markup for a Jinja2 template, its titles and legends already in the viewer's language (`lang`
writes the figures and the few words a chart adds itself). Colours come from one palette readable by colour-blind people
(Okabe–Ito) and every chart is paired with a table in the page, so no figure is carried by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from gn_hq.console.i18n import Lang

#: Okabe–Ito: distinguishable with the common colour-vision deficiencies
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999")


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: Sequence[int]


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 13, weight: str = "normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" font-weight="{weight}">'
        f"{escape(text)}</text>"
    )


def _tip(lang: Lang, category: str, label: str, value: str) -> str:
    """A bar's tooltip: « SDN — Placées : 12 » / "SDN — Placed: 12"."""
    return lang._("{category} — {series} : {value}").format(category=category, series=label, value=value)


def grouped_bars(
    title: str, categories: Sequence[str], series: Sequence[Series], *, lang: Lang, width: int = 560
) -> Markup:
    """Horizontal bars, one group per category (a campus), one bar per series, the value written after each bar."""
    label_w, bar_h, gap, top = 150, 14, 10, 30
    plot_w = width - label_w - 60
    peak = max([1, *(v for s in series for v in s.values)])
    group_h = bar_h * len(series) + gap
    height = top + group_h * len(categories) + 24
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    x = float(label_w)
    for i, s in enumerate(series):  # legend
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x:.1f}" y="6" width="12" height="12" fill="{colour}"/>')
        parts.append(_text(x + 16, 17, s.label, size=12))
        x += 24 + 7.5 * len(s.label)
    for g, category in enumerate(categories):
        y0 = top + g * group_h
        parts.append(_text(label_w - 8, y0 + bar_h * len(series) / 2 + 4, category, anchor="end"))
        for i, s in enumerate(series):
            value = s.values[g]
            w = plot_w * value / peak
            y = y0 + i * bar_h
            colour = PALETTE[i % len(PALETTE)]
            parts.append(
                f'<rect x="{label_w}" y="{y:.1f}" width="{w:.1f}" height="{bar_h - 2}" fill="{colour}">'
                f"<title>{escape(_tip(lang, category, s.label, lang.number(value)))}</title></rect>"
            )
            parts.append(_text(label_w + w + 4, y + bar_h - 4, lang.number(value), size=11))
    parts.append(
        f'<line x1="{label_w}" y1="{top - 4}" x2="{label_w}" y2="{height - 20}" stroke="#444" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_shares(
    title: str, categories: Sequence[str], series: Sequence[Series], *, lang: Lang, width: int = 560
) -> Markup:
    """One 100 % bar per category (a campus) split by series (pathway stages), with the legend below."""
    label_w, bar_h, gap, top = 150, 18, 8, 8
    plot_w = width - label_w - 20
    rows_h = top + (bar_h + gap) * len(categories)
    columns = 2
    legend_rows = (len(series) + columns - 1) // columns
    height = rows_h + 8 + 18 * legend_rows
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for g, category in enumerate(categories):
        y = top + g * (bar_h + gap)
        parts.append(_text(label_w - 8, y + bar_h - 5, category, anchor="end"))
        total = sum(s.values[g] for s in series)
        if total == 0:
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{plot_w}" height="{bar_h}" fill="none" stroke="#999" '
                'stroke-dasharray="4 3"/>'
            )
            parts.append(_text(label_w + 8, y + bar_h - 5, lang._("aucune personne"), size=11))
            continue
        x = float(label_w)
        for i, s in enumerate(series):
            value = s.values[g]
            if not value:
                continue
            w = plot_w * value / total
            tip = _tip(lang, category, s.label, f"{lang.number(value)} ({lang.percent(value / total)})")
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{PALETTE[i % len(PALETTE)]}" '
                f'stroke="#fff" stroke-width="1"><title>{escape(tip)}</title></rect>'
            )
            x += w
    for i, s in enumerate(series):
        lx = label_w + (i % columns) * (plot_w / columns)
        ly = rows_h + 8 + 18 * (i // columns)
        parts.append(f'<rect x="{lx:.1f}" y="{ly:.1f}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>')
        parts.append(_text(lx + 16, ly + 11, s.label, size=12))
    parts.append("</svg>")
    return Markup("".join(parts))


def progress(title: str, value: int, goal: int, target: int | None = None, *, lang: Lang, width: int = 560) -> Markup:
    """A progress bar toward a goal, the figures written under it; `target` (where the trajectory stands today) is a
    dark mark on the bar."""
    height, bar_h = 50, 22
    share = min(1.0, value / goal) if goal else 0.0
    text = f"{lang.number(value)} / {lang.number(goal)} ({lang.percent(share, 1)})"
    label = lang._("{title} : {figures}").format(title=title, figures=text)
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        f'<rect x="0" y="4" width="{width}" height="{bar_h}" fill="#e8eef4" stroke="#6b7f93"/>',
        f'<rect x="0" y="4" width="{width * share:.1f}" height="{bar_h}" fill="{PALETTE[2]}"/>',
    ]
    if target is not None and goal:
        x = width * min(1.0, target / goal)
        parts.append(f'<rect x="{max(0.0, x - 1.5):.1f}" y="0" width="3" height="{bar_h + 8}" fill="#000"/>')
        text += " · " + lang._("trajectoire : {target}").format(target=lang.number(target))
    parts.append(_text(4, 44, text, size=13, weight="bold"))
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(
    title: str, labels: Sequence[str], values: Sequence[int], *, lang: Lang, width: int = 560, height: int = 200
) -> Markup:
    """Vertical bars (one per month), the peak's value written above the axis and one label in every few."""
    left, bottom, top = 36, 22, 12
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max([1, *values])
    step = plot_w / max(1, len(values))
    every = max(1, round(len(values) / 8))
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        _text(left - 4, top + 8, lang.number(peak), anchor="end", size=11),
        _text(left - 4, top + plot_h, "0", anchor="end", size=11),
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" stroke="#444"/>',
    ]
    for i, (name, value) in enumerate(zip(labels, values, strict=True)):
        h = plot_h * value / peak
        x = left + i * step
        tip = lang._("{title} : {figures}").format(title=name, figures=lang.number(value))
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{max(1.0, step - 2):.1f}" height="{h:.1f}" '
            f'fill="{PALETTE[0]}"><title>{escape(tip)}</title></rect>'
        )
        if i % every == 0:
            parts.append(_text(x + step / 2, height - 6, name, anchor="middle", size=10))
    parts.append("</svg>")
    return Markup("".join(parts))
