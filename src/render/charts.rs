//! Inline SVG charts: no script, no chart library, nothing fetched. Each chart has an accessible
//! name, and the page puts the same numbers in a table beside it, so the chart is never the only
//! way to read them.

use std::fmt::Write;

use super::theme::escape;

/// One bar: a label and its segments as (count, tone), in the order they are drawn.
pub struct Bar {
    pub label: String,
    pub segments: Vec<(usize, &'static str)>,
}

const LABEL_WIDTH: usize = 190;
const BAR_WIDTH: usize = 400;
const ROW: usize = 34;

/// Horizontal bars, each split into segments in proportion to their counts, with the total at the
/// end of the bar. Colours come from the stylesheet by tone (`chart__segment--good` …).
pub fn stacked_bars(id: &str, title: &str, bars: &[Bar]) -> String {
    let height = ROW * bars.len().max(1) + 8;
    let width = LABEL_WIDTH + BAR_WIDTH + 50;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title" viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="{id}-title">{}</title>"#,
        escape(title)
    );
    for (row, bar) in bars.iter().enumerate() {
        let y = row * ROW + 4;
        let total: usize = bar.segments.iter().map(|(n, _)| n).sum();
        let _ = write!(
            svg,
            r#"<text class="chart__label" x="0" y="{}">{}</text>"#,
            y + 20,
            escape(&bar.label)
        );
        let _ = write!(
            svg,
            r#"<rect class="chart__track" x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH}" height="26"/>"#
        );
        let mut x = 0;
        for (n, tone) in bar.segments.iter().filter(|(n, _)| *n > 0) {
            // The last segment takes what rounding left, so the bar always ends at full width.
            let w = if x + n * BAR_WIDTH / total.max(1) > BAR_WIDTH {
                BAR_WIDTH - x
            } else {
                n * BAR_WIDTH / total.max(1)
            };
            let _ = write!(
                svg,
                r#"<rect class="chart__segment chart__segment--{tone}" x="{}" y="{y}" width="{w}" height="26"/>"#,
                LABEL_WIDTH + x
            );
            x += w;
        }
        let _ = write!(
            svg,
            r#"<text class="chart__total" x="{}" y="{}">{total}</text>"#,
            LABEL_WIDTH + BAR_WIDTH + 8,
            y + 20
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One point of a line chart: its label on the x axis, its value, and the words a tooltip and
/// screen reader get ("Q1 2024/25: 78%").
pub struct Point {
    pub label: String,
    pub value: f64,
    pub words: String,
}

const CHART_WIDTH: f64 = 640.0;
const CHART_HEIGHT: f64 = 240.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 44.0;

/// A line over time with a dashed target line. The line, points and target differ in shape as well
/// as colour, so the chart reads in greyscale; each point carries its words as a `<title>`.
pub fn line_chart(
    id: &str,
    title: &str,
    points: &[Point],
    target: Option<(f64, String)>,
    axis: impl Fn(f64) -> String,
) -> String {
    let values = points
        .iter()
        .map(|p| p.value)
        .chain(target.as_ref().map(|t| t.0));
    let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let ticks = ticks(low, high);
    let (low, high) = (ticks[0], ticks[ticks.len() - 1]);
    let plot_w = CHART_WIDTH - LEFT - RIGHT;
    let plot_h = CHART_HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + plot_h * (1.0 - (v - low) / (high - low));
    let step = if points.len() > 1 {
        plot_w / (points.len() - 1) as f64
    } else {
        0.0
    };
    let x = |i: usize| {
        if points.len() > 1 {
            LEFT + step * i as f64
        } else {
            LEFT + plot_w / 2.0
        }
    };
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart chart--line" id="{id}" role="img" aria-labelledby="{id}-title" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="{id}-title">{}</title>"#,
        escape(title)
    );
    for &v in &ticks {
        let _ = write!(
            svg,
            r#"<line class="chart__grid" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="chart__axis" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            CHART_WIDTH - RIGHT,
            LEFT - 6.0,
            y(v) + 4.0,
            escape(&axis(v)),
            y = y(v)
        );
    }
    if let Some((value, label)) = &target {
        let _ = write!(
            svg,
            r#"<line class="chart__target" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="chart__target-label" x="{}" y="{:.1}">{}</text>"#,
            CHART_WIDTH - RIGHT,
            LEFT + 6.0,
            y(*value) - 6.0,
            escape(label),
            y = y(*value)
        );
    }
    if points.len() > 1 {
        let path: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.value)))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline class="chart__line" points="{}"/>"#,
            path.join(" ")
        );
    }
    let every = points.len().div_ceil(6).max(1);
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<circle class="chart__point" cx="{:.1}" cy="{:.1}" r="5"><title>{}</title></circle>"#,
            x(i),
            y(p.value),
            escape(&p.words)
        );
        if i % every == 0 || i + 1 == points.len() {
            // The first and last labels hang inwards so they are never cut at the edges.
            let anchor = match i {
                0 if points.len() > 1 => "start",
                _ if i + 1 == points.len() && points.len() > 1 => "end",
                _ => "middle",
            };
            let _ = write!(
                svg,
                r#"<text class="chart__axis" x="{:.1}" y="{}" text-anchor="{anchor}">{}</text>"#,
                x(i),
                CHART_HEIGHT - BOTTOM + 20.0,
                escape(&p.label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Round gridline values covering `low` to `high`: two to five steps of 1, 2 or 5 times a power of
/// ten, starting at zero when the values are all positive and near it.
fn ticks(low: f64, high: f64) -> Vec<f64> {
    let (low, high) = if low > high { (0.0, 1.0) } else { (low, high) };
    let low = if low > 0.0 && low < high / 2.0 {
        0.0
    } else {
        low
    };
    let span = if high > low {
        high - low
    } else {
        high.abs().max(1.0)
    };
    let rough = span / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    let first = (low / step).floor() * step;
    let mut ticks = vec![first];
    while *ticks.last().unwrap_or(&first) < high {
        ticks.push(ticks.last().unwrap_or(&first) + step);
    }
    if ticks.len() < 2 {
        ticks.push(first + step);
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_proportional_and_named() {
        let svg = stacked_bars(
            "c",
            "Actions & status",
            &[Bar {
                label: "Priority 1".into(),
                segments: vec![(1, "good"), (3, "bad"), (0, "done")],
            }],
        );
        assert!(
            svg.contains(r#"role="img" aria-labelledby="c-title""#),
            "{svg}"
        );
        assert!(
            svg.contains("<title id=\"c-title\">Actions &amp; status</title>"),
            "{svg}"
        );
        assert!(
            svg.contains(r#"chart__segment--good" x="190" y="4" width="100""#),
            "{svg}"
        );
        assert!(
            svg.contains(r#"chart__segment--bad" x="290" y="4" width="300""#),
            "{svg}"
        );
        assert!(
            !svg.contains("chart__segment--done"),
            "empty segments are not drawn"
        );
        assert!(svg.contains(">4</text>"), "the total is written at the end");
    }

    #[test]
    fn gridlines_fall_on_round_numbers() {
        assert_eq!(ticks(70.0, 91.0), [70.0, 80.0, 90.0, 100.0]);
        assert_eq!(ticks(9.5, 11.0), [9.5, 10.0, 10.5, 11.0]);
        assert_eq!(ticks(2.5, 5.1), [0.0, 2.0, 4.0, 6.0]);
        assert_eq!(ticks(0.0, 0.0), [0.0, 0.5]);
    }

    #[test]
    fn a_line_chart_has_a_point_per_value_and_a_target_line() {
        let points: Vec<Point> = [70.0, 78.0, 85.0]
            .iter()
            .enumerate()
            .map(|(i, &value)| Point {
                label: format!("Q{}", i + 1),
                value,
                words: format!("Q{}: {value}%", i + 1),
            })
            .collect();
        let svg = line_chart(
            "m",
            "Booking",
            &points,
            Some((90.0, "Target 90%".into())),
            |v| format!("{v:.0}%"),
        );
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("<title>Q2: 78%</title>"), "{svg}");
        assert!(
            svg.contains(r#"class="chart__target""#) && svg.contains("Target 90%"),
            "{svg}"
        );
        assert_eq!(svg.matches("<polyline").count(), 1);
    }
}
