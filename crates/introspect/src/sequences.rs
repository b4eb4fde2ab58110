//! Sequences and extensions: one query each. Every sequence is read with
//! its options (`pg_sequence`) and what owns it (`pg_depend`); the column
//! pass takes the ones that belong to an identity or serial column, and the
//! rest are the schema's standalone sequences.

use std::collections::HashMap;

use postgres::types::Oid;
use shale_model::{
    naming, ColumnType, Extension, QualifiedName, Sequence, SequenceOptions, SequenceOwner,
    SequenceType, Table,
};

use crate::catalog::{not_extension_owned, unexpected, AttNames, Session};
use crate::{IntrospectError, IntrospectOptions};

/// How a sequence depends on a column (`pg_depend.deptype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ownership {
    /// `'a'`: `OWNED BY` (what `serial` sets up, or done by hand).
    OwnedBy,
    /// `'i'`: the sequence of an identity column.
    Identity,
}

/// One sequence as read.
pub(crate) struct SequenceRow {
    name: QualifiedName,
    /// `oid::regclass::text` with `search_path` pinned to `public`: how a
    /// column default names it.
    regclass: String,
    data_type: SequenceType,
    options: SequenceOptions,
    comment: Option<String>,
    owner: Option<(Oid, i16, Ownership)>,
    /// Taken by a serial or identity column: not a standalone sequence.
    taken: bool,
}

/// Every sequence of the namespaces read, indexed by owning column.
pub(crate) struct Sequences {
    rows: Vec<SequenceRow>,
    by_owner: HashMap<(Oid, i16), Vec<usize>>,
}

pub(crate) fn read_sequences(
    s: &mut Session<'_>,
    namespaces: &[String],
) -> Result<Sequences, IntrospectError> {
    let sql = format!(
        "SELECT n.nspname::text, c.relname::text, c.oid::regclass::text, \
                pg_catalog.format_type(sq.seqtypid, NULL), \
                sq.seqstart, sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqcache, sq.seqcycle, \
                d.description, dep.refobjid, dep.refobjsubid::int2, dep.deptype::text \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = c.oid \
         LEFT JOIN pg_catalog.pg_description d \
                ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0 \
         LEFT JOIN LATERAL ( \
             SELECT dp.refobjid, dp.refobjsubid, dp.deptype FROM pg_catalog.pg_depend dp \
              WHERE dp.classid = 'pg_class'::regclass AND dp.objid = c.oid \
                AND dp.refclassid = 'pg_class'::regclass AND dp.refobjsubid > 0 \
                AND dp.deptype IN ('a', 'i') \
              LIMIT 1 \
         ) AS dep ON true \
         WHERE c.relkind = 'S' AND n.nspname = ANY($1) AND {}",
        not_extension_owned("pg_class", "c.oid")
    );
    let rows = s.query("sequences", &sql, &[&namespaces])?;
    let mut out = Sequences {
        rows: Vec::with_capacity(rows.len()),
        by_owner: HashMap::new(),
    };
    for r in rows {
        let name = QualifiedName::new(r.get::<_, String>(0), r.get::<_, String>(1));
        let type_name: String = r.get(3);
        let data_type = SequenceType::parse(&type_name).ok_or_else(|| {
            unexpected(
                format!("sequence {name}"),
                format!("data type {type_name:?} is not an integer type"),
            )
        })?;
        let options = SequenceOptions {
            start: Some(r.get(4)),
            increment: Some(r.get(5)),
            min: Some(r.get(6)),
            max: Some(r.get(7)),
            cache: Some(r.get(8)),
            cycle: r.get(9),
        };
        let owner = match (
            r.get::<_, Option<Oid>>(11),
            r.get::<_, Option<i16>>(12),
            r.get::<_, Option<String>>(13).as_deref(),
        ) {
            (Some(table), Some(attnum), Some("a")) => Some((table, attnum, Ownership::OwnedBy)),
            (Some(table), Some(attnum), Some("i")) => Some((table, attnum, Ownership::Identity)),
            _ => None,
        };
        if let Some((table, attnum, _)) = owner {
            out.by_owner
                .entry((table, attnum))
                .or_default()
                .push(out.rows.len());
        }
        out.rows.push(SequenceRow {
            name,
            regclass: r.get(2),
            data_type,
            options,
            comment: r.get(10),
            owner,
            taken: false,
        });
    }
    Ok(out)
}

