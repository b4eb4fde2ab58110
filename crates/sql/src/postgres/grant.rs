//! Privileges in PostgreSQL: `GRANT` and `REVOKE` on tables, views,
//! sequences, routines and schemas, and `COMMENT ON SCHEMA`.

use shale_differ::{GrantTarget, Step};
use shale_model::policy::PUBLIC_ROLE;
use shale_model::Privilege;

use super::function::routine_ref;
use super::{qualified, table_label, Renderer};
use crate::{hazard, ident, literal, HazardKind, RenderError};

/// `PUBLIC` for every role, else the quoted role name.
fn role_sql(role: &str) -> String {
    if role == PUBLIC_ROLE {
        "PUBLIC".to_string()
    } else {
        ident(role)
    }
}

/// `SELECT, INSERT`; on a column target `SELECT ("col"), INSERT ("col")`.
fn privileges_sql(privileges: &[Privilege], target: &GrantTarget) -> String {
    match target {
        GrantTarget::Column(_, c) => privileges
            .iter()
            .map(|p| format!("{} ({})", p.as_sql(), ident(c)))
            .collect::<Vec<_>>()
            .join(", "),
        _ => privilege_names(privileges),
    }
}

/// `SELECT, INSERT`: for messages.
fn privilege_names(privileges: &[Privilege]) -> String {
    privileges
        .iter()
        .map(|p| p.as_sql())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Renderer<'_> {
    /// `ON TABLE …`, `ON SEQUENCE …`, `ON FUNCTION f(…)`, `ON SCHEMA …`.
    fn grant_object_sql(&self, target: &GrantTarget) -> Result<String, RenderError> {
        Ok(match target {
            GrantTarget::Table(name) | GrantTarget::Column(name, _) => {
                format!("TABLE {}", qualified(name))
            }
            GrantTarget::Sequence(name) => format!("SEQUENCE {}", qualified(name)),
            GrantTarget::Function(name, args) => {
                let f = self.next_function(name, args)?;
                format!(
                    "{} {}",
                    f.kind().to_ascii_uppercase(),
                    routine_ref(name, args)
                )
            }
            GrantTarget::Schema(name) => format!("SCHEMA {}", ident(name)),
        })
    }

    /// Renders a grant or revoke step (any other step renders nothing here).
    pub(super) fn render_grant_step(&mut self, step: &Step) -> Result<(), RenderError> {
        match step {
            Step::GrantPrivileges {
                target,
                role,
                grant_option,
                privileges,
            } => {
                let sql = format!(
                    "GRANT {} ON {} TO {}{};",
                    privileges_sql(privileges, target),
                    self.grant_object_sql(target)?,
                    role_sql(role),
                    if *grant_option {
                        " WITH GRANT OPTION"
                    } else {
                        ""
                    }
                );
                self.push(sql, vec![]);
            }
            Step::RevokePrivileges {
                target,
                role,
                grant_option_only,
                privileges,
            } => {
                let object = self.grant_object_sql(target)?;
                let sql = format!(
                    "REVOKE {}{} ON {object} FROM {};",
                    if *grant_option_only {
                        "GRANT OPTION FOR "
                    } else {
                        ""
                    },
                    privileges_sql(privileges, target),
                    role_sql(role),
                );
                // Applications running as that role lose access: a change
                // of behaviour for whoever relies on it.
                let what = match target {
                    GrantTarget::Table(n) | GrantTarget::Sequence(n) => table_label(n),
                    GrantTarget::Function(n, args) => routine_ref(n, args),
                    GrantTarget::Schema(n) => format!("schema {}", ident(n)),
                    GrantTarget::Column(t, c) => format!("{}.{}", table_label(t), ident(c)),
                };
                self.push(
                    sql,
                    vec![hazard(
                        HazardKind::BackwardIncompatible,
                        format!(
                            "revokes {}{} on {what} from {}",
                            if *grant_option_only {
                                "the grant option for "
                            } else {
                                ""
                            },
                            privilege_names(privileges),
                            role_sql(role)
                        ),
                    )],
                );
            }
            _ => {}
        }
        Ok(())
    }

    /// `COMMENT ON SCHEMA … IS …` of a namespace of the next schema. No
    /// comment on `public` is initdb's own comment, which the model reads
    /// as none (pg_dump and a restore then agree with a fresh database).
    pub(super) fn schema_comment_sql(&self, name: &str) -> String {
        let comment = self
            .schemas
            .next
            .namespace_settings(name)
            .and_then(|n| n.comment.as_deref())
            .or((name == shale_model::DEFAULT_NAMESPACE)
                .then_some(shale_model::grant::PUBLIC_SCHEMA_COMMENT));
        format!(
            "COMMENT ON SCHEMA {} IS {};",
            ident(name),
            comment.map_or_else(|| "NULL".to_string(), literal)
        )
    }
}
