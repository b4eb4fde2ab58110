//! A valid schema in every form of the attribute language compiles, and the
//! generated metadata is usable at run time.

use shale::{PgEnum, Table};

/// People who can sign in.
#[derive(PgEnum, Debug, Clone, Copy, PartialEq)]
#[pg_enum(name = "role", schema = "auth", renamed_from = "auth.user_role")]
pub enum Role {
    Admin,
    Member,
    #[pg_enum(rename = "guest-user", renamed_from = "guest")]
    Guest,
}

#[derive(Table)]
#[table(name = "orgs", schema = "auth")]
pub struct Org {
    #[column(primary_key, identity = "always")]
    pub id: i64,
}

/// People who can sign in.
#[derive(Table)]
#[table(name = "users", schema = "auth", renamed_from = "people")]
#[index(columns(org_id, created_at(desc, nulls_last)))]
#[index(columns(email), unique, name = "users_email_lower", expr = "lower(email)")]
#[unique(columns(org_id, handle), nulls_not_distinct)]
#[unique(columns(org_id, id))]
#[check(name = "users_age_positive", expr = "age > 0")]
#[index(columns(org_id), method = "brin", where = "deleted_at IS NULL", include(email))]
#[index(columns(handle(ops = "text_pattern_ops")))]
#[foreign_key(columns(org_id, manager_id), references = "auth.users(org_id, id)", on_delete = "cascade", deferrable)]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(sql_type = "varchar(320)", name = "email_address")]
    pub email: String,
    #[column(check = "age < 200")]
    pub age: Option<i32>,
    #[column(references = "auth.orgs.id", on_delete = "cascade", on_update = "no_action")]
    pub org_id: i64,
    pub manager_id: Option<i64>,
    #[column(renamed_from = "nickname", unique = true)]
    pub handle: String,
    #[column(default = "now()")]
    pub created_at: String,
    pub deleted_at: Option<String>,
    #[column(default = "'member'")]
    pub role: Role,
    pub tags: Vec<String>,
    #[column(generated = "lower(handle)")]
    pub handle_lower: String,
    #[column(skip)]
    pub cached: u8,
    pub r#type: String,
}

/// A composite key, generic over a marker.
#[derive(Table)]
#[primary_key(columns(user_id, org), name = "pairs_pk")]
struct Pair<T: Default> {
    user_id: i64,
    #[column(name = "org_id")]
    org: i64,
    #[column(skip)]
    marker: T,
}

fn main() {
    assert_eq!(User::QUALIFIED_NAME, "\"auth\".\"users\"");
    assert_eq!(
        User::COLUMNS,
        [
            "id", "email_address", "age", "org_id", "manager_id", "handle", "created_at",
            "deleted_at", "role", "tags", "handle_lower", "type"
        ]
    );
    assert_eq!(user_columns::EMAIL, "email_address");
    assert_eq!(user_columns::TYPE, "type");
    assert_eq!(<User as Table>::PRIMARY_KEY, ["id"]);
    assert_eq!(Pair::<u8>::NAME, "pair");
    assert_eq!(Pair::<u8>::PRIMARY_KEY, ["user_id", "org_id"]);
    assert_eq!(pair_columns::ORG, "org_id");
    assert_eq!(Org::SCHEMA, "auth");
    assert_eq!(Role::QUALIFIED_NAME, "\"auth\".\"role\"");
    assert_eq!(Role::VALUES, ["admin", "member", "guest-user"]);
    assert_eq!(<Role as PgEnum>::from_db_str("member"), Some(Role::Member));
    assert_eq!("guest-user".parse::<Role>(), Ok(Role::Guest));
    assert_eq!(Role::Guest.to_string(), "guest-user");
    let _ = Pair::<u8> { user_id: 1, org: 2, marker: 0 };
}
