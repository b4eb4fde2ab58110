//! Domains and composite types: `CREATE`/`ALTER`/`DROP DOMAIN`, `CREATE`/
//! `ALTER`/`DROP TYPE … AS (…)`, and the replacement of a domain whose
//! base type or collation changes (PostgreSQL cannot alter either).

use shale_differ::Step;
use shale_model::{naming, BaseType, ColumnType, CompositeType, Domain, QualifiedName};

use super::{column_label, lock_hazard, qualified, render_type, table_label, Renderer};
use crate::{hazard, ident, literal, HazardKind, RenderError};

/// `CREATE DOMAIN … AS … [COLLATE …] [DEFAULT …] [NOT NULL] [CONSTRAINT … CHECK (…)]…;`
pub fn create_domain_sql(d: &Domain) -> String {
    let mut sql = format!(
        "CREATE DOMAIN {} AS {}",
        qualified(&d.name),
        render_type(&d.base)
    );
    if let Some(collation) = &d.collation {
        sql.push_str(&format!(" COLLATE {}", ident(collation)));
    }
    if let Some(default) = &d.default {
        sql.push_str(&format!(" DEFAULT {default}"));
    }
    if d.not_null {
        sql.push_str(" NOT NULL");
    }
    for check in &d.checks {
        sql.push_str(&format!(
            " CONSTRAINT {} CHECK ({})",
            ident(&check.name),
            check.expr
        ));
    }
    sql.push(';');
    sql
}

/// `CREATE TYPE … AS (a integer, b text);`
pub fn create_composite_sql(c: &CompositeType) -> String {
    let attributes: Vec<String> = c
        .attributes
        .iter()
        .map(|a| format!("{} {}", ident(&a.name), render_type(&a.ty)))
        .collect();
    format!(
        "CREATE TYPE {} AS ({});",
        qualified(&c.name),
        attributes.join(", ")
    )
}

