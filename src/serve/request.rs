//! A request's head as `serve` reads it: bounded, so what a client sends never grows memory, and
//! answered only when its `Host` names this server, so a web page on another site cannot read the
//! draft through a name of its own that points here (DNS rebinding).

use std::io::{self, BufRead, Read};
use std::net::{IpAddr, SocketAddr};

/// The most a request line and its headers may take together. A browser sends well under 2 KiB.
pub(super) const MOST: usize = 8 * 1024;

/// What `serve` needs of a request: what is asked, of what, and at which name.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Head {
    pub(super) method: String,
    pub(super) target: String,
    pub(super) host: Option<String>,
    /// Whether the client takes a gzip-compressed answer (`Accept-Encoding`).
    pub(super) takes_gzip: bool,
}

/// Why a head was not read.
#[derive(Debug)]
pub(super) enum Unread {
    /// The request line alone is longer than `MOST` (answered 414).
    LineTooLong,
    /// The request line and headers together are longer than `MOST` (answered 431).
    HeadTooLarge,
    /// The client went away or sent nothing in time.
    Closed(io::Error),
}

/// Reads the request line and headers, up to the blank line, never more than `MOST` bytes of
/// them; any body is left unread.
pub(super) fn read_head(reader: &mut impl BufRead) -> Result<Head, Unread> {
    let mut limited = reader.take(MOST as u64);
    let mut lines: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = limited
            .read_until(b'\n', &mut line)
            .map_err(Unread::Closed)?;
        if !line.ends_with(b"\n") {
            return Err(match (limited.limit(), lines.is_empty()) {
                (0, true) => Unread::LineTooLong,
                (0, false) => Unread::HeadTooLarge,
                _ if read == 0 && !lines.is_empty() => break,
                _ => Unread::Closed(io::ErrorKind::UnexpectedEof.into()),
            });
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_string();
        if text.is_empty() && !lines.is_empty() {
            break;
        }
        if !text.is_empty() {
            lines.push(text);
        }
    }
    Ok(parse(&lines))
}

fn parse(lines: &[String]) -> Head {
    let mut parts = lines[0].split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let header = |wanted: &str| {
        lines[1..].iter().find_map(|header| {
            let (name, value) = header.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case(wanted)
                .then(|| value.trim().to_string())
        })
    };
    Head {
        method,
        target,
        host: header("host"),
        takes_gzip: header("accept-encoding").is_some_and(|codings| takes_gzip(&codings)),
    }
}

/// Whether an `Accept-Encoding` value takes gzip: named, or `*`, and not with `q=0`.
fn takes_gzip(codings: &str) -> bool {
    codings.split(',').any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
    })
}

/// Whether `host` (a `Host` header) names this server: `localhost` or a loopback address, the
/// address it listens on, or the one this connection came in on, each with its port (80 if none).
/// A name other than `localhost` is refused, as anyone may point a name of theirs at this address.
pub(super) fn names_this_server(host: Option<&str>, own: &[SocketAddr]) -> bool {
    let Some((name, port)) = host.and_then(split_host) else {
        return false;
    };
    let ip = name
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .ok();
    let loopback = name.eq_ignore_ascii_case("localhost") || ip.is_some_and(|ip| ip.is_loopback());
    own.iter()
        .any(|at| at.port() == port && (loopback || ip == Some(at.ip())))
}

/// A `Host` value's name and port: `name`, `name:port`, `[v6]` or `[v6]:port`.
fn split_host(host: &str) -> Option<(&str, u16)> {
    let (name, port) = if host.starts_with('[') {
        let end = host.find(']')? + 1;
        (&host[..end], &host[end..])
    } else {
        host.find(':').map_or((host, ""), |at| host.split_at(at))
    };
    let port = match port {
        "" => 80,
        port => port.strip_prefix(':')?.parse().ok()?,
    };
    (!name.is_empty()).then_some((name, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(bytes: &[u8]) -> Result<Head, Unread> {
        read_head(&mut io::BufReader::new(bytes))
    }

    #[test]
    fn a_browser_request_is_read_with_its_host() {
        let read = head(b"GET /a.html HTTP/1.1\r\nhost: localhost:8000\r\nAccept: */*\r\n\r\nbody")
            .unwrap();
        assert_eq!(read.method, "GET");
        assert_eq!(read.target, "/a.html");
        assert_eq!(read.host.as_deref(), Some("localhost:8000"));
    }

    #[test]
    fn gzip_is_sent_only_to_a_client_that_takes_it() {
        let takes = |codings: &str| {
            let request = format!("GET / HTTP/1.1\r\nAccept-Encoding: {codings}\r\n\r\n");
            head(request.as_bytes()).unwrap().takes_gzip
        };
        assert!(takes("gzip, deflate, br, zstd"));
        assert!(takes("br;q=1.0, GZIP;q=0.5"));
        assert!(takes("*"));
        assert!(!takes("identity"));
        assert!(!takes("gzip;q=0, br"));
        assert!(!takes("gzip; q=0.0"));
        assert!(!head(b"GET / HTTP/1.1\r\n\r\n").unwrap().takes_gzip);
    }

    #[test]
    fn a_head_longer_than_the_limit_is_refused_without_reading_it_all() {
        let long_line = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MOST));
        assert!(matches!(
            head(long_line.as_bytes()),
            Err(Unread::LineTooLong)
        ));
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "X-A: b\r\n".repeat(MOST / 8));
        assert!(matches!(head(many.as_bytes()), Err(Unread::HeadTooLarge)));
        assert!(matches!(head(b"GET / HT"), Err(Unread::Closed(_))));
    }

    #[test]
    fn only_names_of_this_server_are_answered() {
        let own = ["127.0.0.1:8000".parse().unwrap()];
        for host in [
            "127.0.0.1:8000",
            "localhost:8000",
            "LOCALHOST:8000",
            "[::1]:8000",
        ] {
            assert!(names_this_server(Some(host), &own), "{host}");
        }
        for host in [
            "attacker.example:8000",
            "attacker.example",
            "localhost:8001",
            "127.0.0.1",
            "10.0.0.1:8000",
            "localhost:x",
            "",
        ] {
            assert!(!names_this_server(Some(host), &own), "{host}");
        }
        assert!(!names_this_server(None, &own));
        let lan = ["192.168.1.5:80".parse().unwrap()];
        assert!(names_this_server(Some("192.168.1.5"), &lan));
        assert!(!names_this_server(Some("planpress.attacker.example"), &lan));
        let v6 = ["[fe80::1]:8000".parse().unwrap()];
        assert!(names_this_server(Some("[fe80::1]:8000"), &v6));
    }
}
