//! One module per command. Each `run` returns an [`Outcome`](crate::Outcome)
//! or an error (exit 2), and prints through [`Ui`](crate::output::Ui) only.

pub mod adopt;
pub mod backup;
pub mod check;
pub mod fleet;
pub mod generate;
pub mod hash;
pub mod init;
pub mod lint;
pub mod migrate;
pub mod project;
pub mod pull;
pub mod rebase;
pub mod rollback;
pub mod verify;

use crate::config::Config;
use crate::output::Ui;

/// What every command gets: the configuration, the output, and `--db`.
pub struct Context<'a> {
    /// `shale.toml` with command-line overrides applied.
    pub config: Config,
    /// Output.
    pub ui: &'a Ui,
    /// `--db URL`, if given.
    pub db_flag: Option<&'a str>,
}

/// Drops a large value (a 3000-table model takes milliseconds to free) on a
/// thread of its own, off the path to the command's result: when the process
/// exits first, the operating system reclaims the memory at once; in a
/// longer-lived caller the thread finishes the drop.
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    let dropper = std::thread::Builder::new()
        .name("shale-drop".into())
        .spawn(move || drop(value));
    // No thread to be had: `spawn` has dropped the value already.
    drop(dropper);
}
