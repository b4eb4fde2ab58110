//! Functions, procedures and triggers in PostgreSQL: `CREATE [OR REPLACE]
//! FUNCTION` / `PROCEDURE`, `DROP FUNCTION`, `CREATE` / `DROP TRIGGER`.
//!
//! A body is written between dollar quotes whose tag does not occur in it
//! (`$shale$`, else `$shale_1$`, …), so it needs no escaping and PostgreSQL
//! stores it byte for byte.

use shale_differ::Step;
use shale_model::{Function, QualifiedName, Trigger};

use super::{qualified, table_label, Renderer};
use crate::{hazard, ident, literal, HazardKind, RenderError};

/// A dollar-quote tag that does not occur in `body`.
fn dollar_tag(body: &str) -> String {
    let mut tag = "$shale$".to_string();
    let mut n = 0;
    while body.contains(&tag) {
        n += 1;
        tag = format!("$shale_{n}$");
    }
    tag
}

/// The argument list: `a integer, OUT b text, c text DEFAULT 'x'`.
pub(crate) fn arguments_sql(f: &Function) -> String {
    f.arguments
        .iter()
        .map(|a| {
            let mut parts: Vec<String> = Vec::new();
            if let Some(mode) = a.mode.as_sql() {
                parts.push(mode.to_string());
            }
            if let Some(name) = &a.name {
                parts.push(ident(name));
            }
            parts.push(a.ty.clone());
            if let Some(d) = &a.default {
                parts.push(format!("DEFAULT {d}"));
            }
            parts.join(" ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `SET search_path = …` as PostgreSQL accepts it back: its stored `""`
/// (the empty path) is written `''`.
fn search_path_sql(path: &str) -> String {
    path.split(", ")
        .map(|p| if p == "\"\"" { "''" } else { p })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole `CREATE [OR REPLACE] FUNCTION … AS $tag$ … $tag$;` statement.
pub fn create_function_sql(f: &Function, replace: bool) -> String {
    let mut sql = format!(
        "CREATE {}{} {}({})\n",
        if replace { "OR REPLACE " } else { "" },
        if f.procedure { "PROCEDURE" } else { "FUNCTION" },
        qualified(&f.name),
        arguments_sql(f)
    );
    if let Some(r) = &f.returns {
        sql.push_str(&format!(" RETURNS {r}\n"));
    }
    sql.push_str(&format!(" LANGUAGE {}\n", ident_or_keyword(&f.language)));
    let mut options: Vec<String> = Vec::new();
    if !f.procedure {
        if f.volatility != Default::default() {
            options.push(f.volatility.as_str().to_ascii_uppercase());
        }
        if f.strict {
            options.push("STRICT".into());
        }
    }
    if f.security_definer {
        options.push("SECURITY DEFINER".into());
    }
    if !f.procedure {
        if f.leakproof {
            options.push("LEAKPROOF".into());
        }
        if f.parallel != Default::default() {
            options.push(format!(
                "PARALLEL {}",
                f.parallel.as_str().to_ascii_uppercase()
            ));
        }
    }
    if !options.is_empty() {
        sql.push_str(&format!(" {}\n", options.join(" ")));
    }
    if let Some(p) = &f.search_path {
        sql.push_str(&format!(" SET search_path = {}\n", search_path_sql(p)));
    }
    let tag = dollar_tag(&f.body);
    sql.push_str(&format!("AS {tag}{}{tag};", f.body));
    sql
}

/// A language name: plain when it is a simple lowercase word, else quoted.
fn ident_or_keyword(language: &str) -> String {
    if !language.is_empty()
        && language
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        language.to_string()
    } else {
        ident(language)
    }
}

/// `"ns"."name"(type, …)`: how DROP and COMMENT name a routine.
pub(super) fn routine_ref(name: &QualifiedName, args: &[String]) -> String {
    format!("{}({})", qualified(name), args.join(", "))
}

/// The whole `CREATE TRIGGER …;` statement.
pub fn create_trigger_sql(table: &QualifiedName, t: &Trigger) -> String {
    let mut sql = format!(
        "CREATE TRIGGER {} {} {} ON {} FOR EACH {}",
        ident(&t.name),
        t.timing.as_sql(),
        t.events_sql(ident),
        qualified(table),
        if t.for_each_row { "ROW" } else { "STATEMENT" }
    );
    if let Some(w) = &t.when {
        sql.push_str(&format!(" WHEN ({w})"));
    }
    let args: Vec<String> = t.arguments.iter().map(|a| literal(a)).collect();
    sql.push_str(&format!(
        " EXECUTE FUNCTION {}({});",
        qualified(&t.function),
        args.join(", ")
    ));
    sql
}

impl Renderer<'_> {
    pub(super) fn next_function(
        &self,
        name: &QualifiedName,
        args: &[String],
    ) -> Result<&Function, RenderError> {
        self.schemas
            .next
            .functions
            .iter()
            .find(|f| &f.name == name && f.identity_types() == args)
            .ok_or_else(|| RenderError::MissingFunction {
                name: routine_ref(name, args),
            })
    }

    /// Renders a routine or trigger step (any other step renders nothing here).
    pub(super) fn render_function_step(&mut self, step: &Step) -> Result<(), RenderError> {
        match step {
            Step::CreateFunction {
                name,
                args,
                replace,
            } => {
                let f = self.next_function(name, args)?;
                let sql = create_function_sql(f, *replace);
                if f.language == "sql" && !self.function_bodies_unchecked {
                    // A `LANGUAGE sql` body is checked against the tables it
                    // reads when it is created, and routines come before
                    // tables (a default or check may call them): checked
                    // when called instead, as pg_dump restores them. Only for
                    // this migration's transaction.
                    self.function_bodies_unchecked = true;
                    self.push("SET LOCAL check_function_bodies = off;".into(), vec![]);
                }
                self.push(sql, vec![]);
            }
            Step::DropFunction { name, args } => {
                let previous = self
                    .schemas
                    .previous
                    .functions_named(name)
                    .find(|f| f.identity_types() == *args);
                let kind = previous.map_or("function", Function::kind);
                // Dropped to be created again with the same signature: callers
                // keep working once the migration commits.
                let recreated = self.next_function(name, args).is_ok();
                let hazards = if recreated {
                    vec![]
                } else {
                    vec![hazard(
                        HazardKind::BackwardIncompatible,
                        format!("drops {kind} {}", routine_ref(name, args)),
                    )]
                };
                self.push(
                    format!(
                        "DROP {} {};",
                        kind.to_ascii_uppercase(),
                        routine_ref(name, args)
                    ),
                    hazards,
                );
            }
            Step::CreateTrigger { table, name } => {
                let t = self.next_table(table)?;
                let trigger = t.triggers.iter().find(|t| &t.name == name).ok_or_else(|| {
                    RenderError::MissingObject {
                        table: table.to_string(),
                        name: name.clone(),
                    }
                })?;
                self.push(create_trigger_sql(table, trigger), vec![]);
            }
            Step::DropTrigger { table, name } => {
                let same_after = self
                    .previous_table(table)
                    .ok()
                    .and_then(|t| t.triggers.iter().find(|t| &t.name == name))
                    .is_some_and(|p| {
                        self.schemas.next.tables.iter().any(|t| {
                            t.triggers
                                .iter()
                                .any(|n| n.name == p.name && n.function == p.function)
                        })
                    });
                let hazards = if same_after {
                    vec![]
                } else {
                    vec![hazard(
                        HazardKind::BackwardIncompatible,
                        format!("drops trigger {} on {}", ident(name), table_label(table)),
                    )]
                };
                self.push(
                    format!("DROP TRIGGER {} ON {};", ident(name), qualified(table)),
                    hazards,
                );
            }
            _ => {}
        }
        Ok(())
    }

    /// `COMMENT ON FUNCTION …` of a routine of the next schema.
    pub(super) fn function_comment_sql(
        &self,
        name: &QualifiedName,
        args: &[String],
    ) -> Result<String, RenderError> {
        let f = self.next_function(name, args)?;
        Ok(format!(
            "COMMENT ON {} {} IS {};",
            f.kind().to_ascii_uppercase(),
            routine_ref(name, args),
            f.comment
                .as_deref()
                .map_or_else(|| "NULL".to_string(), literal)
        ))
    }

    /// `COMMENT ON TRIGGER …` of a trigger of the next schema.
    pub(super) fn trigger_comment_sql(
        &self,
        table: &QualifiedName,
        name: &str,
    ) -> Result<String, RenderError> {
        let t = self.next_table(table)?;
        let trigger = t.triggers.iter().find(|t| t.name == name).ok_or_else(|| {
            RenderError::MissingObject {
                table: table.to_string(),
                name: name.to_string(),
            }
        })?;
        Ok(format!(
            "COMMENT ON TRIGGER {} ON {} IS {};",
            ident(name),
            qualified(table),
            trigger
                .comment
                .as_deref()
                .map_or_else(|| "NULL".to_string(), literal)
        ))
    }
}
