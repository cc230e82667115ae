//! Inline SVG charts: no script, no chart library, nothing fetched. Each chart has an accessible
//! name, and the page puts the same numbers in a table beside it, so the chart is never the only
//! way to read them.

use std::fmt::Write;

use super::theme::escape;

/// One bar: a label and its segments as (count, tone, pattern), in the order they are drawn.
/// A status's pattern is its place in the plan's list (`pattern`), so two statuses of one tone,
/// such as "not yet reported" and "not started", never look alike, in colour or in greyscale.
pub struct Bar {
    pub label: String,
    pub segments: Vec<(usize, &'static str, usize)>,
}

/// A chart is drawn this many units wide and scaled to its column: narrow enough that a 15-unit
/// label is still over 12 px in a 375 px phone's column of about 315 px, wide enough for a bar.
pub const CHART_UNITS: usize = 360;
const BAR_WIDTH: usize = 310;
/// A row: its label on a line of its own above the bar, so the label is never squeezed.
const ROW: usize = 52;
const LABEL_LINE: usize = 18;
const BAR_HEIGHT: usize = 24;

/// The patterns laid over a segment, after the first status's plain colour: diagonal lines, dots,
/// horizontal lines, cross-hatching, vertical lines; a plan with more statuses starts again.
const PATTERNS: [&str; 5] = [
    r#"patternTransform="rotate(45)"><rect class="chart__hatch" width="3" height="8"/>"#,
    r#"><circle class="chart__hatch" cx="4" cy="4" r="1.8"/>"#,
    r#"><rect class="chart__hatch" width="8" height="3"/>"#,
    r#"patternTransform="rotate(45)"><rect class="chart__hatch" width="3" height="8"/><rect class="chart__hatch" width="8" height="3"/>"#,
    r#"><rect class="chart__hatch" width="3" height="8"/>"#,
];

/// Which pattern (1 to 5) the status at `place` in the plan's list wears; 0 for none.
pub fn pattern(place: usize) -> usize {
    if place == 0 {
        0
    } else {
        (place - 1) % PATTERNS.len() + 1
    }
}

/// The chart's patterns, each `{id}-p{n}`, for its segments and its key to refer to.
fn pattern_defs(id: &str) -> String {
    let mut defs = String::from("<defs>");
    for (n, shape) in PATTERNS.iter().enumerate() {
        let _ = write!(
            defs,
            r#"<pattern id="{id}-p{}" width="8" height="8" patternUnits="userSpaceOnUse" {shape}</pattern>"#,
            n + 1
        );
    }
    defs.push_str("</defs>");
    defs
}

/// Horizontal bars, each split into segments in proportion to their counts, with the total at the
/// end of the bar. Colours come from the stylesheet by tone (`chart__segment--good` …), patterns
/// from the chart's own `<defs>`.
pub fn stacked_bars(id: &str, title: &str, bars: &[Bar]) -> String {
    let height = ROW * bars.len().max(1) + 4;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title" viewBox="0 0 {CHART_UNITS} {height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="{id}-title">{}</title>{}"#,
        escape(title),
        pattern_defs(id)
    );
    for (row, bar) in bars.iter().enumerate() {
        let top = row * ROW + 4;
        let y = top + LABEL_LINE + 4;
        let total: usize = bar.segments.iter().map(|(n, _, _)| n).sum();
        let _ = write!(
            svg,
            r#"<text class="chart__label" x="0" y="{}">{}</text>"#,
            top + LABEL_LINE - 4,
            escape(&bar.label)
        );
        let _ = write!(
            svg,
            r#"<rect class="chart__track" x="0" y="{y}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}"/>"#
        );
        let mut x = 0;
        for (n, tone, pattern) in bar.segments.iter().filter(|(n, _, _)| *n > 0) {
            // The last segment takes what rounding left, so the bar always ends at full width.
            let w = if x + n * BAR_WIDTH / total.max(1) > BAR_WIDTH {
                BAR_WIDTH - x
            } else {
                n * BAR_WIDTH / total.max(1)
            };
            let _ = write!(
                svg,
                r#"<rect class="chart__segment chart__segment--{tone}" x="{x}" y="{y}" width="{w}" height="{BAR_HEIGHT}"/>"#
            );
            if *pattern > 0 {
                let _ = write!(
                    svg,
                    r##"<rect class="chart__pattern" fill="url(#{id}-p{pattern})" x="{x}" y="{y}" width="{w}" height="{BAR_HEIGHT}"/>"##
                );
            }
            x += w;
        }
        let _ = write!(
            svg,
            r#"<text class="chart__total" x="{}" y="{}">{total}</text>"#,
            BAR_WIDTH + 8,
            y + 18
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

const CHART_WIDTH: f64 = CHART_UNITS as f64;
const CHART_HEIGHT: f64 = 220.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 20.0;
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
    // At most four labels along the bottom, so each has room at a readable size.
    let every = points.len().div_ceil(4).max(1);
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
                segments: vec![(1, "good", 0), (3, "bad", 1), (0, "done", 2)],
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
            svg.contains(r#"chart__segment--good" x="0" y="26" width="77""#),
            "{svg}"
        );
        assert!(
            svg.contains(r#"chart__segment--bad" x="77" y="26" width="232""#),
            "{svg}"
        );
        assert!(
            !svg.contains("chart__segment--done"),
            "empty segments are not drawn"
        );
        assert!(svg.contains(">4</text>"), "the total is written at the end");
    }

    #[test]
    fn every_status_looks_different_even_two_of_one_tone() {
        let tones = ["neutral", "neutral", "good", "warning", "bad", "done"];
        let looks: Vec<(&str, usize)> = tones
            .iter()
            .enumerate()
            .map(|(place, &tone)| (tone, pattern(place)))
            .collect();
        let patterns: std::collections::BTreeSet<usize> = looks.iter().map(|l| l.1).collect();
        assert_eq!(
            patterns.len(),
            6,
            "a pattern each, so greyscale tells them apart: {looks:?}"
        );
        let svg = stacked_bars(
            "chart-p",
            "By priority",
            &[Bar {
                label: "Priority 1".into(),
                segments: looks.iter().map(|&(tone, p)| (2, tone, p)).collect(),
            }],
        );
        assert!(svg.contains(r#"<pattern id="chart-p-p1""#), "{svg}");
        assert_eq!(svg.matches("chart__segment--neutral").count(), 2);
        assert_eq!(
            svg.matches(r##"fill="url(#chart-p-p"##).count(),
            5,
            "all but the first status wear a pattern: {svg}"
        );
        assert!(svg.contains(r##"fill="url(#chart-p-p1)" x="51""##), "{svg}");
    }

    #[test]
    fn words_in_a_chart_are_at_least_12_px_on_a_375_px_phone() {
        // At 375 px the page's margins and the figure's padding leave a column of about 315 px;
        // the stylesheet sets the words at 15 units.
        let scale = 315.0 / CHART_UNITS as f64;
        assert!(15.0 * scale >= 12.0, "{}", 15.0 * scale);
        let svg = stacked_bars("c", "t", &[]);
        assert!(svg.contains(&format!(r#"viewBox="0 0 {CHART_UNITS} "#)));
        let line = line_chart("m", "t", &[], None, |v| v.to_string());
        assert!(line.contains(&format!(r#"viewBox="0 0 {CHART_UNITS} "#)));
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
