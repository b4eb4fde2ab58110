//! The `partitionBy`, `partitions` and `exclusions` keys of a table. Each is
//! left out of the file (and of the hashed body) when empty, so every
//! snapshot written before they existed keeps its bytes and its id.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use shale_model::{
    ExclusionConstraint, ExclusionElement, Partition, PartitionBound, PartitionKey,
    PartitionStrategy,
};

use super::{borrowed, is_default, is_false, owned, DeferrableV1, Str};

#[derive(Serialize, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum StrategyV1 {
    Range,
    List,
    Hash,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct PartitionKeyV1<'a> {
    strategy: StrategyV1,
    elements: Vec<Str<'a>>,
}

impl<'a> PartitionKeyV1<'a> {
    pub(super) fn from_model(k: &'a PartitionKey) -> Self {
        PartitionKeyV1 {
            strategy: match k.strategy {
                PartitionStrategy::Range => StrategyV1::Range,
                PartitionStrategy::List => StrategyV1::List,
                PartitionStrategy::Hash => StrategyV1::Hash,
            },
            elements: k
                .elements
                .iter()
                .map(|e| Cow::Borrowed(e.as_str()))
                .collect(),
        }
    }

    pub(super) fn into_model(self) -> PartitionKey {
        PartitionKey {
            strategy: match self.strategy {
                StrategyV1::Range => PartitionStrategy::Range,
                StrategyV1::List => PartitionStrategy::List,
                StrategyV1::Hash => PartitionStrategy::Hash,
            },
            elements: self.elements.into_iter().map(Cow::into_owned).collect(),
        }
    }
}

/// A partition: `default`, or the text after `FOR VALUES` in `values`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct PartitionV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    values: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_false")]
    default: bool,
}

impl<'a> PartitionV1<'a> {
    pub(super) fn from_model(p: &'a Partition) -> Self {
        let (values, default) = match &p.bound {
            PartitionBound::Default => (None, true),
            PartitionBound::Values(v) => (Some(Cow::Borrowed(v.as_str())), false),
        };
        PartitionV1 {
            name: Cow::Borrowed(&p.name),
            values,
            default,
        }
    }

    pub(super) fn into_model(self) -> Partition {
        Partition {
            name: self.name.into_owned(),
            bound: match (self.default, self.values) {
                (_, Some(v)) => PartitionBound::Values(v.into_owned()),
                _ => PartitionBound::Default,
            },
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ElementV1<'a> {
    target: Str<'a>,
    operator: Str<'a>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct ExclusionV1<'a> {
    name: Str<'a>,
    method: Str<'a>,
    elements: Vec<ElementV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    predicate: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_default")]
    deferrable: DeferrableV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

impl<'a> ExclusionV1<'a> {
    pub(super) fn from_model(x: &'a ExclusionConstraint) -> Self {
        ExclusionV1 {
            name: Cow::Borrowed(&x.name),
            method: Cow::Borrowed(&x.method),
            elements: x
                .elements
                .iter()
                .map(|e| ElementV1 {
                    target: Cow::Borrowed(&e.target),
                    operator: Cow::Borrowed(&e.operator),
                })
                .collect(),
            predicate: borrowed(&x.predicate),
            deferrable: x.deferrable.into(),
            comment: borrowed(&x.comment),
        }
    }

    pub(super) fn into_model(self) -> ExclusionConstraint {
        ExclusionConstraint {
            comment: owned(self.comment),
            name: self.name.into_owned(),
            method: self.method.into_owned(),
            elements: self
                .elements
                .into_iter()
                .map(|e| ExclusionElement {
                    target: e.target.into_owned(),
                    operator: e.operator.into_owned(),
                })
                .collect(),
            predicate: owned(self.predicate),
            deferrable: self.deferrable.into(),
        }
    }
}
