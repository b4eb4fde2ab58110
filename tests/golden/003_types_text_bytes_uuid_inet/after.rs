//! String, bytes, Uuid and IpAddr map to text, bytea, uuid and inet.

#[derive(Table)]
#[table(name = "devices")]
pub struct Device {
    #[column(primary_key)]
    pub id: uuid::Uuid,
    pub label: String,
    pub firmware: Vec<u8>,
    pub last_ip: std::net::IpAddr,
    pub previous_ip: Option<IpAddr>,
    pub owner: Option<Uuid>,
}
