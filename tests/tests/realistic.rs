//! Realistic schemas, written by hand in the shape of real applications (a
//! Supabase-style SaaS, an event store, a billing system), 50+ tables each,
//! in `tests/realistic/<name>/`:
//!
//! - `core.sql` (what shale models) is loaded into PostgreSQL, then taken
//!   through `shale pull` → `shale generate` → `shale migrate` on an empty
//!   database; `pg_dump --schema-only` of the two databases must be equal,
//!   `shale verify` on the original must exit 0 and `shale check` must pass;
//! - `extras.sql` (kinds shale does not model yet) is loaded on top in a
//!   third database: `verify` must not say "in sync", and must list exactly
//!   the number of objects its header announces (`-- expect-not-compared: N`).
//!   As kinds get modelled, their objects move from extras to core.

use std::path::{Path, PathBuf};
use std::process::Output;

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .output()
        .expect("run shale")
}

fn ok(out: &Output, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}:\n{}",
        shale_tests::output_text(out)
    );
}

fn database(sql: &str) -> String {
    let url = shale_tests::fresh_database();
    shale_tests::connect(&url)
        .batch_execute(sql)
        .unwrap_or_else(|e| panic!("loading the schema: {e}"));
    url
}

fn expected_not_compared(extras: &str) -> usize {
    extras
        .lines()
        .find_map(|l| l.strip_prefix("-- expect-not-compared:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("extras.sql announces `-- expect-not-compared: N`")
}

fn check_schema(name: &str) {
    let dir: PathBuf = shale_tests::repo_root().join("tests/realistic").join(name);
    let core = std::fs::read_to_string(dir.join("core.sql")).unwrap();
    let extras = std::fs::read_to_string(dir.join("extras.sql")).unwrap();
    let tables = core.matches("CREATE TABLE ").count();
    assert!(tables >= 50, "{name}: only {tables} tables");

    let original = database(&core);
    let project = tempfile::tempdir().unwrap();
    let p = project.path();
    ok(&shale(p, &["pull", "--db", &original]), "pull");
    ok(&shale(p, &["generate", "--name", "init"]), "generate");
    let rebuilt = shale_tests::fresh_database();
    ok(&shale(p, &["migrate", "--db", &rebuilt]), "migrate");
    let (expected, actual) = (
        shale_tests::pg_dump_schema(&original).unwrap(),
        shale_tests::pg_dump_schema(&rebuilt).unwrap(),
    );
    assert!(
        expected == actual,
        "{name}: pg_dump of the rebuilt database differs from the original:\n{}",
        shale_tests::text_diff(&expected, &actual, "original", "rebuilt by shale")
    );
    let verify = shale(p, &["verify", "--db", &original]);
    ok(&verify, "verify on the original");
    assert!(String::from_utf8_lossy(&verify.stdout).contains("in sync"));
    ok(&shale(p, &["check"]), "check");

    let full = database(&format!("{core}\n{extras}"));
    let out = shale(p, &["verify", "--db", &full, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        shale_tests::output_text(&out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["in_sync"], false);
    let listed = doc["census"]["not_compared"].as_array().unwrap();
    assert_eq!(
        listed.len(),
        expected_not_compared(&extras),
        "{name}: the objects verify did not compare: {listed:#?}"
    );
}

#[test]
fn saas_on_supabase() {
    check_schema("saas");
}

#[test]
fn event_store_partitioned_by_month() {
    check_schema("events");
}

#[test]
fn billing_with_domains_and_exclusion_constraints() {
    check_schema("billing");
}
