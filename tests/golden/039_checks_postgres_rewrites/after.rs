//! Checks and predicates that PostgreSQL stores in a different spelling
//! (IN → = ANY (ARRAY[…]), BETWEEN → two comparisons, LIKE → ~~,
//! position(a IN b) → POSITION((a) IN (b)), literal casts): the live
//! database must still compare equal to the schema.

#[derive(Table)]
#[table(name = "accounts")]
#[check(name = "accounts_kind_known", expr = "kind IN ('person', 'company')")]
#[check(name = "accounts_email_has_at", expr = "position('@' in email) > 1")]
#[index(columns(email), where = "kind = 'company' AND email NOT LIKE '%@example.com'", name = "accounts_company_email")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub kind: String,
    pub email: String,
    #[column(check = "score BETWEEN 0 AND 100")]
    pub score: i32,
    #[column(default = "'2000-01-01 00:00:00+00'::timestamptz")]
    pub since: DateTime<Utc>,
}
