//! Charts of the current view, drawn with plotters to SVG strings: the same
//! code is tested natively and renders crisply at any zoom. Every label goes
//! through plotters' SVG backend, which escapes it; names are never markup.
//!
//! Each chart also gives what a person needs besides the picture: a title, a
//! sentence computed from the data, the same numbers as a table, and the
//! clickable regions that filter the view.

pub mod breakdown;
pub mod by_recipient;
pub mod by_year;
pub mod comparison;
pub mod timeline;

use crate::money::Money;
use crate::view::Facet;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Colours that stay distinguishable for colour-blind readers (Okabe and Ito).
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(213, 94, 0),    // vermilion
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(240, 228, 66),  // yellow
    RGBColor(110, 110, 110), // grey, for "other"
];

pub const INK: RGBColor = RGBColor(29, 35, 41);
pub const MUTED: RGBColor = RGBColor(76, 88, 98);
pub const GRID: RGBColor = RGBColor(213, 219, 224);

pub fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// A money chart's summary, with a sentence when what it draws rests on
/// texts added in this browser (as the totals above it say).
pub fn said_with_yours(summary: String, rests_on_yours: bool) -> String {
    if rests_on_yours {
        format!("{summary} It {}.", crate::page::YOURS_ADDED)
    } else {
        summary
    }
}

/// How big to draw: the page draws a narrow version for phones and a wide one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartSize {
    pub width: u32,
    pub height: u32,
}

impl ChartSize {
    pub const WIDE: ChartSize = ChartSize {
        width: 720,
        height: 300,
    };
    pub const NARROW: ChartSize = ChartSize {
        width: 360,
        height: 300,
    };

    pub fn is_narrow(self) -> bool {
        self.width < 500
    }
}

/// A region of the chart that does something when chosen, in percent of the
/// chart's width and height; the page lays a button over it
/// ([`Chart::target_boxes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartTarget {
    /// What a screen reader says: "2016/17, multispecialty community provider: £12.3m".
    pub label: String,
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    pub action: TargetAction,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetAction {
    /// Narrow the view to these facet values (all of them).
    Filter(Vec<(Facet, String)>),
    /// Open a record in the reader.
    Open(String),
}

/// A legend entry: a colour and what it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub colour: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Stable name: `by-year`, `by-recipient`, `timeline`, `breakdown`.
    pub id: &'static str,
    pub title: String,
    /// What the chart shows, in a sentence computed from the data.
    pub summary: String,
    pub svg: String,
    pub size: ChartSize,
    pub legend: Vec<LegendEntry>,
    pub targets: Vec<ChartTarget>,
    /// The same numbers as a table.
    pub table_headers: Vec<String>,
    pub table_rows: Vec<Vec<String>>,
    /// What the chart leaves out and why, if anything ("3 records have no date").
    pub left_out: Option<String>,
}

/// Where a chart's button sits over its bar or dot, in the drawing's own
/// units, written to a tenth (`12.3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetBox {
    pub x: String,
    pub y: String,
    pub width: String,
    pub height: String,
}

/// The smallest button over a bar or dot, in the chart's own units (a thin
/// bar still gets a button one can hit).
const SMALLEST_TARGET: f32 = 8.0;

impl Chart {
    /// Each target's box in the drawing's units: the page lays the buttons
    /// in an SVG of the drawing's size, as SVG attributes rather than inline
    /// styles (the content security policy allows no inline styles), so
    /// they scale with the drawing.
    pub fn target_boxes(&self) -> Vec<TargetBox> {
        let (width, height) = (self.size.width, self.size.height);
        let place = |percent: f32, span: u32| percent * span as f32 / 100.0;
        self.targets
            .iter()
            .map(|t| TargetBox {
                x: units(place(t.left, width)),
                y: units(place(t.top, height)),
                width: units(place(t.width, width).max(SMALLEST_TARGET)),
                height: units(place(t.height, height).max(SMALLEST_TARGET)),
            })
            .collect()
    }

    /// The drawing's `viewBox`.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.size.width, self.size.height)
    }
}

