//! Sequences: `CREATE`/`ALTER`/`DROP SEQUENCE`, `OWNED BY`, and the option
//! lists shared with identity columns.

use shale_differ::MigrationPair;
use shale_model::{QualifiedName, ResolvedOptions, Sequence, SequenceOptions, SequenceType};

use super::{qualified, table_label, Renderer};
use crate::hazards::dropped_sequence;
use crate::{hazard, ident, HazardKind, RenderError};

/// The options that differ from PostgreSQL's defaults, as `CREATE SEQUENCE`
/// and `GENERATED … AS IDENTITY (…)` spell them.
pub(crate) fn options_sql(options: &SequenceOptions) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(i) = options.increment {
        out.push(format!("INCREMENT BY {i}"));
    }
    if let Some(min) = options.min {
        out.push(format!("MINVALUE {min}"));
    }
    if let Some(max) = options.max {
        out.push(format!("MAXVALUE {max}"));
    }
    if let Some(start) = options.start {
        out.push(format!("START WITH {start}"));
    }
    if let Some(cache) = options.cache {
        out.push(format!("CACHE {cache}"));
    }
    if options.cycle {
        out.push("CYCLE".into());
    }
    out
}

/// The options whose concrete value changes, spelled concretely (a value
/// back to its default is still written out: `NO MINVALUE` would depend on
/// the increment's sign at the time the statement runs).
pub(crate) fn changed_options_sql(options: MigrationPair<ResolvedOptions>) -> Vec<String> {
    let (p, n) = options.into_tuple();
    let mut out = Vec::new();
    if p.increment != n.increment {
        out.push(format!("INCREMENT BY {}", n.increment));
    }
    if p.min != n.min {
        out.push(format!("MINVALUE {}", n.min));
    }
    if p.max != n.max {
        out.push(format!("MAXVALUE {}", n.max));
    }
    if p.start != n.start {
        out.push(format!("START WITH {}", n.start));
    }
    if p.cache != n.cache {
        out.push(format!("CACHE {}", n.cache));
    }
    if p.cycle != n.cycle {
        out.push(if n.cycle { "CYCLE" } else { "NO CYCLE" }.into());
    }
    out
}

/// `CREATE SEQUENCE "ns"."name" AS bigint …;` (the owner is set later).
pub(crate) fn create_sequence_sql(sequence: &Sequence) -> String {
    let mut out = format!(
        "CREATE SEQUENCE {} AS {}",
        qualified(&sequence.name),
        sequence.data_type.as_sql()
    );
    for option in options_sql(&sequence.options) {
        out.push(' ');
        out.push_str(&option);
    }
    out.push(';');
    out
}

impl Renderer<'_> {
    fn sequence(&self, next: bool, name: &QualifiedName) -> Result<&Sequence, RenderError> {
        let s = if next {
            self.schemas.next
        } else {
            self.schemas.previous
        };
        s.sequence(name)
            .ok_or_else(|| RenderError::MissingSequence {
                name: name.to_string(),
            })
    }

    pub(super) fn render_create_sequence(
        &mut self,
        name: &QualifiedName,
    ) -> Result<(), RenderError> {
        let s = self.sequence(true, name)?;
        self.push(create_sequence_sql(s), vec![]);
        Ok(())
    }

    pub(super) fn render_alter_sequence(
        &mut self,
        names: &MigrationPair<QualifiedName>,
    ) -> Result<(), RenderError> {
        let previous = self.sequence(false, &names.previous)?;
        let next = self.sequence(true, &names.next)?;
        let mut parts = Vec::new();
        // `AS` first: it moves a default minimum or maximum along with the
        // type, and the explicit values below are checked after it.
        let data_types = MigrationPair::new(previous.data_type, next.data_type);
        if data_types.previous != data_types.next {
            parts.push(format!("AS {}", data_types.next.as_sql()));
        }
        parts.extend(changed_options_sql(MigrationPair::new(
            previous.options.resolved(data_types.previous),
            next.options.resolved(data_types.next),
        )));
        if parts.is_empty() {
            return Ok(());
        }
        let narrows = rank(data_types.next) < rank(data_types.previous);
        let hazards = if narrows {
            vec![hazard(
                HazardKind::BackwardIncompatible,
                format!(
                    "narrows sequence {} to {}: fails if its current value does not fit",
                    table_label(&names.next),
                    data_types.next.as_sql()
                ),
            )]
        } else {
            vec![]
        };
        self.push(
            format!(
                "ALTER SEQUENCE {} {};",
                qualified(&names.next),
                parts.join(" ")
            ),
            hazards,
        );
        Ok(())
    }

    pub(super) fn render_rename_sequence(&mut self, names: &MigrationPair<QualifiedName>) {
        let hazards = || {
            vec![hazard(
                HazardKind::BackwardIncompatible,
                format!(
                    "renames sequence {} to {}: code calling nextval on the previous name breaks",
                    table_label(&names.previous),
                    table_label(&names.next)
                ),
            )]
        };
        self.push_move_and_rename("SEQUENCE", names, hazards);
    }

    pub(super) fn render_disown_sequence(&mut self, name: &QualifiedName) {
        self.push(
            format!("ALTER SEQUENCE {} OWNED BY NONE;", qualified(name)),
            vec![],
        );
    }

    pub(super) fn render_sequence_owner(
        &mut self,
        name: &QualifiedName,
    ) -> Result<(), RenderError> {
        let s = self.sequence(true, name)?;
        let Some(owner) = &s.owned_by else {
            return Ok(());
        };
        self.push(
            format!(
                "ALTER SEQUENCE {} OWNED BY {}.{};",
                qualified(name),
                qualified(&owner.table),
                ident(&owner.column)
            ),
            vec![],
        );
        Ok(())
    }

    pub(super) fn render_drop_sequence(&mut self, name: &QualifiedName) {
        self.push(
            format!("DROP SEQUENCE {};", qualified(name)),
            dropped_sequence(&table_label(name)),
        );
    }
}

fn rank(ty: SequenceType) -> u8 {
    match ty {
        SequenceType::Smallint => 1,
        SequenceType::Integer => 2,
        SequenceType::Bigint => 3,
    }
}
