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
}
