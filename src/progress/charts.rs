//! Server-rendered SVG charts: readable without JavaScript, described for
//! screen readers with `<title>` and `<desc>`, coloured by CSS classes so
//! dark mode applies.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Points over time as a stepped line, from the first scoring submission
/// to now.
pub fn score_over_time(series: &[(DateTime<Utc>, f64)], now: DateTime<Utc>) -> String {
    const W: f64 = 640.0;
    const H: f64 = 200.0;
    const PAD_L: f64 = 48.0;
    const PAD_B: f64 = 28.0;
    const PAD_T: f64 = 12.0;
    const PAD_R: f64 = 12.0;
    let mut svg = format!(
        "<svg class=\"chart chart-score\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"score-title score-desc\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"score-title\">Points over time</title>"
    );
    let Some(&(first, _)) = series.first() else {
        svg.push_str(
            "<desc id=\"score-desc\">No points yet: solve a challenge to start the chart.</desc>",
        );
        let _ = write!(svg, "<text class=\"chart-empty\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">No points yet</text></svg>", W / 2.0, H / 2.0);
        return svg;
    };
    let last = series.last().map(|(_, p)| *p).unwrap_or(0.0);
    let start = first - Duration::hours(12);
    let end = now.max(first + Duration::days(1));
    let span = (end - start).num_seconds().max(1) as f64;
    let top = nice_ceiling(last.max(1.0));
    let x =
        |t: DateTime<Utc>| PAD_L + (t - start).num_seconds() as f64 / span * (W - PAD_L - PAD_R);
    let y = |p: f64| H - PAD_B - p / top * (H - PAD_B - PAD_T);
    let _ = write!(
        svg,
        "<desc id=\"score-desc\">{} points on {}, rising to {} points by {}.</desc>",
        series[0].1,
        first.format("%e %b %Y"),
        last,
        now.format("%e %b %Y")
    );
    for k in 0..=4 {
        let value = top * f64::from(k) / 4.0;
        let yy = y(value);
        let _ = write!(
            svg,
            "<line class=\"chart-grid\" x1=\"{PAD_L}\" x2=\"{}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\"/><text class=\"chart-label\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            W - PAD_R,
            PAD_L - 6.0,
            yy + 4.0,
            value.round()
        );
    }
    let mut path = format!("M{:.1},{:.1}", x(start), y(0.0));
    let mut previous = 0.0;
    for (t, p) in series {
        let _ = write!(
            path,
            " L{:.1},{:.1} L{:.1},{:.1}",
            x(*t),
            y(previous),
            x(*t),
            y(*p)
        );
        previous = *p;
    }
    let _ = write!(path, " L{:.1},{:.1}", x(end), y(previous));
    let _ = write!(
        svg,
        "<path class=\"chart-line\" d=\"{path}\" fill=\"none\"/>"
    );
    for (t, p) in series {
        let _ = write!(
            svg,
            "<circle class=\"chart-point\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\"><title>{} points on {}</title></circle>",
            x(*t),
            y(*p),
            p,
            escape(&t.format("%e %b %Y").to_string())
        );
    }
    let _ = write!(
        svg,
        "<text class=\"chart-label\" x=\"{PAD_L}\" y=\"{}\">{}</text><text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></svg>",
        H - 8.0,
        start.format("%e %b"),
        W - PAD_R,
        H - 8.0,
        end.format("%e %b")
    );
    svg
}

fn nice_ceiling(x: f64) -> f64 {
    let magnitude = 10f64.powf(x.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if step * magnitude >= x {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}

/// A year of activity, a square per day (weeks as columns, Monday first),
/// shaded by how many answers were graded that day.
pub fn activity_calendar(per_day: &BTreeMap<NaiveDate, usize>, today: NaiveDate) -> String {
    const CELL: i64 = 12;
    const GAP: i64 = 3;
    const WEEKS: i64 = 53;
    const LEFT: i64 = 28;
    const TOP: i64 = 16;
    let width = LEFT + WEEKS * (CELL + GAP);
    let height = TOP + 7 * (CELL + GAP);
    // The grid starts on the Monday 52 weeks before this week's Monday.
    let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let start = this_monday - Duration::weeks(WEEKS - 1);
    let total: usize = per_day.range(start..=today).map(|(_, n)| n).sum();
    let days = per_day.range(start..=today).count();
    let mut svg = format!(
        "<svg class=\"chart chart-calendar\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"calendar-title calendar-desc\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"calendar-title\">Activity over the last year</title>\
         <desc id=\"calendar-desc\">{total} graded answers on {days} days since {}.</desc>",
        start.format("%e %B %Y")
    );
    for (row, label) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
        let _ = write!(
            svg,
            "<text class=\"chart-label\" x=\"0\" y=\"{}\">{label}</text>",
            TOP + row * (CELL + GAP) + CELL - 2
        );
    }
    let mut last_month = None;
    for week in 0..WEEKS {
        let monday = start + Duration::weeks(week);
        if last_month != Some(monday.month()) {
            last_month = Some(monday.month());
            let _ = write!(
                svg,
                "<text class=\"chart-label\" x=\"{}\" y=\"10\">{}</text>",
                LEFT + week * (CELL + GAP),
                monday.format("%b")
            );
        }
        for weekday in 0..7 {
            let day = monday + Duration::days(weekday);
            if day > today {
                break;
            }
            let count = per_day.get(&day).copied().unwrap_or(0);
            let level = match count {
                0 => 0,
                1 => 1,
                2..=3 => 2,
                4..=7 => 3,
                _ => 4,
            };
            let _ = write!(
                svg,
                "<rect class=\"day day-{level}\" x=\"{}\" y=\"{}\" width=\"{CELL}\" height=\"{CELL}\" rx=\"2\"><title>{count} on {}</title></rect>",
                LEFT + week * (CELL + GAP),
                TOP + weekday * (CELL + GAP),
                day.format("%a %e %b %Y")
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_has_a_square_per_day_with_its_count() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut days = BTreeMap::new();
        days.insert(today, 5);
        days.insert(today - Duration::days(1), 1);
        let svg = activity_calendar(&days, today);
        assert!(svg.contains("<title>5 on Wed 25 Nov 2026</title>"), "{svg}");
        assert!(svg.contains("class=\"day day-3\""));
        assert!(svg.contains("6 graded answers on 2 days"));
        let squares = svg.matches("<rect").count();
        assert!((358..=371).contains(&squares), "{squares}");
    }

    #[test]
    fn the_score_chart_describes_itself_even_when_empty() {
        let now = Utc::now();
        assert!(score_over_time(&[], now).contains("No points yet"));
        let svg = score_over_time(
            &[
                (now - Duration::days(3), 100.0),
                (now - Duration::days(1), 250.0),
            ],
            now,
        );
        assert!(svg.contains("rising to 250 points"));
        assert_eq!(svg.matches("<circle").count(), 2);
    }
}
