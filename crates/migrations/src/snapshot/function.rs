//! The `functions` key of a snapshot (functions and procedures) and the
//! `triggers` key of a table. Both are left out of the file (and of the
//! hashed body) when empty, so every snapshot written before they existed
//! keeps its bytes and its id.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use shale_model::{
    Argument, ArgumentMode, Function, Parallel, QualifiedName, Trigger, TriggerEvents,
    TriggerTiming, Volatility,
};

use super::{borrowed, is_default, is_false, owned, qualified, schema_of, SnapshotError, Str};

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct FunctionV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_false")]
    procedure: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    arguments: Vec<ArgumentV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    returns: Option<Str<'a>>,
    language: Str<'a>,
    body: Str<'a>,
    #[serde(default, skip_serializing_if = "is_default")]
    volatility: VolatilityV1,
    #[serde(default, skip_serializing_if = "is_false")]
    strict: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    security_definer: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    leakproof: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    parallel: ParallelV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    search_path: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    grants: Vec<super::grant::GrantV1<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ArgumentV1<'a> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_default")]
    mode: ModeV1,
    #[serde(rename = "type")]
    ty: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Default, PartialEq)]
#[serde(rename_all = "lowercase")]
enum ModeV1 {
    #[default]
    In,
    Out,
    InOut,
    Variadic,
}

#[derive(Serialize, Deserialize, Clone, Copy, Default, PartialEq)]
#[serde(rename_all = "lowercase")]
enum VolatilityV1 {
    #[default]
    Volatile,
    Stable,
    Immutable,
}

#[derive(Serialize, Deserialize, Clone, Copy, Default, PartialEq)]
#[serde(rename_all = "lowercase")]
enum ParallelV1 {
    #[default]
    Unsafe,
    Restricted,
    Safe,
}

/// The functions of a schema, in the model's order, as written.
pub(super) fn functions_v1(functions: &[Function]) -> Vec<FunctionV1<'_>> {
    functions.iter().map(FunctionV1::from_model).collect()
}

