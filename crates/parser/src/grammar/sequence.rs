//! The grammar of a standalone sequence: a unit struct with
//! `#[derive(Sequence)]` and `#[sequence(…)]`.

use proc_macro2::Span;
use syn::{Attribute, Fields, Ident, ItemStruct, Lit};

use super::{
    accept_key, check_attribute_names, derives, doc_comment, entries_of, flag_value, string_value,
    wrong_value, Entry, Error, Place, Seen, Spanned, Value,
};

/// A struct that derives `Sequence` (or carries `#[sequence]`).
#[derive(Clone, Debug)]
pub struct SequenceDef {
    /// The struct's identifier.
    pub ident: Ident,
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `schema = "…"`.
    pub schema: Option<Spanned<String>>,
    /// `data_type = "smallint" | "integer" | "bigint"`, unparsed.
    pub data_type: Option<Spanned<String>>,
    /// `start = N`.
    pub start: Option<Spanned<i64>>,
    /// `increment = N`.
    pub increment: Option<Spanned<i64>>,
    /// `min = N`.
    pub min: Option<Spanned<i64>>,
    /// `max = N`.
    pub max: Option<Spanned<i64>>,
    /// `cache = N`.
    pub cache: Option<Spanned<i64>>,
    /// `cycle`.
    pub cycle: Option<Span>,
    /// `owned_by = "[schema.]table.column"`, unparsed.
    pub owned_by: Option<Spanned<String>>,
    /// `renamed_from = "[schema.]old"`.
    pub renamed_from: Option<Spanned<String>>,
    /// The doc comment.
    pub doc: Option<String>,
    /// `#[grant(…)]`.
    pub grants: Vec<super::GrantAttr>,
}

/// The keys of `#[sequence(…)]`.
pub(crate) const SEQUENCE_KEYS: &[&str] = &[
    "name",
    "schema",
    "data_type",
    "start",
    "increment",
    "min",
    "max",
    "cache",
    "cycle",
    "owned_by",
    "renamed_from",
];

/// Whether a struct is a sequence: `#[derive(Sequence)]` or a `#[sequence]`
/// attribute.
pub fn is_sequence(attrs: &[Attribute]) -> bool {
    derives(attrs, "Sequence").is_some() || attrs.iter().any(|a| a.path().is_ident("sequence"))
}

/// `key = 42` or `key = -1`: an integer that fits in a `bigint`.
pub(super) fn int_value(entry: &Entry, errors: &mut Vec<Error>) -> Option<Spanned<i64>> {
    let example = format!("{} = 1", entry.key);
    let Value::Lit(Lit::Int(int)) = &entry.value else {
        errors.push(wrong_value(entry, "an integer", &example));
        return None;
    };
    match int.base10_parse::<i64>() {
        Ok(value) => Some(Spanned::new(value, int.span(), entry.key_span)),
        Err(_) => {
            errors.push(
                Error::new(
                    int.span(),
                    format!("`{}` does not fit in a bigint", int.base10_digits()),
                )
                .label("out of range")
                .help(format!(
                    "sequence values lie between {} and {}",
                    i64::MIN,
                    i64::MAX
                )),
            );
            None
        }
    }
}

/// Reads a sequence struct: its `#[sequence(…)]` keys and doc comment. The
/// struct must be a unit struct: a sequence has no columns.
pub fn sequence(item: &ItemStruct) -> (SequenceDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::Sequence, &mut errors);
    if !matches!(item.fields, Fields::Unit) {
        errors.push(
            Error::new(
                item.ident.span(),
                format!("sequence struct `{}` has fields", item.ident),
            )
            .label("expected a unit struct")
            .help(format!(
                "a sequence has no columns; write `pub struct {};`",
                item.ident
            )),
        );
    }
    let mut def = SequenceDef {
        ident: item.ident.clone(),
        name: None,
        schema: None,
        data_type: None,
        start: None,
        increment: None,
        min: None,
        max: None,
        cache: None,
        cycle: None,
        owned_by: None,
        renamed_from: None,
        doc: doc_comment(&item.attrs),
        grants: super::grant_attrs(&item.attrs, &mut errors),
    };
    let mut seen = Seen::default();
    for entry in entries_of(&item.attrs, "sequence", &mut errors) {
        if !accept_key(&entry, "sequence", SEQUENCE_KEYS, &mut seen, &mut errors) {
            continue;
        }
        match entry.key.as_str() {
            "name" => def.name = string_value(&entry, &mut errors),
            "schema" => def.schema = string_value(&entry, &mut errors),
            "data_type" => def.data_type = string_value(&entry, &mut errors),
            "start" => def.start = int_value(&entry, &mut errors),
            "increment" => def.increment = int_value(&entry, &mut errors),
            "min" => def.min = int_value(&entry, &mut errors),
            "max" => def.max = int_value(&entry, &mut errors),
            "cache" => def.cache = int_value(&entry, &mut errors),
            "cycle" => def.cycle = flag_value(&entry, &mut errors),
            "owned_by" => def.owned_by = string_value(&entry, &mut errors),
            _ => def.renamed_from = string_value(&entry, &mut errors),
        }
    }
    (def, errors)
}

/// Reads a sequence from what `#[derive(Sequence)]` receives; an error when
/// the input is not a struct.
pub fn sequence_from_derive(input: syn::DeriveInput) -> Result<(SequenceDef, Vec<Error>), Error> {
    super::unit_struct_from_derive(input, "Sequence", sequence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(src: &str) -> (SequenceDef, Vec<Error>) {
        sequence(&syn::parse_str::<ItemStruct>(src).unwrap())
    }

    #[test]
    fn reads_every_key_with_negative_numbers() {
        let (def, errors) = read(
            "#[derive(Sequence)]\n#[sequence(name = \"countdown\", data_type = \"integer\", start = -1, \
             increment = -2, min = -100, max = -1, cache = 5, cycle, owned_by = \"t.c\")]\n\
             /// Counts down.\npub struct Countdown;",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(def.name.unwrap().value, "countdown");
        assert_eq!(def.start.unwrap().value, -1);
        assert_eq!(def.increment.unwrap().value, -2);
        assert_eq!(def.min.unwrap().value, -100);
        assert_eq!(def.cache.unwrap().value, 5);
        assert!(def.cycle.is_some());
        assert_eq!(def.owned_by.unwrap().value, "t.c");
        assert_eq!(def.doc.as_deref(), Some("Counts down."));
        let (def, errors) = read("#[sequence(min = -9223372036854775808)] struct S;");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(def.min.unwrap().value, i64::MIN);
    }

    #[test]
    fn bad_keys_and_values_are_errors() {
        let (_, errors) = read("#[sequence(incremnt = 2)] struct S;");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `increment`?"));
        let (_, errors) = read("#[sequence(start = \"1\")] struct S;");
        assert!(errors[0].message.contains("expected an integer"));
        let (_, errors) = read("#[sequence(max = 99999999999999999999)] struct S;");
        assert!(errors[0].message.contains("does not fit"));
        let (_, errors) = read("#[sequence(min = -99999999999999999999)] struct S;");
        assert!(errors[0].message.contains("expected a literal"));
        let (_, errors) = read("#[sequence] struct S { x: i32 }");
        assert!(errors[0].message.contains("has fields"));
        let (_, errors) = read("#[sequence] #[table] struct S;");
        assert!(errors[0]
            .message
            .contains("not allowed on a sequence struct"));
    }
}