impl<'a> Renderer<'a> {
    fn next_domain(&self, name: &QualifiedName) -> Result<&'a Domain, RenderError> {
        self.schemas
            .next
            .domain(name)
            .ok_or_else(|| RenderError::MissingType {
                name: name.to_string(),
            })
    }

    fn next_composite(&self, name: &QualifiedName) -> Result<&'a CompositeType, RenderError> {
        self.schemas
            .next
            .composite_type(name)
            .ok_or_else(|| RenderError::MissingType {
                name: name.to_string(),
            })
    }

    /// The columns of tables that exist on both sides and use the type
    /// (next names), for hazards and refusals.
    fn columns_using(&self, name: &QualifiedName) -> Vec<(QualifiedName, String)> {
        let mut out = Vec::new();
        for table in &self.schemas.next.tables {
            if self.schemas.previous.table(&table.name).is_none() {
                continue;
            }
            for column in &table.columns {
                if matches!(&column.ty.base, BaseType::UserType(q) if q == name) {
                    out.push((table.name.clone(), column.name.clone()));
                }
            }
        }
        out
    }

    pub(super) fn render_user_type_step(&mut self, step: &Step) -> Result<(), RenderError> {
        match step {
            Step::CreateDomain { name } => {
                let d = self.next_domain(name)?;
                self.push(create_domain_sql(d), vec![]);
            }
            Step::CreateCompositeType { name } => {
                let c = self.next_composite(name)?;
                self.push(create_composite_sql(c), vec![]);
            }
            Step::RenameUserType { names, domain } => {
                let kind = if *domain { "domain" } else { "type" };
                let hazards = || {
                    vec![hazard(
                        HazardKind::BackwardIncompatible,
                        format!(
                            "renames {kind} {} to {}",
                            table_label(&names.previous),
                            table_label(&names.next)
                        ),
                    )]
                };
                self.push_move_and_rename(if *domain { "DOMAIN" } else { "TYPE" }, names, hazards);
            }
            Step::AlterDomain {
                name,
                default,
                not_null,
            } => {
                let d = self.next_domain(name)?;
                let alter = format!("ALTER DOMAIN {}", qualified(name));
                if *default {
                    match &d.default {
                        Some(expr) => self.push(format!("{alter} SET DEFAULT {expr};"), vec![]),
                        None => self.push(format!("{alter} DROP DEFAULT;"), vec![]),
                    }
                }
                if *not_null {
                    if d.not_null {
                        self.push(
                            format!("{alter} SET NOT NULL;"),
                            vec![hazard(
                                HazardKind::BackwardIncompatible,
                                format!(
                                    "domain {} becomes NOT NULL: fails if a column using it holds NULL",
                                    table_label(name)
                                ),
                            )],
                        );
                    } else {
                        self.push(format!("{alter} DROP NOT NULL;"), vec![]);
                    }
                }
            }
            Step::AddDomainCheck { domain, name } => {
                let d = self.next_domain(domain)?;
                let check = d.check(name).ok_or_else(|| RenderError::MissingObject {
                    table: domain.to_string(),
                    name: name.clone(),
                })?;
                self.push(
                    format!(
                        "ALTER DOMAIN {} ADD CONSTRAINT {} CHECK ({});",
                        qualified(domain),
                        ident(name),
                        check.expr
                    ),
                    vec![hazard(
                        HazardKind::BackwardIncompatible,
                        format!(
                            "adds check {} to domain {}: fails if a column using it holds a value it refuses",
                            ident(name),
                            table_label(domain)
                        ),
                    )],
                );
            }
            Step::DropDomainCheck { domain, name } => self.push(
                format!(
                    "ALTER DOMAIN {} DROP CONSTRAINT {};",
                    qualified(domain),
                    ident(name)
                ),
                vec![],
            ),
            Step::RenameDomainCheck { domain, names } => self.push(
                format!(
                    "ALTER DOMAIN {} RENAME CONSTRAINT {} TO {};",
                    qualified(domain),
                    ident(&names.previous),
                    ident(&names.next)
                ),
                vec![],
            ),
            Step::RenameAttribute { type_name, names } => self.push(
                format!(
                    "ALTER TYPE {} RENAME ATTRIBUTE {} TO {};",
                    qualified(type_name),
                    ident(&names.previous),
                    ident(&names.next)
                ),
                vec![hazard(
                    HazardKind::BackwardIncompatible,
                    format!(
                        "renames attribute {} of type {} to {}",
                        ident(&names.previous),
                        table_label(type_name),
                        ident(&names.next)
                    ),
                )],
            ),
            Step::AlterCompositeType {
                name,
                drop,
                add,
                retype,
            } => self.render_alter_composite(name, drop, add, retype)?,
            Step::ReplaceDomain { name, columns } => self.render_replace_domain(name, columns)?,
            Step::DropCompositeType { name } => self.push(
                format!("DROP TYPE {};", qualified(name)),
                vec![hazard(
                    HazardKind::BackwardIncompatible,
                    format!("drops type {}", table_label(name)),
                )],
            ),
            Step::DropDomain { name } => self.push(
                format!("DROP DOMAIN {};", qualified(name)),
                vec![hazard(
                    HazardKind::BackwardIncompatible,
                    format!("drops domain {}", table_label(name)),
                )],
            ),
            _ => {}
        }
        Ok(())
    }

    fn render_alter_composite(
        &mut self,
        name: &QualifiedName,
        drop: &[String],
        add: &[String],
        retype: &[String],
    ) -> Result<(), RenderError> {
        let c = self.next_composite(name)?;
        let users = self.columns_using(name);
        if !retype.is_empty() && !users.is_empty() {
            let (table, column) = &users[0];
            return Err(RenderError::Refused {
                message: format!(
                    "attribute {} of composite type {} changes type while column {} uses the type, and PostgreSQL cannot alter it",
                    ident(&retype[0]),
                    table_label(name),
                    column_label(table, column)
                ),
                help: "add an attribute of the new type beside it and copy the values in one migration, then drop the previous attribute in a later one".into(),
            });
        }
        let moved: Vec<&String> = drop.iter().filter(|d| add.contains(d)).collect();
        if !moved.is_empty() && !users.is_empty() {
            let (table, column) = &users[0];
            return Err(RenderError::Refused {
                message: format!(
                    "attribute {} of composite type {} moves while column {} uses the type: PostgreSQL adds attributes at the end, and moving one would drop its values",
                    ident(moved[0]),
                    table_label(name),
                    column_label(table, column)
                ),
                help: "declare new attributes after the existing ones".into(),
            });
        }
        let mut actions = Vec::new();
        let mut hazards = Vec::new();
        for d in drop {
            actions.push(format!("DROP ATTRIBUTE {}", ident(d)));
            if !add.contains(d) {
                hazards.push(hazard(
                    HazardKind::BackwardIncompatible,
                    format!("drops attribute {} of type {}", ident(d), table_label(name)),
                ));
                if let Some((table, column)) = users.first() {
                    // Told as incompatible (the lint, which reads SQL alone,
                    // cannot know a column uses the type), words saying it.
                    hazards.push(hazard(
                        HazardKind::BackwardIncompatible,
                        format!(
                            "drops attribute {} of type {} and its values from column {}",
                            ident(d),
                            table_label(name),
                            column_label(table, column)
                        ),
                    ));
                }
            }
        }
        for a in add {
            let attribute = c.attribute(a).ok_or_else(|| RenderError::MissingObject {
                table: name.to_string(),
                name: a.clone(),
            })?;
            actions.push(format!(
                "ADD ATTRIBUTE {} {}",
                ident(a),
                render_type(&attribute.ty)
            ));
        }
        for r in retype {
            let attribute = c.attribute(r).ok_or_else(|| RenderError::MissingObject {
                table: name.to_string(),
                name: r.clone(),
            })?;
            actions.push(format!(
                "ALTER ATTRIBUTE {} TYPE {}",
                ident(r),
                render_type(&attribute.ty)
            ));
        }
        self.push(
            format!("ALTER TYPE {} {};", qualified(name), actions.join(", ")),
            hazards,
        );
        Ok(())
    }

    fn render_replace_domain(
        &mut self,
        name: &QualifiedName,
        columns: &[(QualifiedName, String)],
    ) -> Result<(), RenderError> {
        let d = self.next_domain(name)?;
        // The previous domain steps aside under `<name>__previous` and is
        // dropped once no column uses it.
        let temporary = QualifiedName::new(
            name.namespace.clone(),
            naming::make_object_name(&name.name, Some(""), "previous"),
        );
        self.push(
            format!(
                "ALTER DOMAIN {} RENAME TO {};",
                qualified(name),
                ident(&temporary.name)
            ),
            vec![],
        );
        self.push(create_domain_sql(d), vec![]);
        for (table_name, column) in columns {
            let table = self.next_table(table_name)?;
            let c = table
                .column(column)
                .ok_or_else(|| RenderError::MissingColumn {
                    table: table_name.to_string(),
                    column: column.clone(),
                })?;
            let alter = format!(
                "ALTER TABLE {} ALTER COLUMN {}",
                qualified(table_name),
                ident(&c.name)
            );
            let lock = || lock_hazard(table_name);
            if c.default.is_some() {
                self.push(format!("{alter} DROP DEFAULT;"), vec![lock()]);
            }
            let base = ColumnType {
                base: d.base.base.clone(),
                array_dims: d.base.array_dims + c.ty.array_dims,
            };
            self.push(
                format!(
                    "{alter} SET DATA TYPE {} USING {}::{};",
                    render_type(&c.ty),
                    ident(&c.name),
                    render_type(&base)
                ),
                vec![
                    hazard(
                        HazardKind::TableRewrite,
                        format!(
                            "rewrites table {} to convert column {} to the new domain {}",
                            table_label(table_name),
                            column_label(table_name, &c.name),
                            table_label(name)
                        ),
                    ),
                    lock(),
                ],
            );
            if let Some(default) = &c.default {
                self.push(format!("{alter} SET DEFAULT {default};"), vec![lock()]);
            }
        }
        self.push(format!("DROP DOMAIN {};", qualified(&temporary)), vec![]);
        Ok(())
    }

    /// `COMMENT ON DOMAIN` / `COMMENT ON TYPE` of a composite type.
    pub(super) fn user_type_comment_sql(
        &self,
        name: &QualifiedName,
        domain: bool,
    ) -> Result<String, RenderError> {
        let (kind, comment) = if domain {
            ("DOMAIN", &self.next_domain(name)?.comment)
        } else {
            ("TYPE", &self.next_composite(name)?.comment)
        };
        Ok(format!(
            "COMMENT ON {kind} {} IS {};",
            qualified(name),
            comment
                .as_deref()
                .map_or_else(|| "NULL".to_string(), literal)
        ))
    }
}