impl<'a> FunctionV1<'a> {
    fn from_model(f: &'a Function) -> FunctionV1<'a> {
        FunctionV1 {
            name: Cow::Borrowed(&f.name.name),
            schema: schema_of(&f.name),
            procedure: f.procedure,
            arguments: f
                .arguments
                .iter()
                .map(|a| ArgumentV1 {
                    name: borrowed(&a.name),
                    mode: match a.mode {
                        ArgumentMode::In => ModeV1::In,
                        ArgumentMode::Out => ModeV1::Out,
                        ArgumentMode::InOut => ModeV1::InOut,
                        ArgumentMode::Variadic => ModeV1::Variadic,
                    },
                    ty: Cow::Borrowed(&a.ty),
                    default: borrowed(&a.default),
                })
                .collect(),
            returns: borrowed(&f.returns),
            language: Cow::Borrowed(&f.language),
            body: Cow::Borrowed(&f.body),
            volatility: match f.volatility {
                Volatility::Volatile => VolatilityV1::Volatile,
                Volatility::Stable => VolatilityV1::Stable,
                Volatility::Immutable => VolatilityV1::Immutable,
            },
            strict: f.strict,
            security_definer: f.security_definer,
            leakproof: f.leakproof,
            parallel: match f.parallel {
                Parallel::Unsafe => ParallelV1::Unsafe,
                Parallel::Restricted => ParallelV1::Restricted,
                Parallel::Safe => ParallelV1::Safe,
            },
            search_path: borrowed(&f.search_path),
            comment: borrowed(&f.comment),
            grants: super::grant::grants_v1(&f.grants),
        }
    }

    pub(super) fn into_model(self) -> Result<Function, SnapshotError> {
        let name = qualified(self.schema, self.name);
        if self.procedure == self.returns.is_some() {
            return Err(SnapshotError::Invalid(format!(
                "{} \"{name}\": a function needs `returns`, a procedure has none",
                if self.procedure {
                    "procedure"
                } else {
                    "function"
                }
            )));
        }
        let mut f = Function::new(name, "void", &self.body);
        f.procedure = self.procedure;
        f.returns = owned(self.returns);
        f.language = self.language.into_owned();
        f.arguments = self
            .arguments
            .into_iter()
            .map(|a| Argument {
                name: owned(a.name),
                mode: match a.mode {
                    ModeV1::In => ArgumentMode::In,
                    ModeV1::Out => ArgumentMode::Out,
                    ModeV1::InOut => ArgumentMode::InOut,
                    ModeV1::Variadic => ArgumentMode::Variadic,
                },
                ty: a.ty.into_owned(),
                default: owned(a.default),
            })
            .collect();
        f.volatility = match self.volatility {
            VolatilityV1::Volatile => Volatility::Volatile,
            VolatilityV1::Stable => Volatility::Stable,
            VolatilityV1::Immutable => Volatility::Immutable,
        };
        f.strict = self.strict;
        f.security_definer = self.security_definer;
        f.leakproof = self.leakproof;
        f.parallel = match self.parallel {
            ParallelV1::Unsafe => Parallel::Unsafe,
            ParallelV1::Restricted => Parallel::Restricted,
            ParallelV1::Safe => Parallel::Safe,
        };
        f.search_path = owned(self.search_path);
        f.comment = owned(self.comment);
        f.grants = super::grant::grants_model(self.grants, &format!("function \"{}\"", f.name))?;
        f.normalize();
        Ok(f)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct TriggerV1<'a> {
    name: Str<'a>,
    timing: TimingV1,
    events: Vec<EventV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    update_of: Vec<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_false")]
    for_each_row: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    when: Option<Str<'a>>,
    function: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    function_schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    arguments: Vec<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum TimingV1 {
    Before,
    After,
    InsteadOf,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "lowercase")]
enum EventV1 {
    Insert,
    Update,
    Delete,
    Truncate,
}

impl<'a> TriggerV1<'a> {
    pub(super) fn from_model(t: &'a Trigger) -> TriggerV1<'a> {
        let e = t.events;
        let events = [
            (e.insert, EventV1::Insert),
            (e.update, EventV1::Update),
            (e.delete, EventV1::Delete),
            (e.truncate, EventV1::Truncate),
        ]
        .into_iter()
        .filter_map(|(on, ev)| on.then_some(ev))
        .collect();
        TriggerV1 {
            name: Cow::Borrowed(&t.name),
            timing: match t.timing {
                TriggerTiming::Before => TimingV1::Before,
                TriggerTiming::After => TimingV1::After,
                TriggerTiming::InsteadOf => TimingV1::InsteadOf,
            },
            events,
            update_of: t
                .update_of
                .iter()
                .map(|c| Cow::Borrowed(c.as_str()))
                .collect(),
            for_each_row: t.for_each_row,
            when: borrowed(&t.when),
            function: Cow::Borrowed(&t.function.name),
            function_schema: schema_of(&t.function),
            arguments: t
                .arguments
                .iter()
                .map(|a| Cow::Borrowed(a.as_str()))
                .collect(),
            comment: borrowed(&t.comment),
        }
    }

    pub(super) fn into_model(self, table: &QualifiedName) -> Result<Trigger, SnapshotError> {
        if self.events.is_empty() {
            return Err(SnapshotError::Invalid(format!(
                "trigger \"{}\" of table \"{table}\" has no events",
                self.name
            )));
        }
        let has = |e: EventV1| self.events.contains(&e);
        Ok(Trigger {
            timing: match self.timing {
                TimingV1::Before => TriggerTiming::Before,
                TimingV1::After => TriggerTiming::After,
                TimingV1::InsteadOf => TriggerTiming::InsteadOf,
            },
            events: TriggerEvents {
                insert: has(EventV1::Insert),
                update: has(EventV1::Update),
                delete: has(EventV1::Delete),
                truncate: has(EventV1::Truncate),
            },
            name: self.name.into_owned(),
            update_of: self.update_of.into_iter().map(Cow::into_owned).collect(),
            for_each_row: self.for_each_row,
            when: owned(self.when),
            function: qualified(self.function_schema, self.function),
            arguments: self.arguments.into_iter().map(Cow::into_owned).collect(),
            comment: owned(self.comment),
        })
    }
}
