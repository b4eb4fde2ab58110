//! Platform plumbing: the audit trail, API keys for integrations, and
//! outgoing webhooks (grouped in an inline module because they always change
//! together).

use chrono::{DateTime, Utc};
use shale::Table;
use std::net::IpAddr;
use uuid::Uuid;

/// Append-only record of security-relevant actions. Never updated.
#[derive(Table)]
#[table(name = "audit_log")]
// Rows arrive in time order, so a brin index answers time-range queries
// at a fraction of a btree's size.
#[index(columns(created_at), method = "brin")]
// jsonb_path_ops: smaller and faster for the `payload @> '{…}'` filters the
// admin search uses; it does not support key-existence operators.
#[index(
    columns(payload(ops = "jsonb_path_ops")),
    method = "gin",
    name = "audit_log_payload_path_ops"
)]
pub struct AuditLog {
    #[column(primary_key, sql_type = "bigserial")]
    pub id: i64,
    /// Kept after the organisation is purged, for the legal retention period.
    #[column(references = "organisations.id", on_delete = "set_null")]
    pub organisation_id: Option<i64>,
    #[column(references = "users.id", on_delete = "set_null")]
    pub actor_id: Option<i64>,
    /// Dotted verb, e.g. `member.invite`.
    pub action: String,
    #[column(default = "'{}'::jsonb")]
    pub payload: serde_json::Value,
    pub ip: Option<IpAddr>,
    #[column(default = "now()")]
    pub created_at: DateTime<Utc>,
}

/// A secret that lets an integration call the API on an organisation's behalf.
#[derive(Table)]
#[table(name = "api_keys")]
// Authentication looks keys up by prefix, and only live ones; the scopes
// ride along in the index so the check needs no heap access.
#[index(
    columns(prefix),
    unique,
    where = "revoked_at IS NULL",
    include(organisation_id, scopes),
    name = "api_keys_live_prefix"
)]
#[index(columns(organisation_id, created_at(desc)))]
#[check(
    name = "api_keys_expiry_after_creation",
    expr = "expires_at IS NULL OR expires_at > created_at"
)]
pub struct ApiKey {
    #[column(primary_key, default = "gen_random_uuid()")]
    pub id: Uuid,
    #[column(references = "organisations.id", on_delete = "cascade")]
    pub organisation_id: i64,
    /// The first eight characters of the key, shown in the UI.
    #[column(sql_type = "char(8)")]
    pub prefix: String,
    /// SHA-256 of the whole key; the key itself is shown once and never stored.
    pub secret_hash: Vec<u8>,
    #[column(default = "'{}'")]
    pub scopes: Vec<String>,
    #[column(references = "users.id", on_delete = "set_null")]
    pub created_by: Option<i64>,
    #[column(default = "now()")]
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Outgoing webhooks: where to send events, and what happened when we did.
pub mod webhooks {
    use super::*;

    /// A URL an organisation asked us to notify.
    #[derive(Table)]
    #[table(name = "webhook_endpoints")]
    #[unique(columns(organisation_id, url))]
    pub struct WebhookEndpoint {
        #[column(primary_key, identity)]
        pub id: i64,
        #[column(references = "organisations.id", on_delete = "cascade")]
        pub organisation_id: i64,
        #[column(check = "url LIKE 'https://%'")]
        pub url: String,
        /// Signs each delivery (HMAC-SHA256).
        pub signing_secret: String,
        /// Event names to send; empty means all.
        #[column(default = "'{}'")]
        pub events: Vec<String>,
        #[column(default = "true")]
        pub enabled: bool,
        pub description: Option<String>,
    }

    /// One attempt to deliver one event to one endpoint.
    #[derive(Table)]
    #[table(name = "webhook_deliveries")]
    #[index(columns(endpoint_id, created_at(desc)))]
    // Support searches deliveries by event-name prefix (`issue.%`).
    #[index(columns(event(ops = "text_pattern_ops")))]
    pub struct WebhookDelivery {
        #[column(primary_key, identity = "always")]
        pub id: i64,
        #[column(references = "webhook_endpoints.id", on_delete = "cascade")]
        pub endpoint_id: i64,
        pub event: String,
        pub payload: serde_json::Value,
        /// NULL until the endpoint answered (or timed out).
        pub status_code: Option<i16>,
        #[column(default = "1", check = "attempt BETWEEN 1 AND 10")]
        pub attempt: i16,
        #[column(default = "now()")]
        pub created_at: DateTime<Utc>,
        pub delivered_at: Option<DateTime<Utc>>,
    }
}
