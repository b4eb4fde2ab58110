//! The example program (`examples/app`) against a throwaway PostgreSQL: it
//! applies `migrations/` and inserts and selects rows with SQL built from
//! the metadata generated for `schema/`, binding and reading enums through
//! shale's `postgres` feature.

use shale_example_schema::accounts::{MemberRole, User};
use shale_tests::{fresh_database, repo_root};

#[test]
fn example_program_round_trips_rows_through_generated_metadata() {
    let url = fresh_database();
    let mut out = Vec::new();
    shale_example_app::run(&url, &repo_root().join("migrations"), &mut out)
        .unwrap_or_else(|e| panic!("example program failed: {e:#}"));
    let out = String::from_utf8(out).expect("utf-8 output");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert!(
        lines[0].starts_with("migrations applied: ") && !lines[0].ends_with(": 0"),
        "{out}"
    );
    assert_eq!(lines[1], "inserted into organisations: id 1");
    assert_eq!(lines[2], "inserted into users: id 1");
    assert_eq!(lines[3], "inserted into memberships: role read-only");
    assert_eq!(
        lines[4],
        format!(
            "SELECT {} FROM \"public\".\"users\" WHERE id = $1: {} columns, email ada@example.com",
            User::COLUMNS.join(", "),
            User::COLUMNS.len()
        )
    );
    assert_eq!(
        lines[5],
        format!("read back: plan team, role {}", MemberRole::ReadOnly)
    );

    // The enum really is stored as the database value, not the Rust name.
    let mut client = shale_tests::connect(&url);
    let role: String = client
        .query_one("SELECT role::text FROM memberships", &[])
        .expect("membership row")
        .get(0);
    assert_eq!(role, "read-only");

    // Running it again applies nothing and fails on the unique slug: errors
    // surface instead of being swallowed.
    let mut again = Vec::new();
    let error = shale_example_app::run(&url, &repo_root().join("migrations"), &mut again)
        .expect_err("a second organisation `acme` violates the unique slug");
    assert!(
        format!("{error:#}").contains("organisations_slug_key"),
        "{error:#}"
    );
    assert_eq!(
        String::from_utf8_lossy(&again).lines().next(),
        Some("migrations applied: 0")
    );
}
