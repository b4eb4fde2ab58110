//! Renders schema diagnostics from the parser: file, line and column, the
//! source line with the offending span underlined, and the fix-it help.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use shale_parser::SourceFile;

/// Renders every diagnostic to one string (with ANSI colours when `color`).
pub fn render(
    sources: &[SourceFile],
    diagnostics: &[shale_parser::Diagnostic],
    color: bool,
) -> String {
    let mut files = SimpleFiles::new();
    let ids: Vec<usize> = sources
        .iter()
        .map(|s| files.add(s.path.display().to_string(), s.text.clone()))
        .collect();
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    for d in diagnostics {
        let Some(&file) = ids.get(d.file) else {
            continue;
        };
        let len = sources[d.file].text.len();
        let span = d.span.start.min(len)..d.span.end.min(len).max(d.span.start.min(len));
        let mut diag = Diagnostic::error()
            .with_message(&d.message)
            .with_labels(vec![Label::primary(file, span).with_message(&d.label)]);
        if let Some(help) = &d.help {
            diag = diag.with_notes(vec![format!("help: {help}")]);
        }
        let _ = term::emit(&mut buffer, &config, &files, &diag);
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// The diagnostics as JSON values (file, line, column, message, label, help).
pub fn to_json(
    sources: &[SourceFile],
    diagnostics: &[shale_parser::Diagnostic],
) -> serde_json::Value {
    diagnostics
        .iter()
        .map(|d| {
            serde_json::json!({
                "file": sources.get(d.file).map(|s| s.path.display().to_string()),
                "line": d.line,
                "column": d.column,
                "message": d.message,
                "label": d.label,
                "help": d.help,
            })
        })
        .collect()
}
