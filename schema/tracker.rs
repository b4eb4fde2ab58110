//! The issue tracker itself: projects, issues, their comments and labels.

use chrono::{DateTime, Utc};
use shale::{Function, PgEnum, Table};

/// Where an issue stands. The order is the board's column order.
#[derive(PgEnum, Debug)]
#[pg_enum(name = "issue_state")]
pub enum IssueState {
    Open,
    InProgress,
    Blocked,
    Closed,
}

/// A project groups issues under a short key (`WEB-123`).
#[derive(Table)]
#[table(name = "projects")]
#[unique(columns(organisation_id, key))]
// The lead must be a member of the project's organisation: a two-column key
// onto the composite primary key of memberships. While `lead_user_id` is NULL
// the key is not checked (MATCH SIMPLE).
#[foreign_key(
    columns(organisation_id, lead_user_id),
    references = "public.memberships(organisation_id, user_id)",
    on_delete = "restrict",
    on_update = "cascade",
    name = "projects_lead_membership_fkey"
)]
pub struct Project {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "organisations.id", on_delete = "cascade")]
    pub organisation_id: i64,
    /// Upper-case letters, shown in front of issue numbers.
    #[column(sql_type = "varchar(10)", check = "key ~ '^[A-Z][A-Z0-9]*$'")]
    pub key: String,
    pub name: String,
    pub lead_user_id: Option<i64>,
    #[column(default = "false")]
    pub archived: bool,
    #[column(default = "now()")]
    pub created_at: DateTime<Utc>,
}

/// A unit of work.
#[derive(Table)]
#[table(name = "issues")]
#[unique(columns(project_id, number), name = "issues_project_number_key")]
// The board: open work of a project. Closed issues are most of the table and
// never shown there, so they stay out of the index.
#[index(
    columns(project_id, state),
    where = "state <> 'closed'",
    name = "issues_board"
)]
// Triage: most urgent first, never-closed issues before closed ones.
#[index(
    columns(project_id, priority(desc), closed_at(asc, nulls_first)),
    name = "issues_triage"
)]
#[trigger(
    name = "issues_touch_updated_at",
    timing = "before",
    events(update),
    update_of(title, body, state, priority, assignee_id),
    for_each = "row",
    when = "OLD.state IS DISTINCT FROM NEW.state OR OLD.title IS DISTINCT FROM NEW.title",
    function = "touch_updated_at"
)]
#[index(columns(assignee_id), where = "assignee_id IS NOT NULL")]
#[index(columns(created_at(desc)))]
#[index(columns(search), method = "gin")]
#[check(
    name = "issues_closed_when_closed",
    expr = "(state = 'closed') = (closed_at IS NOT NULL)"
)]
pub struct Issue {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "projects.id", on_delete = "cascade")]
    pub project_id: i64,
    /// Per-project number, allocated by the application.
    pub number: i32,
    pub title: String,
    pub body: Option<String>,
    #[column(default = "'open'")]
    pub state: IssueState,
    /// 0 (none) to 4 (urgent).
    #[column(default = "2", check = "priority BETWEEN 0 AND 4")]
    pub priority: i16,
    #[column(references = "users.id", on_delete = "set_null")]
    pub assignee_id: Option<i64>,
    /// `restrict`: users who reported issues are anonymised, never deleted.
    #[column(references = "users.id", on_delete = "restrict")]
    pub reporter_id: i64,
    /// Sub-issues point at their parent.
    #[column(references = "issues.id", on_delete = "set_null")]
    pub parent_id: Option<i64>,
    /// Full-text search document, maintained by the database.
    #[column(
        sql_type = "tsvector",
        generated = "to_tsvector('english', title || ' ' || coalesce(body, ''))"
    )]
    pub search: String,
    #[column(default = "now()")]
    pub created_at: DateTime<Utc>,
    #[column(default = "now()")]
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// A comment on an issue.
#[derive(Table)]
#[table(name = "comments")]
#[index(columns(issue_id, created_at))]
pub struct Comment {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "issues.id", on_delete = "cascade")]
    pub issue_id: i64,
    /// NULL once the author's account is deleted; the text stays.
    #[column(references = "users.id", on_delete = "set_null")]
    pub author_id: Option<i64>,
    pub body: String,
    #[column(default = "false")]
    pub edited: bool,
    #[column(default = "now()")]
    pub created_at: DateTime<Utc>,
}

/// A coloured tag a project's issues can carry.
#[derive(Table)]
#[table(name = "labels")]
// Names are unique within a group; labels without a group form one group
// too, which plain UNIQUE would not enforce (NULLs are distinct).
#[unique(columns(project_id, group_name, name), nulls_not_distinct)]
pub struct Label {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "projects.id", on_delete = "cascade")]
    pub project_id: i64,
    pub group_name: Option<String>,
    pub name: String,
    /// `#rrggbb`.
    #[column(
        sql_type = "char(7)",
        default = "'#888888'",
        check = "color ~ '^#[0-9a-f]{6}$'"
    )]
    pub color: String,
}

/// Which labels an issue carries (many to many).
#[derive(Table)]
#[table(name = "issue_labels")]
#[primary_key(columns(issue_id, label_id))]
// "All issues with this label" walks the key the other way round.
#[index(columns(label_id))]
pub struct IssueLabel {
    #[column(references = "issues.id", on_delete = "cascade")]
    pub issue_id: i64,
    #[column(references = "labels.id", on_delete = "cascade")]
    pub label_id: i64,
    #[column(default = "now()")]
    pub added_at: DateTime<Utc>,
}

/// Sets `updated_at` to the time of the change: the trigger function of every
/// table with an `updated_at` column.
#[derive(Function)]
#[function(
    returns = "trigger",
    language = "plpgsql",
    search_path = "pg_catalog, pg_temp",
    sql = r#"
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
"#
)]
pub struct TouchUpdatedAt;
