//! The text of a bag's tag files as RFC 8493 defines them: `bagit.txt`, `bag-info.txt` and the
//! manifest lines, with the file paths in them. Pure: bytes in, fields or plain-words errors out.

/// The checksum algorithms planpress can check, by their names in manifest file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Sha256,
    Sha512,
}

impl Algorithm {
    pub fn named(name: &str) -> Option<Algorithm> {
        match name {
            "sha256" => Some(Algorithm::Sha256),
            "sha512" => Some(Algorithm::Sha512),
            _ => None,
        }
    }

    /// Its name in words.
    pub fn label(self) -> &'static str {
        match self {
            Algorithm::Sha256 => "SHA-256",
            Algorithm::Sha512 => "SHA-512",
        }
    }

    /// How many hex digits its checksum has.
    pub fn digits(self) -> usize {
        match self {
            Algorithm::Sha256 => 64,
            Algorithm::Sha512 => 128,
        }
    }
}

/// `bagit.txt`: exactly the version line and the encoding line, in that order (RFC 8493 2.1.1).
/// Returns the version.
pub fn bagit_declaration(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err("it starts with a byte order mark, which RFC 8493 forbids here".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not plain text".to_string())?;
    let lines: Vec<&str> = text.lines().collect();
    let [version, encoding] = lines.as_slice() else {
        return Err(format!(
            "it should have two lines, the BagIt version and the tag file encoding; it has {}",
            lines.len()
        ));
    };
    let version = version
        .strip_prefix("BagIt-Version: ")
        .filter(|v| ["1.0", "0.97"].contains(v))
        .ok_or_else(|| {
            format!("its first line should be \"BagIt-Version: 1.0\", not \"{version}\"")
        })?;
    let encoding = encoding
        .strip_prefix("Tag-File-Character-Encoding: ")
        .ok_or_else(|| {
            format!("its second line should name the tag file encoding, not \"{encoding}\"")
        })?;
    if !encoding.eq_ignore_ascii_case("UTF-8") {
        return Err(format!(
            "its tag files are in {encoding}; planpress reads tag files only in UTF-8"
        ));
    }
    Ok(version.to_string())
}

/// The `Label: value` fields of `bag-info.txt`, a value continued on lines that start with a
/// space or tab (RFC 8493 2.2.2).
pub fn bag_info_fields(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with([' ', '\t']) {
            match fields.last_mut() {
                Some((_, value)) => value.push_str(&format!(" {}", line.trim())),
                None => return Err(format!("line {} continues no field", n + 1)),
            }
        } else if let Some((label, value)) = line.split_once(':') {
            fields.push((label.trim().to_string(), value.trim().to_string()));
        } else if !line.trim().is_empty() {
            return Err(format!("line {} is not \"Label: value\"", n + 1));
        }
    }
    Ok(fields)
}

/// `Payload-Oxum`'s value: (octets, files) of the payload.
pub fn payload_oxum(value: &str) -> Option<(u64, u64)> {
    let (octets, files) = value.split_once('.')?;
    Some((octets.parse().ok()?, files.parse().ok()?))
}

/// One line of a manifest: its 1-based number, checksum (lower case) and decoded path.
#[derive(Debug, PartialEq, Eq)]
pub struct Listed {
    pub line: usize,
    pub checksum: String,
    pub path: String,
}

/// The lines of a manifest of `algorithm`; each line that is not one is an error in words.
pub fn manifest_lines(text: &str, algorithm: Algorithm) -> (Vec<Listed>, Vec<String>) {
    let (mut listed, mut errors) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let split = line
            .split_once([' ', '\t'])
            .map(|(c, p)| (c, p.trim_start_matches([' ', '\t'])));
        match split {
            Some((checksum, path))
                if checksum.len() == algorithm.digits()
                    && checksum.bytes().all(|b| b.is_ascii_hexdigit())
                    && !path.is_empty() =>
            {
                match decode_path(path) {
                    Ok(path) => listed.push(Listed {
                        line: line_no,
                        checksum: checksum.to_ascii_lowercase(),
                        path,
                    }),
                    Err(why) => errors.push(format!("line {line_no}: {why}")),
                }
            }
            _ => errors.push(format!(
                "line {line_no} should be a checksum of {} hex digits, a space and a file path",
                algorithm.digits()
            )),
        }
    }
    (listed, errors)
}

