//! The grammar of a function or procedure: a unit struct with
//! `#[derive(Function)]` and `#[function(…)]`, and of a table's
//! `#[trigger(…)]` attribute.

use proc_macro2::Span;
use syn::{Attribute, Fields, Ident, ItemStruct};

use super::{
    accept_key, attr_entries, check_attribute_names, derives, doc_comment, entries_of, flag_value,
    name_list, string_value, Error, Place, Seen, Spanned,
};

/// A struct that derives `Function` (or carries `#[function]`).
#[derive(Clone, Debug)]
pub struct FunctionDef {
    /// The struct's identifier.
    pub ident: Ident,
    /// The doc comment: the routine's comment.
    pub doc: Option<String>,
    /// `#[grant(…)]`.
    pub grants: Vec<super::GrantAttr>,
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `schema = "…"`.
    pub schema: Option<Spanned<String>>,
    /// `procedure`: `CREATE PROCEDURE`.
    pub procedure: Option<Span>,
    /// `args = "a integer, b text DEFAULT 'x'"`.
    pub args: Option<Spanned<String>>,
    /// `returns = "…"`.
    pub returns: Option<Spanned<String>>,
    /// `language = "…"`.
    pub language: Option<Spanned<String>>,
    /// `sql = "…"`: the body inline.
    pub sql: Option<Spanned<String>>,
    /// `sql_file = "…"`: the body in a file relative to the schema directory.
    pub sql_file: Option<Spanned<String>>,
    /// `volatility = "stable"`.
    pub volatility: Option<Spanned<String>>,
    /// `strict`.
    pub strict: Option<Span>,
    /// `security_definer`.
    pub security_definer: Option<Span>,
    /// `leakproof`.
    pub leakproof: Option<Span>,
    /// `parallel = "safe"`.
    pub parallel: Option<Spanned<String>>,
    /// `search_path = "public, pg_temp"`.
    pub search_path: Option<Spanned<String>>,
}

/// The keys of `#[function(…)]`.
pub(crate) const FUNCTION_KEYS: &[&str] = &[
    "name",
    "schema",
    "procedure",
    "args",
    "returns",
    "language",
    "sql",
    "sql_file",
    "volatility",
    "strict",
    "security_definer",
    "leakproof",
    "parallel",
    "search_path",
];

/// Whether a struct is a function: `#[derive(Function)]` or a `#[function]`
/// attribute.
pub fn is_function(attrs: &[Attribute]) -> bool {
    derives(attrs, "Function").is_some() || attrs.iter().any(|a| a.path().is_ident("function"))
}

/// Reads a function struct (a unit struct) and its `#[function(…)]` keys.
pub fn function(item: &ItemStruct) -> (FunctionDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::Function, &mut errors);
    if !matches!(item.fields, Fields::Unit) {
        errors.push(
            Error::new(
                item.ident.span(),
                format!("function struct `{}` has fields", item.ident),
            )
            .label("expected a unit struct")
            .help(format!(
                "write `pub struct {};` and the arguments as `#[function(args = \"a integer, b text\")]`",
                item.ident
            )),
        );
    }
    let mut def = FunctionDef {
        ident: item.ident.clone(),
        doc: doc_comment(&item.attrs),
        grants: super::grant_attrs(&item.attrs, &mut errors),
        name: None,
        schema: None,
        procedure: None,
        args: None,
        returns: None,
        language: None,
        sql: None,
        sql_file: None,
        volatility: None,
        strict: None,
        security_definer: None,
        leakproof: None,
        parallel: None,
        search_path: None,
    };
    let mut seen = Seen::default();
    for entry in entries_of(&item.attrs, "function", &mut errors) {
        if !accept_key(&entry, "function", FUNCTION_KEYS, &mut seen, &mut errors) {
            continue;
        }
        let flag = match entry.key.as_str() {
            "procedure" => &mut def.procedure,
            "strict" => &mut def.strict,
            "security_definer" => &mut def.security_definer,
            "leakproof" => &mut def.leakproof,
            _ => {
                let slot = match entry.key.as_str() {
                    "name" => &mut def.name,
                    "schema" => &mut def.schema,
                    "args" => &mut def.args,
                    "returns" => &mut def.returns,
                    "language" => &mut def.language,
                    "sql" => &mut def.sql,
                    "sql_file" => &mut def.sql_file,
                    "volatility" => &mut def.volatility,
                    "parallel" => &mut def.parallel,
                    _ => &mut def.search_path,
                };
                *slot = string_value(&entry, &mut errors);
                continue;
            }
        };
        *flag = flag_value(&entry, &mut errors);
    }
    (def, errors)
}

