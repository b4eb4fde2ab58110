//! Objects dropped with their grants: no REVOKE is written (the privileges
//! go with the objects), and the schema's settings go with the schema.
