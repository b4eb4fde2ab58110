//! Standalone sequences: matched by rename hint, then by name (a sequence
//! that disappeared while another appeared in its namespace is an
//! ambiguity), then created, renamed, altered, re-owned, commented, dropped.

use shale_model::{RenameHints, Schema, Sequence, SequenceOwner};

use super::{match_names, Differ};
use crate::{Ambiguity, CommentTarget, MigrationPair, ObjectKind, Step};

/// Which previous sequence became which next one.
pub(super) struct SequenceMatching<'a> {
    pub pairs: Vec<MigrationPair<&'a Sequence>>,
    pub created: Vec<&'a Sequence>,
    pub dropped: Vec<&'a Sequence>,
}

pub(super) fn match_sequences<'a>(
    schemas: MigrationPair<&'a Schema>,
    hints: &RenameHints,
    ambiguities: &mut Vec<Ambiguity>,
) -> SequenceMatching<'a> {
    let names = schemas.map(|s| s.sequences.iter().map(|q| &q.name).collect::<Vec<_>>());
    let matching = match_names(
        &names.previous,
        &names.next,
        hints.sequences.iter().map(|(p, n)| (p, n)),
    );
    let out = SequenceMatching {
        pairs: matching
            .pairs
            .iter()
            .map(|&(p, n)| {
                MigrationPair::new(&schemas.previous.sequences[p], &schemas.next.sequences[n])
            })
            .collect(),
        created: matching
            .created
            .iter()
            .map(|&i| &schemas.next.sequences[i])
            .collect(),
        dropped: matching
            .dropped
            .iter()
            .map(|&i| &schemas.previous.sequences[i])
            .collect(),
    };
    for dropped in &out.dropped {
        if hints.dropped_sequences.contains(&dropped.name) {
            continue;
        }
        let candidates: Vec<String> = out
            .created
            .iter()
            .filter(|c| c.name.namespace == dropped.name.namespace)
            .map(|c| c.name.to_string())
            .collect();
        if !candidates.is_empty() {
            ambiguities.push(Ambiguity {
                kind: ObjectKind::Sequence,
                parent: None,
                previous: dropped.name.to_string(),
                candidates,
            });
        }
    }
    out
}

impl Differ<'_, '_> {
    /// The previous owner under next names (table and column renames
    /// applied); `None` when the owner itself is dropped.
    fn previous_owner_renamed(&self, owner: &SequenceOwner) -> Option<SequenceOwner> {
        let table = self.db.next_table_name(&owner.table)?;
        let column = self.db.next_column_name(&owner.table, &owner.column)?;
        Some(SequenceOwner {
            table: table.clone(),
            column: column.to_string(),
        })
    }

    /// Whether dropping the previous owner (its table or column) drops the
    /// sequence already.
    fn owner_dropped(&self, owner: &SequenceOwner) -> bool {
        match self.db.next_table_name(&owner.table) {
            None => true,
            Some(_) => self
                .db
                .next_column_name(&owner.table, &owner.column)
                .is_none(),
        }
    }

    pub(super) fn push_sequence_steps(&mut self) {
        let db = self.db;
        for s in &db.sequences.created {
            self.steps.push(Step::CreateSequence {
                name: s.name.clone(),
            });
            if s.owned_by.is_some() {
                self.steps.push(Step::SetSequenceOwner {
                    name: s.name.clone(),
                });
            }
            if s.comment.is_some() {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Sequence(s.name.clone()),
                });
            }
        }
        for s in &db.sequences.dropped {
            // An owned sequence goes with its table or column; a second
            // DROP would fail.
            if s.owned_by.as_ref().is_some_and(|o| self.owner_dropped(o)) {
                continue;
            }
            self.steps.push(Step::DropSequence {
                name: s.name.clone(),
            });
        }
        for pair in &db.sequences.pairs {
            let names = pair.map(|s| &s.name);
            if names.previous != names.next {
                self.steps.push(Step::RenameSequence {
                    names: names.map(Clone::clone),
                });
            }
            if pair.previous.data_type != pair.next.data_type
                || pair.previous.options != pair.next.options
            {
                self.steps.push(Step::AlterSequence {
                    names: names.map(Clone::clone),
                });
            }
            let previous_owner = pair
                .previous
                .owned_by
                .as_ref()
                .map(|o| self.previous_owner_renamed(o));
            // A previous owner that is dropped counts as a change even
            // when the next sequence has no owner: dropping the owner would
            // drop the sequence.
            let owner_changes = match (&previous_owner, &pair.next.owned_by) {
                (None, None) => false,
                (Some(None), _) => true,
                (Some(Some(previous)), next) => Some(previous) != next.as_ref(),
                (None, Some(_)) => true,
            };
            if owner_changes {
                if pair.previous.owned_by.is_some() {
                    self.steps.push(Step::DisownSequence {
                        name: names.previous.clone(),
                    });
                }
                if pair.next.owned_by.is_some() {
                    self.steps.push(Step::SetSequenceOwner {
                        name: names.next.clone(),
                    });
                }
            }
            if pair.previous.comment != pair.next.comment {
                self.steps.push(Step::SetComment {
                    target: CommentTarget::Sequence(names.next.clone()),
                });
            }
        }
    }
}

/// The namespaces sequences live in.
pub(super) fn namespaces(schema: &Schema) -> impl Iterator<Item = &str> {
    schema.sequences.iter().map(|s| s.name.namespace.as_str())
}
