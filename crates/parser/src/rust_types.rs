//! Rust field types → column types: the type table of the schema language
//! (by the last path segment, generics looked through), `Option<T>` as
//! nullability, `Vec<T>` as arrays, and `PgEnum` types by name.

use proc_macro2::Span;
use shale_model::{ColumnType, QualifiedName};
use syn::spanned::Spanned;
use syn::{GenericArgument, PathArguments, Type};

/// The Rust type names the schema language maps, for "did you mean".
pub(crate) const KNOWN: &[&str] = &[
    "i16",
    "i32",
    "i64",
    "f32",
    "f64",
    "bool",
    "String",
    "Vec",
    "Option",
    "Uuid",
    "NaiveDate",
    "Date",
    "NaiveTime",
    "Time",
    "NaiveDateTime",
    "PrimitiveDateTime",
    "DateTime",
    "OffsetDateTime",
    "Decimal",
    "Value",
    "Json",
    "IpAddr",
];

/// The SQL type of a scalar Rust type name, per design.md §4.
fn builtin(name: &str) -> Option<&'static str> {
    Some(match name {
        "i16" => "smallint",
        "i32" => "integer",
        "i64" => "bigint",
        "f32" => "real",
        "f64" => "double precision",
        "bool" => "boolean",
        "String" => "text",
        "Uuid" => "uuid",
        "NaiveDate" | "Date" => "date",
        "NaiveTime" | "Time" => "time",
        "NaiveDateTime" | "PrimitiveDateTime" => "timestamp",
        "DateTime" | "OffsetDateTime" => "timestamptz",
        "Decimal" => "numeric",
        "Value" | "Json" => "jsonb",
        "IpAddr" => "inet",
        _ => return None,
    })
}

/// What a `PgEnum` lookup by Rust name found.
pub(crate) enum EnumLookup {
    /// No `PgEnum` has this name.
    None,
    /// Exactly one.
    One(QualifiedName),
    /// Several enums in different places share the Rust name.
    Ambiguous,
    /// Exactly one domain or composite type (and no enum).
    UserType(QualifiedName),
}

/// Why a type could not be mapped.
pub(crate) enum TypeError {
    /// A path type whose last segment is not in the table.
    Unknown { span: Span, name: String },
    /// A type that is not a path (`&str`, `[u8; 4]`, tuples, …).
    Unsupported { ty: Box<Type> },
    /// `Option`/`Vec` without a type argument.
    MissingArgument { ty: Box<Type>, name: String },
    /// Several `PgEnum`s share this name.
    Ambiguous { span: Span, name: String },
}

/// The outermost `Option<T>`s stripped: the inner type and whether there was one.
pub(crate) fn strip_option(ty: &Type) -> Result<(&Type, bool), TypeError> {
    let mut ty = peel(ty);
    let mut nullable = false;
    while let Some((name, arg)) = last_segment(ty) {
        if name != "Option" {
            break;
        }
        nullable = true;
        ty = peel(arg.ok_or_else(|| TypeError::MissingArgument {
            ty: Box::new(ty.clone()),
            name,
        })?);
    }
    Ok((ty, nullable))
}

/// Maps a field type: the column type and whether it is nullable.
pub(crate) fn map_type(
    ty: &Type,
    enums: &dyn Fn(&str) -> EnumLookup,
) -> Result<(ColumnType, bool), TypeError> {
    let (inner, nullable) = strip_option(ty)?;
    Ok((map_scalar(inner, enums, 0)?, nullable))
}

fn map_scalar(
    ty: &Type,
    enums: &dyn Fn(&str) -> EnumLookup,
    depth: u8,
) -> Result<ColumnType, TypeError> {
    let ty = peel(ty);
    let Some((name, arg)) = last_segment(ty) else {
        return Err(TypeError::Unsupported {
            ty: Box::new(ty.clone()),
        });
    };
    // Element nullability inside arrays is not part of the column type.
    if name == "Option" {
        let arg = arg.ok_or_else(|| TypeError::MissingArgument {
            ty: Box::new(ty.clone()),
            name: name.clone(),
        })?;
        return map_scalar(arg, enums, depth);
    }
    if name == "Vec" {
        let arg = arg.ok_or_else(|| TypeError::MissingArgument {
            ty: Box::new(ty.clone()),
            name: name.clone(),
        })?;
        if last_segment(peel(arg)).is_some_and(|(n, _)| n == "u8") {
            return Ok(ColumnType::named("bytea"));
        }
        if depth >= 6 {
            // PostgreSQL ignores declared dimensions anyway; six is its limit
            // for array values (MAXDIM), and it bounds the recursion.
            return Err(TypeError::Unsupported {
                ty: Box::new(ty.clone()),
            });
        }
        return Ok(map_scalar(arg, enums, depth + 1)?.array_of());
    }
    match enums(&name) {
        EnumLookup::One(q) => return Ok(ColumnType::enum_(q)),
        EnumLookup::UserType(q) => {
            return Ok(ColumnType {
                base: shale_model::BaseType::UserType(q),
                array_dims: 0,
            })
        }
        EnumLookup::Ambiguous => {
            return Err(TypeError::Ambiguous {
                span: segment_span(ty),
                name,
            })
        }
        EnumLookup::None => {}
    }
    match builtin(&name) {
        Some(sql) => Ok(ColumnType::named(sql)),
        None => Err(TypeError::Unknown {
            span: segment_span(ty),
            name,
        }),
    }
}

/// Parentheses and invisible groups around a type mean nothing.
fn peel(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Paren(p) => ty = &p.elem,
            Type::Group(g) => ty = &g.elem,
            _ => return ty,
        }
    }
}

/// The last path segment's name and its first type argument.
fn last_segment(ty: &Type) -> Option<(String, Option<&Type>)> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    let name = segment.ident.to_string();
    let name = name.strip_prefix("r#").map(str::to_string).unwrap_or(name);
    let arg = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
            GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    };
    Some((name, arg))
}

fn segment_span(ty: &Type) -> Span {
    match ty {
        Type::Path(p) => p
            .path
            .segments
            .last()
            .map_or_else(|| ty.span(), |s| s.ident.span()),
        _ => ty.span(),
    }
}

/// A type as written, spaced like rustfmt would (`HashMap<String, i32>`,
/// `&'static str`, `[u8; 4]`), from its tokens: the same text whether the
/// source is at hand (the CLI) or not (a derive macro).
pub(crate) fn type_text(ty: &Type) -> String {
    let raw = quote::ToTokens::to_token_stream(ty).to_string();
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev = out.chars().last().unwrap_or(' ');
            let next = chars.peek().copied().unwrap_or(' ');
            let glue_after = matches!(prev, '<' | '&' | '[' | '(' | ':' | '\'' | '*');
            let glue_before = matches!(next, '<' | '>' | ',' | ';' | ']' | ')' | ':');
            if glue_after || glue_before {
                continue;
            }
        }
        out.push(c);
    }
    out
}
