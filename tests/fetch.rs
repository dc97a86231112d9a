//! `bilateral URL` against a server on 127.0.0.1 started by the test itself: redirects, slow
//! answers, huge and compressed bodies, wrong content types, HTTP errors. Nothing here reaches
//! the internet.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

const PAGE: &str = include_str!("pages/freedonia_talks.html");

/// The server's base URL (`http://127.0.0.1:PORT`), started once for all tests.
fn server() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || serve(stream));
            }
        });
        base
    })
}

fn serve(mut stream: TcpStream) {
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request).to_string();
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let respond =
        |stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]| {
            let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        };
    let html = ("Content-Type", "text/html; charset=utf-8".to_string());
    let len = |b: &[u8]| ("Content-Length", b.len().to_string());
    match path.as_str() {
        "/article" => respond(
            &mut stream,
            "200 OK",
            &[html, len(PAGE.as_bytes())],
            PAGE.as_bytes(),
        ),
        "/agent" => {
            // echoes the User-Agent in a page long enough to be an article
            let agent = request
                .lines()
                .find_map(|l| {
                    l.strip_prefix("user-agent: ")
                        .or_else(|| l.strip_prefix("User-Agent: "))
                })
                .unwrap_or("none")
                .to_string();
            let body = format!(
                "<html><body><article><p>The agent that asked for this page was {agent} and it \
                 asked politely for one page about the talks between two neighbours.</p></article></body></html>"
            );
            respond(
                &mut stream,
                "200 OK",
                &[html, len(body.as_bytes())],
                body.as_bytes(),
            );
        }
        "/r1" => respond(
            &mut stream,
            "302 Found",
            &[("Location", "/r2".into()), len(b"")],
            b"",
        ),
        "/r2" => respond(
            &mut stream,
            "301 Moved Permanently",
            &[("Location", "/article".into()), len(b"")],
            b"",
        ),
        "/loop" => respond(
            &mut stream,
            "302 Found",
            &[("Location", "/loop".into()), len(b"")],
            b"",
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(5));
            respond(
                &mut stream,
                "200 OK",
                &[html, len(PAGE.as_bytes())],
                PAGE.as_bytes(),
            );
        }
        "/huge" => {
            // no Content-Length: the limit must stop the reading
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n<html><body><p>");
            let chunk = vec![b'a'; 64 * 1024];
            for _ in 0..64 {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
            }
        }
        "/huge-declared" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: 50000000000\r\n\r\n<html>");
        }
        "/pdf" => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "application/pdf".into()), len(b"%PDF-1.7")],
            b"%PDF-1.7",
        ),
        "/br" => {
            let mut e = brotli::CompressorWriter::new(Vec::new(), 4096, 5, 22);
            e.write_all(PAGE.as_bytes()).unwrap();
            let body = e.into_inner();
            respond(
                &mut stream,
                "200 OK",
                &[html, ("Content-Encoding", "br".into()), len(&body)],
                &body,
            );
        }
        "/gzip" | "/deflate" => {
            let body = if path == "/gzip" {
                let mut e =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                e.write_all(PAGE.as_bytes()).unwrap();
                e.finish().unwrap()
            } else {
                let mut e =
                    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
                e.write_all(PAGE.as_bytes()).unwrap();
                e.finish().unwrap()
            };
            let encoding = if path == "/gzip" { "gzip" } else { "deflate" };
            respond(
                &mut stream,
                "200 OK",
                &[html, ("Content-Encoding", encoding.into()), len(&body)],
                &body,
            );
        }
        "/text" => {
            let body = b"Talks resume\nPublished 26 May 2024\nFreedonia said on Sunday that talks with Sylvania would resume.\n";
            respond(
                &mut stream,
                "200 OK",
                &[("Content-Type", "text/plain".into()), len(body)],
                body,
            );
        }
        _ => respond(
            &mut stream,
            "404 Not Found",
            &[html, len(b"<p>no</p>")],
            b"<p>no</p>",
        ),
    }
}

fn bilateral(args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bilateral"));
    cmd.args(args)
        .env("BILATERAL_TIMEOUT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        cmd.env_remove(var);
    }
    cmd.output().expect("the binary runs")
}

fn url(path: &str) -> String {
    format!("{}{path}", server())
}

fn json_of(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn assert_fails(out: &Output, pieces: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for p in pieces {
        assert!(stderr.contains(p), "`{p}` missing from: {stderr}");
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn a_page_is_fetched_and_read() {
    let out = bilateral(&["extract", "--json", &url("/article")]);
    let a = json_of(&out);
    assert_eq!(
        a["title"],
        "Freedonia and Sylvania agree to resume border talks"
    );
    assert_eq!(a["published"], "2024-05-26");
    assert!(a["text"].as_str().unwrap().contains("Anna Varga"));
    // and analysed
    let out = bilateral(&["--json", &url("/article")]);
    let analysis = json_of(&out);
    assert_eq!(analysis["meta"]["published"], "2024-05-26");
    assert!(
        analysis["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("read as HTML")
    );
}

#[test]
fn redirect_chains_are_followed_and_loops_refused() {
    let a = json_of(&bilateral(&["extract", "--json", &url("/r1")]));
    assert_eq!(a["published"], "2024-05-26");
    assert_fails(
        &bilateral(&["--json", &url("/loop")]),
        &["/loop", "redirects"],
    );
}

#[test]
fn slow_answers_time_out() {
    assert_fails(
        &bilateral(&["--json", &url("/slow")]),
        &["/slow", "timed out"],
    );
}

#[test]
fn huge_bodies_are_refused_while_reading() {
    assert_fails(
        &bilateral(&["--json", "--max-size", "100000", &url("/huge")]),
        &[
            "/huge",
            "larger than the limit of 100000 bytes",
            "--max-size",
        ],
    );
    assert_fails(
        &bilateral(&["--json", &url("/huge-declared")]),
        &["larger than the limit"],
    );
}

#[test]
fn compressed_bodies_are_decoded() {
    for path in ["/gzip", "/deflate", "/br"] {
        let a = json_of(&bilateral(&["extract", "--json", &url(path)]));
        assert!(
            a["text"].as_str().unwrap().contains("Teodor Lind"),
            "{path}"
        );
    }
}

#[test]
fn wrong_content_type_and_http_errors() {
    assert_fails(
        &bilateral(&["--json", &url("/pdf")]),
        &["not an HTML page", "application/pdf"],
    );
    assert_fails(
        &bilateral(&["--json", &url("/missing")]),
        &["/missing", "404"],
    );
}

#[test]
fn a_text_page_is_read_by_its_content() {
    let out = bilateral(&["--json", &url("/text")]);
    let analysis = json_of(&out);
    assert_eq!(analysis["meta"]["title"], "Talks resume");
    assert_eq!(analysis["meta"]["published"], "2024-05-26");
}

#[test]
fn the_user_agent_says_bilateral() {
    let a = json_of(&bilateral(&["extract", "--json", &url("/agent")]));
    assert!(a["text"].as_str().unwrap().contains("bilateral/"), "{a}");
}

#[test]
fn refused_connections_and_other_schemes() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    assert_fails(
        &bilateral(&["--json", &format!("http://127.0.0.1:{port}/x")]),
        &["connect"],
    );
    assert_fails(
        &bilateral(&["--json", "ftp://127.0.0.1/x"]),
        &["only http:// and https://"],
    );
}
