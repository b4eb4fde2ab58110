//! `#[derive(View)]`: the constants it generates equal the model `shale
//! generate` builds from the same source, `sql_file` is read (by the CLI's
//! parser, relative to the schema directory) and per-item mistakes are the
//! parser's diagnostics.

use shale::View;
use shale_parser::{grammar, parse_sources, ParseOptions, SourceFile};
use shale_tests::repo_root;

include!("derive_view/items.rs");

fn consts<V: View>() -> (
    &'static str,
    &'static str,
    &'static str,
    Vec<&'static str>,
    bool,
) {
    (
        V::SCHEMA,
        V::NAME,
        V::QUALIFIED_NAME,
        V::COLUMNS.to_vec(),
        V::MATERIALIZED,
    )
}

#[test]
fn view_constants_equal_the_parsed_model() {
    let dir = repo_root().join("tests/tests/derive_view");
    let path = dir.join("items.rs");
    let files = [SourceFile {
        text: std::fs::read_to_string(&path).unwrap(),
        path,
    }];
    let parsed = parse_sources(
        &files,
        &ParseOptions {
            schema_dir: Some(dir.clone()),
            ..ParseOptions::default()
        },
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let from_model: Vec<(String, String, Vec<String>, bool)> = parsed
        .schema
        .views
        .iter()
        .map(|v| {
            (
                v.name.namespace.clone(),
                v.name.name.clone(),
                v.columns.iter().map(|c| c.name.clone()).collect(),
                v.materialized,
            )
        })
        .collect();
    let compiled: Vec<(String, String, Vec<String>, bool)> =
        [consts::<ActiveUser>(), consts::<UserTotals>()]
            .into_iter()
            .map(|(s, n, _, c, m)| {
                (
                    s.to_string(),
                    n.to_string(),
                    c.iter().map(|c| c.to_string()).collect(),
                    m,
                )
            })
            .collect();
    assert_eq!(from_model, compiled);
    assert_eq!(ActiveUser::QUALIFIED_NAME, "\"app\".\"active_users\"");
    assert_eq!(active_user_columns::EMAIL, "mail");
    assert_eq!(user_totals_columns::TOTAL, "total");
    // sql_file is read relative to the schema directory; the model holds the text.
    let totals = parsed.schema.views.iter().find(|v| v.materialized).unwrap();
    assert_eq!(
        totals.query,
        "SELECT user_id, sum(amount) AS total\nFROM orders\nGROUP BY user_id"
    );
    assert_eq!(totals.indexes[0].name, "user_totals_user_id_idx");
}

#[test]
fn the_derive_reports_what_check_view_reports() {
    let item: syn::ItemStruct = syn::parse_quote! {
        #[derive(View)]
        #[view(materialized, with_check_option, sql = "SELECT 1 AS x", sqlfile = "a.sql")]
        pub struct Bad { pub x: i32 }
    };
    assert!(grammar::is_view(&item.attrs));
    let (def, errors) = grammar::view(item);
    let mut messages: Vec<String> = errors.into_iter().map(|e| e.message).collect();
    messages.extend(
        shale_parser::check_view(&def)
            .into_iter()
            .map(|e| e.message),
    );
    assert_eq!(
        messages,
        [
            "unknown key `sqlfile` in `#[view]`",
            "`with_check_option` on a materialized view",
        ]
    );
}