impl Sequences {
    /// The options of an identity column's sequence (normalised later, with
    /// the column's type); the sequence is taken.
    pub(crate) fn take_identity(&mut self, table: Oid, attnum: i16) -> Option<SequenceOptions> {
        let rows = self.by_owner.get(&(table, attnum))?;
        let &i = rows.iter().find(|&&i| {
            self.rows[i]
                .owner
                .is_some_and(|o| o.2 == Ownership::Identity)
        })?;
        self.rows[i].taken = true;
        Some(self.rows[i].options)
    }

    /// Whether a column reads back as `serial`: its default is exactly
    /// `nextval('<seq>'::regclass)` of a sequence it owns, named as `serial`
    /// names it (`<table>_<column>_seq` in the table's namespace), of the
    /// column's type, with default options and no comment: what `serial`
    /// creates and re-creates. The sequence is then taken. Anything else
    /// stays an integer column with a default and a standalone sequence.
    pub(crate) fn take_serial(
        &mut self,
        table: (Oid, &QualifiedName),
        attnum: i16,
        column: &str,
        ty: &ColumnType,
        default: Option<&str>,
    ) -> Option<&'static str> {
        let rows = self.by_owner.get(&(table.0, attnum))?;
        let expected_name = QualifiedName::new(
            table.1.namespace.clone(),
            naming::serial_sequence(&table.1.name, column),
        );
        for &i in rows {
            let row = &self.rows[i];
            if row.owner.is_none_or(|o| o.2 != Ownership::OwnedBy)
                || row.name != expected_name
                || row.comment.is_some()
                || !row.options.normalized(row.data_type).is_default()
            {
                continue;
            }
            let Some(serial) = crate::catalog::serial_type(ty, default, Some(&row.regclass)) else {
                continue;
            };
            let storage = ColumnType::named(serial).serial_storage();
            if storage != Some(row.data_type.as_sql()) {
                continue;
            }
            self.rows[i].taken = true;
            return Some(serial);
        }
        None
    }

    /// The sequences no column took, with their owners resolved through the
    /// tables read (an owner outside them is left out).
    pub(crate) fn standalone(
        self,
        tables: &HashMap<Oid, Table>,
        names: &AttNames,
    ) -> Vec<Sequence> {
        self.rows
            .into_iter()
            .filter(|r| !r.taken)
            .map(|r| {
                let owned_by = r.owner.and_then(|(table, attnum, _)| {
                    Some(SequenceOwner {
                        table: tables.get(&table)?.name.clone(),
                        column: names.get(&(table, attnum))?.clone(),
                    })
                });
                Sequence {
                    name: r.name,
                    data_type: r.data_type,
                    options: r.options,
                    owned_by,
                    comment: r.comment,
                    grants: Vec::new(),
                }
            })
            .collect()
    }
}

/// Extensions, except `plpgsql` (every database has it) and those installed
/// in a namespace that is not read (managed by someone else).
pub(crate) fn read_extensions(
    s: &mut Session<'_>,
    options: &IntrospectOptions,
) -> Result<Vec<Extension>, IntrospectError> {
    let rows = s.query(
        "extensions",
        "SELECT e.extname::text, n.nspname::text, e.extversion::text \
         FROM pg_catalog.pg_extension e \
         JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace \
         WHERE e.extname <> 'plpgsql'",
        &[],
    )?;
    Ok(rows
        .iter()
        .filter(|r| options.includes_namespace(&r.get::<_, String>(1)))
        .map(|r| Extension {
            name: r.get(0),
            schema: Some(r.get(1)),
            version: Some(r.get(2)),
        })
        .collect())
}
