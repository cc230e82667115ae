//! Text for a CSV file that a spreadsheet will open: a cell a spreadsheet would run as a formula
//! (one starting `=`, `+`, `-`, `@`, a tab or a carriage return, the OWASP CSV-injection rule)
//! starts with an apostrophe instead, which spreadsheets show as text. A number stays a number.

/// The cell's text, safe to open in a spreadsheet.
pub fn cell_text(text: String) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_is_text_and_a_number_stays_a_number() {
        let safe = |t: &str| cell_text(t.to_string());
        assert_eq!(
            safe("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        for formula in ["+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(safe(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(safe("-2.5"), "-2.5");
        assert_eq!(safe("Antenatal care"), "Antenatal care");
    }
}
