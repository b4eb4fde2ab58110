//! Functions and procedures as unit structs (`#[derive(Function)]`), and
//! the triggers of a table as `#[trigger(…)]` attributes.

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::quote;
use shale_model::{Argument, Function, Parallel, Table, Trigger, TriggerTiming, Volatility};

use crate::{doc_attrs, Renderer};

/// Names the parser would read as the start of a type or a mode, not as an
/// argument name: written quoted.
const RESERVED_FIRST_WORDS: &[&str] = &[
    "double",
    "timestamp",
    "time",
    "character",
    "char",
    "bit",
    "interval",
    "national",
    "in",
    "out",
    "inout",
    "variadic",
];

fn argument_sql(a: &Argument) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(mode) = a.mode.as_sql() {
        parts.push(mode.to_string());
    }
    if let Some(name) = &a.name {
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && !name.starts_with(|c: char| c.is_ascii_digit())
            && !RESERVED_FIRST_WORDS.contains(&name.as_str());
        if plain {
            parts.push(name.clone());
        } else {
            parts.push(format!("\"{}\"", name.replace('"', "\"\"")));
        }
    }
    parts.push(a.ty.clone());
    if let Some(d) = &a.default {
        parts.push(format!("DEFAULT {d}"));
    }
    parts.join(" ")
}

/// The body as a string literal: a raw string (`r#"…"#`) when it spans
/// lines, so that it reads as it does in the database.
fn body_literal(body: &str) -> proc_macro2::Literal {
    if body.contains('\n') {
        let mut hashes = 1;
        while body.contains(&format!("\"{}", "#".repeat(hashes))) {
            hashes += 1;
        }
        let h = "#".repeat(hashes);
        if let Ok(lit) = format!("r{h}\"{body}\"{h}").parse::<proc_macro2::Literal>() {
            return lit;
        }
    }
    proc_macro2::Literal::string(body)
}

impl Renderer {
    pub(crate) fn render_function(&mut self, f: &Function) -> TokenStream {
        let ident = self.type_ident(&f.name);
        let mut args = Vec::new();
        if ident.to_string().to_snake_case() != f.name.name {
            let n = &f.name.name;
            args.push(quote!(name = #n));
        }
        if !f.name.is_public() {
            let n = &f.name.namespace;
            args.push(quote!(schema = #n));
        }
        if f.procedure {
            args.push(quote!(procedure));
        }
        if !f.arguments.is_empty() {
            let a = f
                .arguments
                .iter()
                .map(argument_sql)
                .collect::<Vec<_>>()
                .join(", ");
            args.push(quote!(args = #a));
        }
        if let Some(r) = &f.returns {
            args.push(quote!(returns = #r));
        }
        let language = &f.language;
        args.push(quote!(language = #language));
        if f.volatility != Volatility::Volatile {
            let v = f.volatility.as_str();
            args.push(quote!(volatility = #v));
        }
        if f.strict {
            args.push(quote!(strict));
        }
        if f.security_definer {
            args.push(quote!(security_definer));
        }
        if f.leakproof {
            args.push(quote!(leakproof));
        }
        if f.parallel != Parallel::Unsafe {
            let p = f.parallel.as_str();
            args.push(quote!(parallel = #p));
        }
        if let Some(p) = &f.search_path {
            args.push(quote!(search_path = #p));
        }
        let body = body_literal(&f.body);
        args.push(quote!(sql = #body));
        let doc = doc_attrs(f.comment.as_deref());
        let grants = super::grant::grant_attrs(&f.grants);
        quote! {
            #doc
            #[derive(Function)]
            #[function(#(#args),*)]
            #(#grants)*
            pub struct #ident;
        }
    }

    /// `#[trigger(…)]`, or `None` (with a warning) when the schema language
    /// cannot say it (an argument holding a comma, a timing tables do not
    /// take).
    pub(crate) fn trigger_attr(&mut self, t: &Table, trigger: &Trigger) -> Option<TokenStream> {
        if trigger
            .arguments
            .iter()
            .any(|a| a.contains(',') || a.trim() != a)
        {
            self.warnings.push(format!(
                "trigger `{}` on `{}` is left out: an argument holds a comma or surrounding spaces, which `args = \"…\"` cannot write",
                trigger.name, t.name
            ));
            return None;
        }
        if trigger.timing == TriggerTiming::InsteadOf {
            self.warnings.push(format!(
                "trigger `{}` on `{}` is left out: INSTEAD OF triggers are for views",
                trigger.name, t.name
            ));
            return None;
        }
        let name = &trigger.name;
        let mut args = vec![quote!(name = #name)];
        let timing = trigger.timing.as_str();
        args.push(quote!(timing = #timing));
        let mut events = Vec::new();
        for (on, word) in [
            (trigger.events.insert, quote!(insert)),
            (trigger.events.update, quote!(update)),
            (trigger.events.delete, quote!(delete)),
            (trigger.events.truncate, quote!(truncate)),
        ] {
            if on {
                events.push(word);
            }
        }
        args.push(quote!(events(#(#events),*)));
        if !trigger.update_of.is_empty() {
            let cols = self.idents_list(&trigger.update_of);
            args.push(quote!(update_of(#cols)));
        }
        let each = if trigger.for_each_row {
            "row"
        } else {
            "statement"
        };
        args.push(quote!(for_each = #each));
        if let Some(w) = &trigger.when {
            args.push(quote!(when = #w));
        }
        let function = if trigger.function.is_public() {
            trigger.function.name.clone()
        } else {
            trigger.function.to_string()
        };
        args.push(quote!(function = #function));
        if !trigger.arguments.is_empty() {
            let a = trigger.arguments.join(", ");
            args.push(quote!(args = #a));
        }
        if let Some(c) = &trigger.comment {
            args.push(quote!(comment = #c));
        }
        Some(quote!(#[trigger(#(#args),*)]))
    }
}