/// A path as a manifest writes it: `%`, carriage return and line feed percent-encoded, and
/// nothing else (RFC 8493 2.1.3).
pub fn encode_path(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The path a manifest line names, decoded. Any other `%` sequence is refused rather than read
/// as written: another tool could decode `%2E%2E` to `..`.
pub fn decode_path(raw: &str) -> Result<String, String> {
    let mut path = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('%') {
        path.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 3).unwrap_or("");
        path.push(match code.to_ascii_uppercase().as_str() {
            "25" => '%',
            "0D" => '\r',
            "0A" => '\n',
            _ => {
                return Err(format!(
                "\"{raw}\" holds %{code}; a manifest encodes only %, carriage return and line feed"
            ))
            }
        });
        rest = &rest[at + 3..];
    }
    path.push_str(rest);
    if leaves_the_bag(&path) {
        return Err(format!("\"{raw}\" is outside the bag, so it is not read"));
    }
    Ok(path)
}

/// A path that is absolute, climbs with `..`, or is not a plain relative path inside the bag.
pub fn leaves_the_bag(path: &str) -> bool {
    path.starts_with(['/', '\\', '~'])
        || path.contains('\0')
        || path.as_bytes().get(1) == Some(&b':')
        || path
            .split(['/', '\\'])
            .any(|part| matches!(part, "" | "." | ".."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bagit_txt_is_two_exact_lines() {
        let ours = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
        assert_eq!(bagit_declaration(ours.as_bytes()), Ok("1.0".into()));
        for bad in [
            "",
            "BagIt-Version: 1.0\n",
            "BagIt-Version: 9.9\nTag-File-Character-Encoding: UTF-8\n",
            "Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n",
            "BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n",
            "\u{feff}BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        ] {
            assert!(bagit_declaration(bad.as_bytes()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn bag_info_reads_continued_values_and_payload_oxum() {
        let fields = bag_info_fields("Payload-Oxum: 12.3\nSource: a\n  b\n").unwrap();
        assert_eq!(fields[1], ("Source".into(), "a b".into()));
        assert_eq!(payload_oxum(&fields[0].1), Some((12, 3)));
        assert_eq!(payload_oxum("12"), None);
        assert!(bag_info_fields(" lost\n").is_err());
    }

    #[test]
    fn paths_that_leave_the_bag_are_refused_in_every_spelling() {
        for raw in [
            "/etc/passwd",
            "../../x",
            "data/../../x",
            "data/./x",
            "data//x",
            "C:/x",
            "\\x",
            "~/x",
            "data/%2E%2E/x",
            "data/%2e%2e%2fx",
            "data/%252E%252E/x",
            "data/%",
        ] {
            let decoded = decode_path(raw);
            assert!(
                decoded.is_err() || !decoded.as_deref().unwrap().contains(".."),
                "{raw:?} gave {decoded:?}"
            );
        }
        assert_eq!(decode_path("data/%252E%252E/x"), Ok("data/%2E%2E/x".into()));
        assert!(decode_path("/dev/zero").is_err());
    }

    #[test]
    fn a_path_with_percent_or_a_line_break_survives_the_manifest() {
        for path in ["data/50%.html", "data/a\nb", "data/a\r\nb", "data/%0A"] {
            assert_eq!(decode_path(&encode_path(path)).as_deref(), Ok(path));
        }
    }

    #[test]
    fn manifest_lines_need_a_checksum_of_the_algorithms_length() {
        let good = format!("{}  data/a b.html\n\n", "A".repeat(64));
        let (listed, errors) = manifest_lines(&good, Algorithm::Sha256);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(listed[0].path, "data/a b.html");
        assert_eq!(listed[0].checksum, "a".repeat(64));
        let (_, errors) = manifest_lines(&good, Algorithm::Sha512);
        assert_eq!(errors.len(), 1);
        let (_, errors) = manifest_lines("nonsense\n", Algorithm::Sha256);
        assert!(errors[0].starts_with("line 1"), "{errors:?}");
    }
}
