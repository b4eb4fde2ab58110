//! Data-driven parser tests, rust-analyzer style: each
//! `test_data/ok/NNNN_name.rs` must parse without diagnostics into the model
//! dump in `NNNN_name.txt`; each `test_data/err/NNNN_name.rs` must produce
//! the rendered diagnostics in `NNNN_name.txt`. `SHALE_BLESS=1 cargo test`
//! rewrites the expected files. A fixture may hold several files, each
//! started by a line `//- path.rs`.

mod common;

use std::path::{Path, PathBuf};

use shale_parser::{parse_sources, Dialect, ParseOptions, SourceFile};

use common::{compare, dump, fixtures, render, split_fixture};

fn data_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data")
        .join(kind)
}

/// Files whose name contains `sqlite` are parsed for the SQLite dialect.
fn options_for(path: &Path) -> ParseOptions {
    let sqlite = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().contains("sqlite"));
    ParseOptions {
        dialect: if sqlite {
            Dialect::Sqlite
        } else {
            Dialect::Postgres
        },
        ..ParseOptions::default()
    }
}

/// Runs `check` over every fixture of a kind and reports all failures at once.
fn check_all(kind: &str, check: impl Fn(&Path, &str) -> Result<String, String>) {
    let paths = fixtures(&data_dir(kind));
    assert!(!paths.is_empty(), "no fixtures in test_data/{kind}");
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        match check(path, &text) {
            Ok(actual) => {
                if let Some(failure) = compare(&path.with_extension("txt"), &actual) {
                    failures.push(failure);
                }
            }
            Err(failure) => failures.push(format!("{}: {failure}", path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}

fn fixture_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The result must not depend on how many threads read the files, nor on
/// how the files are cut into pieces: each file on a thread of its own, and
/// each file cut at every item boundary (`piece_bytes: 1`) on 1, 2 and many
/// threads, give exactly what one thread reading whole files gives.
fn same_on_every_thread_count(
    files: &[SourceFile],
    options: &ParseOptions,
    one_thread: &shale_parser::Parsed,
) -> Result<(), String> {
    let items: usize = files
        .iter()
        .map(|f| f.text.matches("struct ").count() + f.text.matches("enum ").count())
        .sum();
    let whole = usize::MAX;
    for (threads, piece_bytes) in [
        (2, whole),
        (files.len().max(2), whole),
        (1, 1),
        (2, 1),
        (items.max(3), 1),
        (2, 200),
    ] {
        let options = ParseOptions {
            threads,
            piece_bytes,
            ..options.clone()
        };
        let parsed = parse_sources(files, &options);
        if parsed.diagnostics != one_thread.diagnostics
            || parsed.schema != one_thread.schema
            || parsed.renames != one_thread.renames
        {
            return Err(format!(
                "{threads} threads, pieces of {piece_bytes} bytes give another result than one thread:\n{}\nexpected:\n{}",
                render(files, &parsed.diagnostics),
                render(files, &one_thread.diagnostics)
            ));
        }
    }
    Ok(())
}

/// One thread reading every file whole: the reference result.
fn one_thread(path: &Path) -> ParseOptions {
    ParseOptions {
        threads: 1,
        piece_bytes: usize::MAX,
        ..options_for(path)
    }
}

#[test]
fn ok_fixtures_parse_into_their_models() {
    check_all("ok", |path, text| {
        let files = split_fixture(&fixture_name(path), text);
        let parsed = parse_sources(&files, &one_thread(path));
        same_on_every_thread_count(&files, &options_for(path), &parsed)?;
        if !parsed.diagnostics.is_empty() {
            return Err(format!(
                "unexpected diagnostics:\n{}",
                render(&files, &parsed.diagnostics)
            ));
        }
        // The model must not depend on the order of the files.
        let mut reversed = files.clone();
        reversed.reverse();
        let again = parse_sources(&reversed, &options_for(path));
        if again.schema != parsed.schema || again.renames != parsed.renames {
            return Err("the model depends on the order of the files".to_string());
        }
        Ok(dump(&parsed))
    });
}

#[test]
fn err_fixtures_report_their_diagnostics() {
    check_all("err", |path, text| {
        let files = split_fixture(&fixture_name(path), text);
        let parsed = parse_sources(&files, &one_thread(path));
        same_on_every_thread_count(&files, &options_for(path), &parsed)?;
        if parsed.diagnostics.is_empty() {
            return Err("expected diagnostics, got none".to_string());
        }
        for d in &parsed.diagnostics {
            let first = d.message.chars().next().unwrap_or(' ');
            if first.is_uppercase() || d.message.ends_with('.') {
                return Err(format!(
                    "message not lowercase without final period: {:?}",
                    d.message
                ));
            }
        }
        Ok(render(&files, &parsed.diagnostics))
    });
}

/// Every fixture of a kind concatenated into one large file (as a schema
/// kept in one `schema.rs`), whatever its diagnostics: cut at every item
/// boundary, or into pieces of a few kilobytes, on 1, 2 and 8 threads, it
/// reads exactly as when read whole on one thread.
#[test]
fn one_large_file_reads_the_same_in_pieces() {
    for kind in ["ok", "err"] {
        let mut text = String::new();
        for path in fixtures(&data_dir(kind)) {
            if fixture_name(&path).contains("sqlite") {
                continue;
            }
            for file in split_fixture(
                &fixture_name(&path),
                &std::fs::read_to_string(&path).unwrap(),
            ) {
                text.push_str(&file.text);
                text.push('\n');
            }
        }
        let files = [SourceFile {
            path: format!("{kind}_all.rs").into(),
            text,
        }];
        let reference = parse_sources(
            &files,
            &ParseOptions {
                threads: 1,
                piece_bytes: usize::MAX,
                ..ParseOptions::default()
            },
        );
        assert!(
            !reference.diagnostics.is_empty(),
            "the concatenated fixtures have duplicates"
        );
        for piece_bytes in [1, 4096, 0] {
            for threads in [1, 2, 8] {
                let parsed = parse_sources(
                    &files,
                    &ParseOptions {
                        threads,
                        piece_bytes,
                        ..ParseOptions::default()
                    },
                );
                assert!(
                    parsed.diagnostics == reference.diagnostics
                        && parsed.schema == reference.schema
                        && parsed.renames == reference.renames,
                    "{kind}: {threads} threads, pieces of {piece_bytes} bytes:\n{}\nexpected:\n{}",
                    render(&files, &parsed.diagnostics),
                    render(&files, &reference.diagnostics)
                );
            }
        }
    }
}
