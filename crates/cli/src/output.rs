//! Everything shale writes to the terminal goes through [`Ui`]: text or one
//! JSON document on stdout, errors on stderr, colour only when wanted, and a
//! closed pipe (`shale status | head -1`) treated as success.

use std::io::{IsTerminal, Write};

use crate::{ColorWhen, Format};

/// Output settings and helpers.
pub struct Ui {
    /// Text or JSON.
    pub format: Format,
    /// Whether stdout gets ANSI colours.
    pub color: bool,
    /// Whether stderr gets ANSI colours.
    pub color_stderr: bool,
    /// `--quiet`.
    pub quiet: bool,
}

/// Text styles.
#[derive(Clone, Copy, Debug)]
pub enum Style {
    /// Bold.
    Bold,
    /// Green: added, applied, fine.
    Good,
    /// Yellow: warnings, pending.
    Warn,
    /// Red: errors, removals.
    Bad,
    /// Dim: secondary detail.
    Dim,
}

impl Ui {
    /// Settings from the global flags and the environment.
    pub fn new(format: Format, color: ColorWhen, quiet: bool) -> Ui {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let decide = |tty: bool| match color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => tty && !no_color,
        };
        Ui {
            format,
            color: decide(std::io::stdout().is_terminal()),
            color_stderr: decide(std::io::stderr().is_terminal()),
            quiet,
        }
    }

    /// Whether output is JSON.
    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    /// `text` in `style` when colour is on.
    pub fn paint(&self, style: Style, text: &str) -> String {
        paint(self.color, style, text)
    }

    /// Prints a line of text on stdout (text formats only; suppressed by `--quiet`).
    pub fn line(&self, text: &str) {
        if self.format != Format::Json && !self.quiet {
            write_stdout(text);
        }
    }

    /// Prints a line of text on stdout even under `--quiet` (the essential result).
    pub fn result(&self, text: &str) {
        if self.format != Format::Json {
            write_stdout(text);
        }
    }

    /// Whether output is GitHub Actions workflow commands.
    pub fn github(&self) -> bool {
        self.format == Format::Github
    }

    /// A GitHub Actions annotation (`::error file=…,line=…,title=…::message`);
    /// printed only with `--format github`.
    pub fn annotation(
        &self,
        level: &str,
        file: Option<&str>,
        line: Option<usize>,
        title: &str,
        message: &str,
    ) {
        if self.format != Format::Github {
            return;
        }
        let mut props = Vec::new();
        if let Some(f) = file {
            props.push(format!("file={}", escape_property(f)));
        }
        if let Some(l) = line {
            props.push(format!("line={l}"));
        }
        props.push(format!("title={}", escape_property(title)));
        write_stdout(&format!(
            "::{level} {}::{}",
            props.join(","),
            escape_data(message)
        ));
    }

    /// Prints the one JSON document (JSON format only).
    pub fn document(&self, value: &serde_json::Value) {
        if self.format == Format::Json {
            let text = serde_json::to_string_pretty(value)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            write_stdout(&text);
        }
    }

    /// Whether progress is shown while something runs long: text format,
    /// without `--quiet`.
    pub fn shows_progress(&self) -> bool {
        self.format == Format::Text && !self.quiet
    }

    /// Prints a progress line on stderr (see [`Ui::shows_progress`]).
    pub fn progress(&self, text: &str) {
        if self.shows_progress() {
            let _ = writeln!(std::io::stderr(), "{text}");
        }
    }

    /// Prints a warning on stderr (text formats).
    pub fn warn(&self, text: &str) {
        if self.format != Format::Json {
            let label = paint(self.color_stderr, Style::Warn, "warning");
            let _ = writeln!(std::io::stderr(), "{label}: {text}");
        }
    }

    /// Prints an error chain as one line on stderr, or as `{"error": …}` on
    /// stdout in JSON format.
    pub fn error(&self, error: &anyhow::Error) {
        let message = format!("{error:#}");
        let schema_errors = error.downcast_ref::<crate::commands::project::SchemaErrors>();
        match self.format {
            Format::Json => {
                let mut doc = serde_json::json!({ "error": message });
                if let Some(s) = schema_errors {
                    doc["diagnostics"] = s.json.clone();
                }
                write_stdout(&serde_json::to_string_pretty(&doc).unwrap_or_default());
            }
            Format::Text | Format::Github => {
                if let Some(s) = schema_errors {
                    let _ = write!(std::io::stderr(), "{}", s.rendered);
                }
                let label = paint(self.color_stderr, Style::Bad, "error");
                let _ = writeln!(std::io::stderr(), "{label}: {message}");
            }
        }
    }
}

/// Escapes a workflow command's message (`%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn paint(on: bool, style: Style, text: &str) -> String {
    if !on {
        return text.to_string();
    }
    let code = match style {
        Style::Bold => "1",
        Style::Good => "32",
        Style::Warn => "33",
        Style::Bad => "31",
        Style::Dim => "2",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// Writes a line to stdout; a closed pipe ends the process successfully.
fn write_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}").and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}
