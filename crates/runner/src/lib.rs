//! Applies pending migrations exactly once (journal order, one transaction per
//! migration with its tracking row, transaction-scoped advisory lock) and
//! reports the status of a database's migrations.
