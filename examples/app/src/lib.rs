//! The example program's logic: applies the example schema's migrations to a
//! database, then writes and reads rows through the `postgres` crate with
//! SQL built only from the metadata `#[derive(Table)]` and
//! `#[derive(PgEnum)]` generated for `schema/` (no table or column name is
//! typed as a string here).

#![deny(missing_docs)]

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, Context, Result};
use postgres::{Client, NoTls};
use shale_example_schema::accounts::{
    membership_columns as m, organisation_columns as o, user_columns as u, MemberRole, Membership,
    Organisation, Plan, User,
};
use shale_migrations::folder::MigrationFolder;
use shale_runner::MigrateOptions;

/// `$1, $2, …, $n`.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Migrates the database at `url` with the folder `migrations`, inserts an
/// organisation, a user and a membership, reads them back and writes one
/// line per step to `out`.
pub fn run(url: &str, migrations: &Path, out: &mut dyn Write) -> Result<()> {
    let folder =
        MigrationFolder::load(migrations).map_err(|e| anyhow!("{}: {e}", migrations.display()))?;
    let mut client = Client::connect(url, NoTls).context("connecting")?;
    let report = shale_runner::migrate(&mut client, &folder, &MigrateOptions::default())
        .map_err(|e| anyhow!("migrating: {e}"))?;
    writeln!(out, "migrations applied: {}", report.applied.len())?;

    // An enum value is bound through its `ToSql` impl (shale's `postgres` feature).
    let insert = format!(
        "INSERT INTO {} ({}) VALUES ({}) RETURNING {}",
        Organisation::QUALIFIED_NAME,
        [o::SLUG, o::NAME, o::PLAN].join(", "),
        placeholders(3),
        Organisation::PRIMARY_KEY.join(", "),
    );
    let org_id: i64 = client
        .query_one(&insert, &[&"acme", &"Acme Corp", &Plan::Team])?
        .get(0);
    writeln!(out, "inserted into {}: id {org_id}", Organisation::NAME)?;

    let insert = format!(
        "INSERT INTO {} ({}) VALUES ({}) RETURNING {}",
        User::QUALIFIED_NAME,
        [u::EMAIL, u::DISPLAY_NAME].join(", "),
        placeholders(2),
        User::PRIMARY_KEY.join(", "),
    );
    let user_id: i64 = client
        .query_one(&insert, &[&"ada@example.com", &"Ada"])?
        .get(0);
    writeln!(out, "inserted into {}: id {user_id}", User::NAME)?;

    let insert = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        Membership::QUALIFIED_NAME,
        [m::ORGANISATION_ID, m::USER_ID, m::ROLE].join(", "),
        placeholders(3),
    );
    client.execute(&insert, &[&org_id, &user_id, &MemberRole::ReadOnly])?;
    writeln!(
        out,
        "inserted into {}: role {}",
        Membership::NAME,
        MemberRole::ReadOnly
    )?;

    // Every column, in declaration order, read back by position; enums
    // come back through their `FromSql` impl.
    let select = format!(
        "SELECT {} FROM {} WHERE {} = $1",
        User::COLUMNS.join(", "),
        User::QUALIFIED_NAME,
        u::ID
    );
    let row = client.query_one(&select, &[&user_id])?;
    let email_at = User::COLUMNS
        .iter()
        .position(|c| *c == u::EMAIL)
        .ok_or_else(|| anyhow!("no email column"))?;
    let email: String = row.get(email_at);
    writeln!(out, "{}: {} columns, email {email}", select, row.len())?;

    let select = format!(
        "SELECT o.{}, m.{} FROM {} o JOIN {} m ON m.{} = o.{} WHERE m.{} = $1",
        o::PLAN,
        m::ROLE,
        Organisation::QUALIFIED_NAME,
        Membership::QUALIFIED_NAME,
        m::ORGANISATION_ID,
        o::ID,
        m::USER_ID,
    );
    let row = client.query_one(&select, &[&user_id])?;
    let plan: Plan = row.get(0);
    let role: MemberRole = row.get(1);
    writeln!(out, "read back: plan {plan}, role {role}")?;
    Ok(())
}
