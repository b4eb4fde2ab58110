//! `load_sources`: every `.rs` file below a directory, sorted, with paths as
//! given; a single file; errors that name the path.

use std::path::PathBuf;

use shale_parser::{load_sources, parse_sources, ParseOptions};

#[test]
fn loads_every_rust_file_below_a_directory_sorted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("schema");
    std::fs::create_dir_all(root.join("billing/nested")).unwrap();
    std::fs::write(
        root.join("users.rs"),
        "#[derive(Table)] struct User { id: i64 }",
    )
    .unwrap();
    std::fs::write(
        root.join("billing/nested/plans.rs"),
        "#[derive(PgEnum)] enum Plan { Free }",
    )
    .unwrap();
    std::fs::write(
        root.join("billing/invoices.rs"),
        "#[derive(Table)] struct Invoice { plan: Plan }",
    )
    .unwrap();
    std::fs::write(root.join("billing/notes.txt"), "not rust").unwrap();
    std::fs::write(root.join("aaa.rs.bak"), "not rust either").unwrap();

    let files = load_sources(&root).unwrap();
    let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    assert_eq!(
        paths,
        vec![
            root.join("billing/invoices.rs"),
            root.join("billing/nested/plans.rs"),
            root.join("users.rs")
        ]
    );
    assert!(files[2].text.contains("struct User"));

    let parsed = parse_sources(&files, &ParseOptions::default());
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.schema.tables.len(), 2);
}

#[test]
fn loads_a_single_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("schema.rs");
    std::fs::write(&file, "// empty\n").unwrap();
    let files = load_sources(&file).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].path, file);
}

#[test]
fn errors_name_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let err = load_sources(&missing).unwrap_err();
    assert!(err.to_string().contains("nope"), "{err}");

    let bad = dir.path().join("bad.rs");
    std::fs::write(&bad, [0xff, 0xfe, b'x']).unwrap();
    let err = load_sources(dir.path()).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert!(err.to_string().contains("bad.rs"), "{err}");
}