/// Reads a function from what `#[derive(Function)]` receives; an error when
/// the input is not a struct.
pub fn function_from_derive(input: syn::DeriveInput) -> Result<(FunctionDef, Vec<Error>), Error> {
    super::unit_struct_from_derive(input, "Function", function)
}

/// `#[trigger(name = "…", timing = "before", events(insert, update),
/// update_of(a, b), for_each = "row", when = "…", function = "…", args =
/// "…")]` on a table struct.
#[derive(Clone, Debug)]
pub struct TriggerAttr {
    /// The attribute's span.
    pub span: Span,
    /// `name = "…"` (required).
    pub name: Option<Spanned<String>>,
    /// `timing = "before" | "after" | "instead_of"`.
    pub timing: Option<Spanned<String>>,
    /// `events(insert, update, delete, truncate)`.
    pub events: Vec<Spanned<String>>,
    /// `update_of(col, …)`.
    pub update_of: Vec<Spanned<String>>,
    /// `for_each = "row" | "statement"`.
    pub for_each: Option<Spanned<String>>,
    /// `when = "…"`.
    pub when: Option<Spanned<String>>,
    /// `function = "name"` or `"schema.name"`.
    pub function: Option<Spanned<String>>,
    /// `args = "a, b"`: the trigger's arguments, separated by commas.
    pub args: Option<Spanned<String>>,
    /// `comment = "…"`: `COMMENT ON TRIGGER`.
    pub comment: Option<Spanned<String>>,
}

const TRIGGER_KEYS: &[&str] = &[
    "name",
    "timing",
    "events",
    "update_of",
    "for_each",
    "when",
    "function",
    "args",
    "comment",
];

pub(super) fn trigger_attr(attr: &Attribute, span: Span, errors: &mut Vec<Error>) -> TriggerAttr {
    let mut seen = Seen::default();
    let mut t = TriggerAttr {
        span,
        name: None,
        timing: None,
        events: Vec::new(),
        update_of: Vec::new(),
        for_each: None,
        when: None,
        function: None,
        args: None,
        comment: None,
    };
    for entry in attr_entries(attr, errors) {
        if !accept_key(&entry, "trigger", TRIGGER_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "events" => t.events = name_list(&entry, errors).unwrap_or_default(),
            "update_of" => t.update_of = name_list(&entry, errors).unwrap_or_default(),
            key => {
                let slot = match key {
                    "name" => &mut t.name,
                    "timing" => &mut t.timing,
                    "for_each" => &mut t.for_each,
                    "when" => &mut t.when,
                    "function" => &mut t.function,
                    "comment" => &mut t.comment,
                    _ => &mut t.args,
                };
                *slot = string_value(&entry, errors);
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_refuses_unknown_ones() {
        let item: ItemStruct = syn::parse_str(
            "/// Touches.\n#[derive(Function)] #[function(name = \"touch\", schema = \"app\", returns = \"trigger\", language = \"plpgsql\", sql = \"BEGIN RETURN NEW; END\", strict, parallel = \"safe\")] pub struct Touch;",
        )
        .unwrap();
        let (def, errors) = function(&item);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(def.name.unwrap().value, "touch");
        assert_eq!(def.returns.unwrap().value, "trigger");
        assert!(def.strict.is_some());
        assert_eq!(def.doc.as_deref(), Some("Touches."));
        let item: ItemStruct = syn::parse_str("#[function(retruns = \"int\")] struct F;").unwrap();
        let (_, errors) = function(&item);
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `returns`?"));
        let item: ItemStruct =
            syn::parse_str("#[function(sql = \"x\")] struct F { a: i32 }").unwrap();
        let (_, errors) = function(&item);
        assert!(errors[0].message.contains("has fields"), "{errors:?}");
    }
}
