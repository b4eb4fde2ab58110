//! End to end, judged by pg_dump rather than by shale's own introspection: a
//! database built by hand SQL with an extension (and an index using its
//! operator class), standalone sequences (one owned by the column whose
//! default draws from it) and identity options is pulled, generated from
//! empty and migrated into an empty database; `pg_dump --schema-only` of
//! the two databases is the same, and `verify` finds the original in sync.

use std::path::Path;
use std::process::{Command, Output};

const ORIGINAL: &str = r#"
CREATE EXTENSION pg_trgm;
CREATE EXTENSION citext;
CREATE SCHEMA billing;
CREATE SEQUENCE billing.invoice_seq AS integer START WITH 1000 INCREMENT BY 5 MINVALUE 10 MAXVALUE 9999999 CACHE 3;
COMMENT ON SEQUENCE billing.invoice_seq IS 'Invoice numbers, never reused';
CREATE SEQUENCE countdown INCREMENT BY -1 CYCLE;
CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 10 CACHE 2) PRIMARY KEY,
    number integer NOT NULL DEFAULT nextval('billing.invoice_seq'),
    title text NOT NULL,
    customer_email citext
);
ALTER SEQUENCE billing.invoice_seq OWNED BY billing.invoices.number;
CREATE INDEX invoices_title_trgm ON billing.invoices USING gin (title gin_trgm_ops);
CREATE TABLE tickets (
    id serial PRIMARY KEY,
    position bigint NOT NULL DEFAULT nextval('countdown')
);
INSERT INTO billing.invoices (title) VALUES ('first');
"#;

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .output()
        .expect("run shale")
}

fn ok(o: Output) -> String {
    let t = shale_tests::output_text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    t
}

/// `pg_dump --schema-only` of a database, without the tracking schema
/// `migrate` adds and without the lines that name the dump itself.
fn schema_dump(url: &str) -> String {
    let bin = shale_shadow::find_binaries()
        .unwrap_or_else(|e| panic!("{e}"))
        .join("pg_dump");
    let out = Command::new(&bin)
        .args([
            "--schema-only",
            "--no-owner",
            "--no-privileges",
            "--exclude-schema=drizzle",
            "--dbname",
            url,
        ])
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", bin.display()));
    assert!(
        out.status.success(),
        "pg_dump failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        // Newer pg_dump versions frame the dump with a random key.
        .filter(|l| !l.starts_with("\\restrict") && !l.starts_with("\\unrestrict"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn pulled_sequences_and_extensions_rebuild_the_same_database() {
    let original = shale_tests::fresh_database();
    shale_tests::connect(&original)
        .batch_execute(ORIGINAL)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    ok(shale(d, &["pull", "--db", &original]));
    let source = std::fs::read_to_string(d.join("schema/schema.rs")).unwrap();
    for expected in [
        "#[derive(Extension)]",
        "pub struct PgTrgm;",
        "#[derive(Sequence)]",
        "pub struct InvoiceSeq;",
        "owned_by = \"invoices.number\"",
        "identity_start = 10",
        "increment = -1",
    ] {
        assert!(source.contains(expected), "{expected} missing:\n{source}");
    }

    ok(shale(d, &["generate"]));
    let copy = shale_tests::fresh_database();
    ok(shale(d, &["migrate", "--db", &copy]));

    let (a, b) = (schema_dump(&original), schema_dump(&copy));
    assert!(a.contains("CREATE EXTENSION IF NOT EXISTS pg_trgm"), "{a}");
    assert!(a.contains("CREATE SEQUENCE billing.invoice_seq"), "{a}");
    if a != b {
        let diff: Vec<String> = a
            .lines()
            .zip(b.lines())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .take(20)
            .map(|(i, (x, y))| format!("line {}:\n  original: {x}\n  rebuilt:  {y}", i + 1))
            .collect();
        panic!(
            "pg_dump of the rebuilt database differs ({} vs {} lines):\n{}\n\nrebuilt from:\n{source}",
            a.lines().count(),
            b.lines().count(),
            diff.join("\n")
        );
    }

    // And shale itself agrees: the original is in sync with the pulled schema.
    let t = ok(shale(d, &["verify", "--db", &original]));
    assert!(t.contains("in sync"), "{t}");
}