/// A length in the chart's units to a tenth (`12.3`), written with integers:
/// the page then carries no float formatting.
fn units(value: f32) -> String {
    let tenths = (f64::from(value).clamp(-1e9, 1e9) * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// The size labels are drawn at, in the chart's own pixels. plotters writes
/// SVG text at 1/1.24 of the size asked, and a narrow chart is shown at about
/// its own width on a phone: these give about 11 px text on screen.
pub fn label_size(size: ChartSize) -> f64 {
    if size.is_narrow() {
        14.0
    } else {
        15.0
    }
}

/// The top of a money axis drawn with four equal steps: the smallest four
/// round steps (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 or 8 times a power of
/// ten) at or above `value`, so the tallest bar fills most of the axis (a
/// £53m bar gets a £60m axis, not £100m). At least 4.
pub fn axis_top(value: u64) -> u64 {
    const STEPS: [u64; 11] = [100, 125, 150, 200, 250, 300, 400, 500, 600, 750, 800];
    let mut power = 1u64;
    loop {
        for m in STEPS {
            let Some(scaled) = m.checked_mul(power) else {
                return u64::MAX;
            };
            if scaled % 100 != 0 {
                continue;
            }
            let top = (scaled / 100).saturating_mul(4);
            if top >= value {
                return top;
            }
        }
        let Some(next) = power.checked_mul(10) else {
            return u64::MAX;
        };
        power = next;
    }
}

/// The width of `text` at `size` px in a typical sans-serif, for fitting
/// labels without a font: generous, so labels never overlap.
pub fn text_width(text: &str, size: f64) -> f64 {
    // plotters draws at size / 1.24; a character is about 0.6 em wide.
    text.chars().count() as f64 * size / 1.24 * 0.6
}

/// `text` cut with "…" to fit `width` px at `size` px.
pub fn fit(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let keep = ((width / (size / 1.24 * 0.6)) as usize).saturating_sub(1);
    let mut cut: String = text.chars().take(keep).collect();
    cut = cut.trim_end().to_string();
    cut.push('…');
    cut
}

/// Draws a text label; plotters' SVG backend escapes it.
pub(crate) fn label<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    at: (i32, i32),
    size: f64,
    colour: RGBColor,
    h: HPos,
    v: VPos,
) {
    // The family named as a `FontFamily`, not a `&str`: plotters lower-cases
    // a `&str` to recognise "serif" and the like, and that call brought
    // `str::to_lowercase` and Unicode's case tables into the page.
    let family = FontFamily::Name("system-ui, sans-serif");
    let style = TextStyle::from((family, size).into_font())
        .color(&colour)
        .pos(Pos::new(h, v));
    let _ = area.draw(&Text::new(text.to_string(), at, style));
}

/// Horizontal grid lines at each quarter of `top` across the plot, with their
/// amounts to the left of `left`: the money axis of the vertical charts.
#[allow(clippy::too_many_arguments)]
pub(crate) fn money_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    top: u64,
    left: f64,
    right_edge: f64,
    top_margin: f64,
    plot_h: f64,
    font: f64,
) {
    for step in 0..=4u64 {
        let value = top / 4 * step;
        let y = top_margin + plot_h - scale(Money(value), top, plot_h);
        let _ = area.draw(&PathElement::new(
            vec![(left as i32, y as i32), (right_edge as i32, y as i32)],
            GRID.stroke_width(1),
        ));
        label(
            area,
            &Money(value).compact(),
            ((left - 6.0) as i32, y as i32),
            font,
            MUTED,
            HPos::Right,
            VPos::Center,
        );
    }
}

/// A horizontal bar's labels: its name, cut to fit, right-aligned before
/// `label_w`, and its amount just after the bar's end.
pub(crate) fn bar_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    name: &str,
    amount: &str,
    label_w: f64,
    bar_end: f64,
    middle_y: f64,
    font: f64,
) {
    label(
        area,
        &fit(name, label_w - 4.0, font),
        ((label_w - 2.0) as i32, middle_y as i32),
        font,
        INK,
        HPos::Right,
        VPos::Center,
    );
    label(
        area,
        amount,
        ((bar_end + 4.0) as i32, middle_y as i32),
        font,
        MUTED,
        HPos::Left,
        VPos::Center,
    );
}

/// Percent of a whole, for chart targets.
/// A financial year's name under its bar or group of bars, centred on `x`,
/// just below the baseline at `baseline`.
pub(crate) fn year_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    year: &str,
    x: f64,
    baseline: f64,
    font: f64,
) {
    label(
        area,
        year,
        (x as i32, (baseline + 6.0) as i32),
        font,
        INK,
        HPos::Center,
        VPos::Top,
    );
}

/// The baseline a bar chart's bars stand on, from `left` to `right`.
pub(crate) fn baseline<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    left: f64,
    right: f64,
    y: f64,
) {
    let _ = area.draw(&PathElement::new(
        vec![(left as i32, y as i32), (right as i32, y as i32)],
        INK.stroke_width(1),
    ));
}

pub(crate) fn percent(part: f64, whole: f64) -> f32 {
    if whole <= 0.0 {
        0.0
    } else {
        (part / whole * 100.0) as f32
    }
}

/// A money amount scaled into pixels of an axis `span` px long whose top is `max`.
pub(crate) fn scale(amount: Money, max: u64, span: f64) -> f64 {
    if max == 0 {
        0.0
    } else {
        amount.0 as f64 / max as f64 * span
    }
}

/// Draws into a fresh SVG string.
pub(crate) fn draw_svg(
    size: ChartSize,
    paint: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>),
) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        let _ = area.fill(&WHITE);
        paint(&area);
        let _ = area.present();
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(axis_top(53_000_000), 60_000_000);
        assert_eq!(axis_top(64_350_000), 80_000_000);
        assert_eq!(axis_top(16_370_000), 20_000_000);
        assert_eq!(axis_top(450_000_000), 500_000_000);
        assert_eq!(axis_top(0), 4);
        assert_eq!(axis_top(7), 8);
        assert_eq!(axis_top(u64::MAX), u64::MAX);
    }

    #[test]
    fn long_labels_are_cut_to_fit() {
        let cut = fit(
            "Better Care Together (Morecambe Bay Health Community)",
            120.0,
            11.0,
        );
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 11.0) <= 120.0 + 11.0);
        assert_eq!(fit("Dudley MCP", 120.0, 11.0), "Dudley MCP");
    }
}
